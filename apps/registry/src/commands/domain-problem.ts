import type { DomainError } from '@baytaq/domain';

const STATUS: Record<DomainError['kind'], number> = { conflict: 409, invalid: 422, not_found: 404 };

/** A domain refusal on its way to the client as problem details. */
export class DomainProblem extends Error {
  override readonly name = 'DomainProblem';
  readonly status: number;

  constructor(readonly error: DomainError) {
    super(error.message);
    this.status = STATUS[error.kind];
  }
}
