/** What a key may do. `admin` can do everything the others can, plus keys and erasure. */
export const ROLES = ['registrar', 'compliance', 'admin'] as const;

export type Role = (typeof ROLES)[number];

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/** Who a request acts as: the key's name becomes the `actor` of the events it writes. */
export interface AuthPrincipal {
  name: string;
  roles: readonly Role[];
}

/** True when the principal holds one of the roles; an admin holds them all. */
export function hasAnyRole(principal: AuthPrincipal, roles: readonly Role[]): boolean {
  return principal.roles.includes('admin') || roles.some((role) => principal.roles.includes(role));
}
