import { type PersonRecord } from '@baytaq/read-models';
import { type AuthPrincipal, hasAnyRole } from '../auth/roles';

/**
 * What a caller may read of people: the one decision every read that could show personal data
 * goes through. `personal` (compliance, admin): IINs, birth dates, contacts, cards, memberships,
 * member lists and the names of people who never held a post. `public` (no key, or registrar:
 * a registrar writes people but never reads them back): officers' names and tenures only, as
 * leadership is public.
 */
export type Clearance = 'personal' | 'public';

export function clearanceOf(principal: AuthPrincipal | undefined): Clearance {
  return principal !== undefined && hasAnyRole(principal, ['compliance']) ? 'personal' : 'public';
}

/** What anyone may see of an officer: the name. */
export interface PublicPerson {
  id: string;
  name: PersonRecord['name'];
  latinName: PersonRecord['latinName'];
}

/**
 * A person as a clearance shows them. `exists` says whether the person is there for it at all:
 * to `public`, only someone who held a post (an officer) exists; anyone else is a 404, since that
 * a person is registered, and their name, is personal data.
 */
export class PersonView {
  constructor(
    readonly clearance: Clearance,
    private readonly isOfficer: (id: string) => boolean,
  ) {}

  get personal(): boolean {
    return this.clearance === 'personal';
  }

  exists(person: PersonRecord | null): person is PersonRecord {
    return person !== null && (this.personal || this.isOfficer(person.id));
  }

  /** The record whole for `personal`, its public part otherwise. */
  show(person: PersonRecord): PersonRecord | PublicPerson {
    return this.personal ? person : { id: person.id, name: person.name, latinName: person.latinName };
  }
}
