// Time-based one-time passwords for PACER's multi-factor login. docs/court-rules.md#multi-factor-login: TOTP only,
// the code refreshes every 30 s, and filing software holds the base32 secret the user pasted from
// "Manage MFA Settings → Authentication Apps → Add App" (RFC 6238, HMAC-SHA-1, 30 s, 6 digits).
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** The HMAC hash a TOTP code is computed with (RFC 6238 §1.2 allows SHA-1, SHA-256 and SHA-512). */
export type TotpAlgorithm = 'sha1' | 'sha256' | 'sha512';

/** How a code is computed; PACER uses the defaults (6 digits, 30-second step, SHA-1). */
export interface TotpOptions {
  readonly digits?: number;
  readonly stepSeconds?: number;
  readonly algorithm?: TotpAlgorithm;
}

/** How a typed code is checked: `window` is how many 30-second steps of clock drift either side to accept. */
export interface TotpVerifyOptions extends TotpOptions {
  readonly window?: number;
}

const BASE32_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const SECRET_BYTES = 20; // RFC 4226 §4 R6: a shared secret of at least 128 bits, 160 recommended.

/**
 * Decodes RFC 4648 base32 as authenticator apps show it: spaces, lowercase and missing `=` padding are fine.
 * Throws an Error that names the problem when the text cannot be a base32 secret.
 */
export function decodeBase32(text: string): Uint8Array {
  const compact = text.replace(/\s+/g, '').toUpperCase();
  const unpadded = compact.replace(/=+$/, '');
  if (unpadded.length === 0) {
    throw new Error('The authenticator secret is empty: paste the key PACER showed when you added the app.');
  }
  for (const character of unpadded) {
    if (!BASE32_ALPHABET.includes(character)) {
      throw new Error(
        `The authenticator secret contains "${character}", which cannot appear in a PACER key: it uses only the letters A–Z and the digits 2–7. Check for a mistyped 0, 1 or 8.`,
      );
    }
  }
  // RFC 4648 §6: the last quantum holds 2, 4, 5 or 7 characters; 1, 3 or 6 cannot come from any bytes.
  if ([1, 3, 6].includes(unpadded.length % 8)) {
    throw new Error(
      'The authenticator secret is incomplete (its length is impossible for base32): copy the whole key again.',
    );
  }
  const bytes = new Uint8Array(Math.floor((unpadded.length * 5) / 8));
  let buffer = 0;
  let bitCount = 0;
  let index = 0;
  for (const character of unpadded) {
    buffer = ((buffer << 5) | BASE32_ALPHABET.indexOf(character)) & 0xffff;
    bitCount += 5;
    if (bitCount >= 8) {
      bitCount -= 8;
      bytes[index++] = (buffer >> bitCount) & 0xff;
    }
  }
  return bytes;
}

/** Encodes bytes as RFC 4648 base32 with `=` padding (a 20-byte secret needs none). */
export function encodeBase32(bytes: Uint8Array): string {
  let text = '';
  let buffer = 0;
  let bitCount = 0;
  for (const byte of bytes) {
    buffer = ((buffer << 8) | byte) & 0xffff;
    bitCount += 8;
    while (bitCount >= 5) {
      bitCount -= 5;
      text += BASE32_ALPHABET[(buffer >> bitCount) & 0x1f];
    }
  }
  if (bitCount > 0) {
    text += BASE32_ALPHABET[(buffer << (5 - bitCount)) & 0x1f];
  }
  return text.padEnd(Math.ceil(text.length / 8) * 8, '=');
}

/** A fresh random 160-bit secret, base32-encoded, for a training court's user or a test. */
export function generateTotpSecret(): string {
  return encodeBase32(randomBytes(SECRET_BYTES));
}

/** The TOTP code for the 30-second step that contains `atMs` (milliseconds since the Unix epoch), RFC 6238 §4. */
export function generateTotp(secretBase32: string, atMs: number, options: TotpOptions = {}): string {
  const settings = settle(options);
  return codeForCounter(decodeBase32(secretBase32), counterAt(atMs, settings.stepSeconds), settings);
}

/**
 * Checks a typed code against the steps around `atMs` (RFC 6238 §5.2 recommends one step of drift) and returns
 * the matched time-step counter — store it to refuse the same code twice — or null. Every candidate is compared
 * in constant time, so response timing does not reveal how much of a guess was right.
 */
export function verifyTotp(
  secretBase32: string,
  code: string,
  atMs: number,
  options: TotpVerifyOptions = { window: 1 },
): number | null {
  const settings = settle(options);
  const window = options.window ?? 1;
  if (!Number.isInteger(window) || window < 0) {
    throw new RangeError(`The TOTP window must be a whole number of steps, not ${window}.`);
  }
  const key = decodeBase32(secretBase32);
  const typed = code.replace(/\s+/g, '');
  if (!new RegExp(`^[0-9]{${settings.digits}}$`).test(typed)) {
    return null;
  }
  const current = counterAt(atMs, settings.stepSeconds);
  let matched: number | null = null;
  for (let offset = -window; offset <= window; offset++) {
    const counter = current + offset;
    if (counter < 0) {
      continue;
    }
    const isMatch = timingSafeEqual(Buffer.from(codeForCounter(key, counter, settings)), Buffer.from(typed));
    if (isMatch && (matched === null || Math.abs(offset) < Math.abs(matched - current))) {
      matched = counter;
    }
  }
  return matched;
}

interface TotpSettings {
  readonly digits: number;
  readonly stepSeconds: number;
  readonly algorithm: TotpAlgorithm;
}

function settle(options: TotpOptions): TotpSettings {
  const { digits = 6, stepSeconds = 30, algorithm = 'sha1' } = options;
  // RFC 4226 §5.3: the 31-bit truncated value supports 6 to 8 digits meaningfully.
  if (!Number.isInteger(digits) || digits < 6 || digits > 8) {
    throw new RangeError(`A TOTP code has 6 to 8 digits, not ${digits}.`);
  }
  if (!Number.isInteger(stepSeconds) || stepSeconds <= 0) {
    throw new RangeError(`The TOTP step must be a positive number of seconds, not ${stepSeconds}.`);
  }
  if (!['sha1', 'sha256', 'sha512'].includes(algorithm)) {
    throw new RangeError(`Unsupported TOTP algorithm ${String(algorithm)}.`);
  }
  return { digits, stepSeconds, algorithm };
}

function counterAt(atMs: number, stepSeconds: number): number {
  if (!Number.isFinite(atMs) || atMs < 0) {
    throw new RangeError(`The time for a TOTP code must be a moment after 1970, not ${atMs}.`);
  }
  return Math.floor(atMs / 1000 / stepSeconds);
}

// RFC 4226 §5.3: HMAC over the 8-byte big-endian counter, then dynamic truncation to 31 bits.
function codeForCounter(key: Uint8Array, counter: number, settings: TotpSettings): string {
  const message = Buffer.alloc(8);
  message.writeBigUInt64BE(BigInt(counter));
  const digest = createHmac(settings.algorithm, key).update(message).digest();
  const offset = (digest[digest.length - 1] ?? 0) & 0x0f;
  const truncated = digest.readUInt32BE(offset) & 0x7fffffff;
  return String(truncated % 10 ** settings.digits).padStart(settings.digits, '0');
}
