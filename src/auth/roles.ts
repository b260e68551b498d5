/**
 * Roles, from least to most trusted. A viewer reads (when reading is closed to anonymous users);
 * an analyst also writes analysis (comments, and later review decisions); an admin also imports
 * lists, manages accounts and reads the audit log.
 */
export const ROLES = ['viewer', 'analyst', 'admin'] as const;

export type Role = (typeof ROLES)[number];

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/** True when `role` grants at least what `needed` grants. */
export function roleAtLeast(role: Role, needed: Role): boolean {
  return ROLES.indexOf(role) >= ROLES.indexOf(needed);
}
