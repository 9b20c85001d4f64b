import { problem, ProblemError } from '../http/problem';
import type { Role } from './roles';

const REALM = 'Bearer realm="baytaq-registry"';

/** 401 with the challenge RFC 6750 asks for; `error` says why a sent credential was refused. */
export function unauthenticated(detail: string, error?: 'invalid_request' | 'invalid_token'): ProblemError {
  const challenge = error ? `${REALM}, error="${error}"` : REALM;
  return new ProblemError(problem(401, 'auth.unauthenticated', detail), { 'www-authenticate': challenge });
}

/** 429 once an address has failed authentication more often than its bucket allows. */
export function tooManyFailures(retryAfterSeconds: number): ProblemError {
  return new ProblemError(
    problem(
      429,
      'auth.too_many_failures',
      `too many failed authentications from this address; try again in ${retryAfterSeconds} s`,
      { retryAfter: retryAfterSeconds },
    ),
    { 'retry-after': String(retryAfterSeconds) },
  );
}

export function forbidden(required: readonly Role[]): ProblemError {
  return ProblemError.of(403, 'auth.forbidden', `this needs an API key with one of the roles: ${required.join(', ')}`, {
    requiredRoles: [...required],
  });
}

export function keyExists(name: string): ProblemError {
  return ProblemError.of(409, 'key.exists', `an active API key named ${JSON.stringify(name)} exists; revoke it first`);
}

export function keyNotFound(name: string): ProblemError {
  return ProblemError.of(404, 'key.not_found', `there is no active API key named ${JSON.stringify(name)}`);
}

export function lastAdmin(name: string): ProblemError {
  return ProblemError.of(
    409,
    'key.last_admin',
    `${JSON.stringify(name)} is the last active admin key: issue another admin key before revoking it`,
  );
}
