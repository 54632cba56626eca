import { describe, expect, it } from 'vitest';
import type { TotpAlgorithm } from '../../../src-main/core/court/totp';
import {
  decodeBase32,
  encodeBase32,
  generateTotp,
  generateTotpSecret,
  verifyTotp,
} from '../../../src-main/core/court/totp';

// RFC 6238 Appendix B: each algorithm has its own ASCII seed, as long as its hash output.
const seeds: Record<TotpAlgorithm, string> = {
  sha1: '12345678901234567890',
  sha256: '12345678901234567890123456789012',
  sha512: '1234567890123456789012345678901234567890123456789012345678901234',
};

const rfc6238Vectors: ReadonlyArray<readonly [seconds: number, algorithm: TotpAlgorithm, code: string]> = [
  [59, 'sha1', '94287082'],
  [59, 'sha256', '46119246'],
  [59, 'sha512', '90693936'],
  [1111111109, 'sha1', '07081804'],
  [1111111109, 'sha256', '68084774'],
  [1111111109, 'sha512', '25091201'],
  [1111111111, 'sha1', '14050471'],
  [1111111111, 'sha256', '67062674'],
  [1111111111, 'sha512', '99943326'],
  [1234567890, 'sha1', '89005924'],
  [1234567890, 'sha256', '91819424'],
  [1234567890, 'sha512', '93441116'],
  [2000000000, 'sha1', '69279037'],
  [2000000000, 'sha256', '90698825'],
  [2000000000, 'sha512', '38618901'],
  [20000000000, 'sha1', '65353130'],
  [20000000000, 'sha256', '77737706'],
  [20000000000, 'sha512', '47863826'],
];

function seedAsBase32(algorithm: TotpAlgorithm): string {
  return encodeBase32(new TextEncoder().encode(seeds[algorithm]));
}

describe('TOTP codes (RFC 6238)', () => {
  it.each(rfc6238Vectors)('at %i s with %s the 8-digit code is %s (Appendix B)', (seconds, algorithm, code) => {
    expect(generateTotp(seedAsBase32(algorithm), seconds * 1000, { digits: 8, algorithm })).toBe(code);
  });

  it('uses PACER’s defaults: 6 digits, SHA-1, a new code every 30 seconds', () => {
    const secret = seedAsBase32('sha1');
    expect(generateTotp(secret, 59_000)).toBe('287082');
    expect(generateTotp(secret, 30_000)).toBe(generateTotp(secret, 59_999));
    expect(generateTotp(secret, 60_000)).not.toBe(generateTotp(secret, 59_999));
  });

  it('honours a longer step', () => {
    const secret = seedAsBase32('sha1');
    expect(generateTotp(secret, 119_999, { stepSeconds: 60 })).toBe(generateTotp(secret, 60_000, { stepSeconds: 60 }));
  });

  it('refuses settings a TOTP code cannot have', () => {
    const secret = seedAsBase32('sha1');
    expect(() => generateTotp(secret, 0, { digits: 5 })).toThrow(RangeError);
    expect(() => generateTotp(secret, 0, { stepSeconds: 0 })).toThrow(RangeError);
    expect(() => generateTotp(secret, -1)).toThrow(RangeError);
    expect(() => generateTotp(secret, Number.NaN)).toThrow(RangeError);
  });
});

