import { type PersonName } from '../shared/person-name';

/**
 * The fields of person events that are personal data (DOMAIN.md "Personal data and erasure"):
 * the store keeps them sealed under a key of the person's own, so that destroying the key erases
 * them in the log and in every copy of it. A name is among them, since the name of a person who
 * never held a post is private; an officer's public name survives erasure in `PersonalDataErased`.
 */
export const SEALED_FIELDS: Readonly<Record<string, readonly string[]>> = {
  PersonRegistered: ['name', 'latinName', 'personal'],
  PersonDetailsChanged: ['name', 'latinName', 'personal'],
  MemberAdmitted: ['cardNumber'],
};

/** What a sealed name reads as once its key is destroyed: never a real name, in no script. */
export const ERASED_NAME: PersonName = { surname: '[erased]', given: '[erased]' };
