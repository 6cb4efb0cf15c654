// `Authorization: JWT <api key>`, answered like djangorestframework-jwt answers it.
import { createHash, timingSafeEqual } from 'node:crypto';

export type AuthResult = { ok: true } | { ok: false; detail: string };

/** With no expected key, any non-empty token is accepted (a sandbox for rehearsals). */
export function checkAuthorization(header: string | undefined, expectedKey: string | undefined): AuthResult {
  if (!header || header.trim() === '') return { ok: false, detail: 'Authentication credentials were not provided.' };
  const parts = header.trim().split(/\s+/);
  if (parts[0]?.toLowerCase() !== 'jwt') {
    return { ok: false, detail: 'Invalid Authorization header. Expected "Authorization: JWT <api key>".' };
  }
  if (parts.length === 1) return { ok: false, detail: 'Invalid Authorization header. No credentials provided.' };
  if (parts.length > 2) return { ok: false, detail: 'Invalid Authorization header. Credentials string should not contain spaces.' };
  const token = parts[1] as string;
  if (expectedKey !== undefined && !sameSecret(token, expectedKey)) return { ok: false, detail: 'Error decoding signature.' };
  return { ok: true };
}

function sameSecret(a: string, b: string): boolean {
  const digest = (text: string) => createHash('sha256').update(text).digest();
  return timingSafeEqual(digest(a), digest(b));
}