describe('checking a typed code', () => {
  const secret = seedAsBase32('sha1');
  const now = 1_111_111_111_000;
  const currentStep = Math.floor(now / 30_000);

  it('accepts the current code and returns its time step, so the caller can refuse a replay', () => {
    expect(verifyTotp(secret, generateTotp(secret, now), now)).toBe(currentStep);
  });

  it('accepts a code from one step before or after, for a phone whose clock drifts', () => {
    expect(verifyTotp(secret, generateTotp(secret, now - 30_000), now)).toBe(currentStep - 1);
    expect(verifyTotp(secret, generateTotp(secret, now + 30_000), now)).toBe(currentStep + 1);
  });

  it('refuses a code two steps away with the default window, and accepts it with a wider one', () => {
    const stale = generateTotp(secret, now - 60_000);
    expect(verifyTotp(secret, stale, now)).toBeNull();
    expect(verifyTotp(secret, stale, now, { window: 2 })).toBe(currentStep - 2);
  });

  it('with a window of 0 accepts only the current step', () => {
    expect(verifyTotp(secret, generateTotp(secret, now - 30_000), now, { window: 0 })).toBeNull();
    expect(verifyTotp(secret, generateTotp(secret, now), now, { window: 0 })).toBe(currentStep);
  });

  it('refuses a wrong code, a short code and letters without throwing', () => {
    const right = generateTotp(secret, now);
    const wrong = String((Number(right) + 1) % 1_000_000).padStart(6, '0');
    expect(verifyTotp(secret, wrong, now)).toBeNull();
    expect(verifyTotp(secret, right.slice(1), now)).toBeNull();
    expect(verifyTotp(secret, 'abcdef', now)).toBeNull();
  });

  it('tolerates the space some apps show in the middle of a code', () => {
    const right = generateTotp(secret, now);
    expect(verifyTotp(secret, `${right.slice(0, 3)} ${right.slice(3)}`, now)).toBe(currentStep);
  });

  it('checks 8-digit SHA-256 codes when asked to', () => {
    const key = seedAsBase32('sha256');
    expect(verifyTotp(key, '68084774', 1_111_111_109_000, { window: 1, digits: 8, algorithm: 'sha256' })).toBe(
      37037036,
    );
  });

  it('does not look before the first step of 1970', () => {
    expect(verifyTotp(secret, generateTotp(secret, 0), 0)).toBe(0);
  });
});

describe('base32 secrets', () => {
  it('round-trips every length of bytes, with RFC 4648 padding', () => {
    for (let length = 0; length <= 21; length++) {
      const bytes = Uint8Array.from({ length }, (_, index) => (index * 37 + 11) & 0xff);
      const text = encodeBase32(bytes);
      expect(text.length % 8).toBe(0);
      if (length > 0) {
        expect(decodeBase32(text)).toEqual(bytes);
      }
    }
  });

  it('matches the RFC 4648 §10 test vectors', () => {
    const vectors: ReadonlyArray<readonly [string, string]> = [
      ['f', 'MY======'],
      ['fo', 'MZXQ===='],
      ['foo', 'MZXW6==='],
      ['foob', 'MZXW6YQ='],
      ['fooba', 'MZXW6YTB'],
      ['foobar', 'MZXW6YTBOI======'],
    ];
    for (const [plain, encoded] of vectors) {
      expect(encodeBase32(new TextEncoder().encode(plain))).toBe(encoded);
      expect(new TextDecoder().decode(decodeBase32(encoded))).toBe(plain);
    }
  });

  it('reads a key the way PACER displays it: grouped by spaces, lowercase, without padding', () => {
    expect(new TextDecoder().decode(decodeBase32('mzxw 6ytb oi'))).toBe('foobar');
  });

  it('makes a new random 160-bit secret each time', () => {
    const first = generateTotpSecret();
    expect(first).toMatch(/^[A-Z2-7]{32}$/);
    expect(decodeBase32(first)).toHaveLength(20);
    expect(generateTotpSecret()).not.toBe(first);
  });

  it('names the character when a key has one base32 does not use', () => {
    expect(() => decodeBase32('MZXW1YTB')).toThrow(/contains "1".*A–Z and the digits 2–7/);
    expect(() => decodeBase32('MZXW-6YTB')).toThrow(/contains "-"/);
    expect(() => decodeBase32('MZ=XW6YTB')).toThrow(/contains "="/);
  });

  it('refuses an empty key and a key cut off at an impossible length', () => {
    expect(() => decodeBase32('   ')).toThrow(/empty/);
    expect(() => decodeBase32('MZXW6YTBO')).toThrow(/incomplete/);
  });

  it('refuses to make or check a code with a malformed secret', () => {
    expect(() => generateTotp('not a secret!', 0)).toThrow(/contains "!"/);
    expect(() => verifyTotp('0000', '123456', 0)).toThrow(/contains "0"/);
  });
});
