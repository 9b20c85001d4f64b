// Value objects
export * from './shared/local-date';
export * from './shared/interval';
export * from './shared/iin';
export * from './shared/person-name';
export * from './shared/multilingual-name';
export * from './shared/kato';
export * from './shared/basis';
// Errors, decisions, deciders, retraction
export * from './shared/domain-error';
export { type BaseContext, checkEffectiveDate } from './shared/event-data';
export * from './shared/decider';
export * from './shared/cross-stream';
export * from './shared/basis-rules';
// Stream names
export * from './streams';
// organisation-<uuid>
export * from './organisation/organisation.events';
export * from './organisation/organisation.commands';
export * from './organisation/organisation.state';
export * from './organisation/organisation.context';
export { ALLOWED_PARENTS } from './organisation/establish-organisation.decide';
export { postLifetime } from './organisation/organisation.invariants';
export { organisationDecider, decideOrganisation } from './organisation/organisation.decider';
// person-<uuid>
export * from './person/person.events';
export * from './person/person.commands';
export * from './person/person.state';
export * from './person/person.context';
export * from './person/personal-fields';
export type { Membership, Placement } from './person/membership-timeline';
export { personDecider, decidePerson } from './person/person.decider';
export * from './person/register-and-admit.decider';
// meeting-<uuid>
export * from './meeting/meeting.decider';
export * from './meeting/meeting-summary';
// filing-<uuid>
export * from './filing/filing.decider';
// Processes across streams
export * from './processes/officers-stay-members';
