/**
 * Domain errors are values, never exceptions: the HTTP layer maps `kind` to a status
 * (conflict 409, invalid 422, not_found 404) and shows `code` to clients, who depend on it.
 */
export type ErrorKind = 'conflict' | 'invalid' | 'not_found';

export interface DomainError {
  code: ErrorCode;
  kind: ErrorKind;
  message: string;
  details?: Record<string, unknown>;
}

/** Something worth telling the client that does not stop the write (an IIN that does not match the birth date). */
export interface DomainWarning {
  code: string;
  message: string;
}

export type Decision<E> = { ok: true; events: E[]; warnings?: DomainWarning[] } | { ok: false; error: DomainError };
export type Result<T> = { ok: true; value: T } | { ok: false; error: DomainError };

/** The single list of codes and their kinds; the README documents each. */
export const ERROR_KINDS = {
  // input that is well-formed JSON but semantically wrong (422)
  'date.invalid': 'invalid',
  'date.in_future': 'invalid',
  'name.invalid': 'invalid',
  'iin.invalid': 'invalid',
  'kato.invalid': 'invalid',
  'kato.not_a_region': 'invalid',
  'kato.not_applicable': 'invalid',
  'kato.outside_parent_region': 'invalid',
  'basis.invalid': 'invalid',
  'basis.meeting_not_found': 'invalid',
  'basis.votes_invalid': 'invalid',
  'field.invalid': 'invalid',
  'text.control_character': 'invalid',
  'text.lone_surrogate': 'invalid',
  'text.bidi_override': 'invalid',
  'text.too_long': 'invalid',
  'number.out_of_range': 'invalid',
  'organisation.invalid_kind': 'invalid',
  'organisation.invalid_parent': 'invalid',
  'organisation.invalid_body_type': 'invalid',
  'post.invalid_seats': 'invalid',
  'date.before_start': 'invalid',
  'person.no_changes': 'invalid',
  'membership.birth_date_unknown': 'invalid',
  'membership.invalid_organisation': 'invalid',
  'retraction.reason_required': 'invalid',
  // unknown ids (404)
  'organisation.not_found': 'not_found',
  'organisation.parent_not_found': 'not_found',
  'post.not_found': 'not_found',
  'tenure.not_found': 'not_found',
  'person.not_found': 'not_found',
  'meeting.organisation_not_found': 'not_found',
  'event.not_found': 'not_found',
  // rules of the registry (409)
  'organisation.already_exists': 'conflict',
  'organisation.not_active': 'conflict',
  'organisation.dissolved': 'conflict',
  'organisation.parent_inactive': 'conflict',
  'organisation.has_active_children': 'conflict',
  'organisation.has_active_members': 'conflict',
  'organisation.has_active_officers': 'conflict',
  'post.already_exists': 'conflict',
  'filing.already_issued': 'conflict',
  'post.abolished': 'conflict',
  'post.has_later_tenures': 'conflict',
  'post.seats_exceeded': 'conflict',
  'tenure.already_exists': 'conflict',
  'tenure.already_ended': 'conflict',
  'tenure.overlap': 'conflict',
  'tenure.outside_post_lifetime': 'conflict',
  'tenure.holder_not_member': 'conflict',
  'tenure.holder_suspended': 'conflict',
  'person.already_registered': 'conflict',
  'person.erased': 'conflict',
  'iin.taken': 'conflict',
  'membership.already_member': 'conflict',
  'membership.not_member': 'conflict',
  'membership.underage': 'conflict',
  'membership.not_citizen': 'conflict',
  'membership.same_organisation': 'conflict',
  'membership.already_suspended': 'conflict',
  'membership.not_suspended': 'conflict',
  'membership.has_later_tenures': 'conflict',
  'meeting.already_recorded': 'conflict',
  'meeting.has_decisions': 'conflict',
  'basis.meeting_retracted': 'conflict',
  'basis.meeting_after_decision': 'conflict',
  'basis.meeting_not_competent': 'conflict',
  'basis.meeting_inquorate': 'conflict',
  'basis.not_carried': 'conflict',
  'event.already_retracted': 'conflict',
  'event.not_retractable': 'conflict',
  'retraction.breaks_timeline': 'conflict',
  'timeline.dangling_reference': 'conflict',
} as const satisfies Record<string, ErrorKind>;

export type ErrorCode = keyof typeof ERROR_KINDS;

export function domainError(code: ErrorCode, message: string, details?: Record<string, unknown>): DomainError {
  return details === undefined
    ? { code, kind: ERROR_KINDS[code], message }
    : { code, kind: ERROR_KINDS[code], message, details };
}

export function accept<E>(events: E[], warnings: DomainWarning[] = []): Decision<E> {
  return warnings.length > 0 ? { ok: true, events, warnings } : { ok: true, events };
}

export function refuse(error: DomainError): { ok: false; error: DomainError } {
  return { ok: false, error };
}

export function reject(
  code: ErrorCode,
  message: string,
  details?: Record<string, unknown>,
): { ok: false; error: DomainError } {
  return refuse(domainError(code, message, details));
}

/** The first error of several checks run in order; later checks may assume earlier ones passed. */
export function firstError(...checks: Array<() => DomainError | null>): DomainError | null {
  for (const check of checks) {
    const error = check();
    if (error) return error;
  }
  return null;
}
