import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { channelNames, eventNames } from '../../../src-main/shared/channel-names';
import { contract, eventContract } from '../../../src-main/shared/contract';

/** Names a secret would travel under. */
const secretNames = /password|secret|token|otp|nextgencso|cookie|credential/i;

/**
 * Every property anywhere in a JSON schema that could hold text: a yes/no flag such as `passwordSaved` cannot
 * carry a secret, so booleans are left out.
 */
function textProperties(schema: unknown, found = new Set<string>()): Set<string> {
  if (Array.isArray(schema)) {
    schema.forEach((item) => textProperties(item, found));
  } else if (typeof schema === 'object' && schema !== null) {
    for (const [key, value] of Object.entries(schema)) {
      if (key === 'properties' && typeof value === 'object' && value !== null) {
        for (const [name, property] of Object.entries(value)) {
          if ((property as { type?: unknown }).type !== 'boolean') {
            found.add(name);
          }
        }
      }
      textProperties(value, found);
    }
  }
  return found;
}

function namesOf(schema: z.ZodType): string[] {
  return [...textProperties(z.toJSONSchema(schema, { unrepresentable: 'any', io: 'output' }))];
}

describe('no channel returns a secret', () => {
  it.each(channelNames)(
    'the result of %s has no field that could carry a password, TOTP secret or session token',
    (channel) => {
      expect(namesOf(contract[channel].result).filter((name) => secretNames.test(name))).toEqual([]);
    },
  );

  it.each(eventNames)('the event %s has no such field', (event) => {
    expect(namesOf(eventContract[event]).filter((name) => secretNames.test(name))).toEqual([]);
  });

  it('would notice one: the login request, which carries secrets in, is caught by the same check', () => {
    expect(
      namesOf(contract['session.login'].args)
        .filter((name) => secretNames.test(name))
        .sort(),
    ).toEqual(['otpCode', 'password']);
    expect(
      namesOf(contract['accounts.save'].args)
        .filter((name) => secretNames.test(name))
        .sort(),
    ).toEqual(['password', 'totpSecret']);
  });

  it('tells the renderer only whether a password is saved, as a yes/no flag', () => {
    const schema = JSON.stringify(z.toJSONSchema(contract['accounts.list'].result, { unrepresentable: 'any' }));
    expect(schema).toContain('"passwordSaved":{"type":"boolean"}');
    expect(schema).toContain('"totpSecretSaved":{"type":"boolean"}');
  });
});
