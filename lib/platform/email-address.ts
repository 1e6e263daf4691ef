/**
 * An email address as stored and compared everywhere: trimmed and lower-cased (users,
 * shares' recipients, group members). One spelling, so a comparison never misses a case.
 */
export const normalizeEmail = (email: string): string => email.trim().toLowerCase();
