import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** A token's prefix: says what it is to a person, and to the secret scanners that look for leaked ones. */
const tokenPrefix = 'ecfd_';
/** 32 random bytes in base64url, after the prefix. */
const tokenPattern = /^ecfd_[A-Za-z0-9_-]{43}$/;

/** A new user token: 32 random bytes. It is shown once; only its SHA-256 is kept. */
export function newUserToken(): string {
  return `${tokenPrefix}${randomBytes(32).toString('base64url')}`;
}

/** Whether the text has a token's shape (checked before the database is asked anything). */
export function isTokenShaped(text: string): boolean {
  return tokenPattern.test(text);
}

/** The SHA-256 the database keeps for a token. A fast hash is enough: the token is 256 random bits, not a password. */
export function tokenDigest(token: string): Buffer {
  return createHash('sha256').update(token, 'utf8').digest();
}

/** Whether two digests are the same, compared in constant time. */
export function isSameDigest(stored: Uint8Array, presented: Uint8Array): boolean {
  return stored.byteLength === presented.byteLength && timingSafeEqual(stored, presented);
}
