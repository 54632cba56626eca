import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCourtDatabase } from '../../../src-main/training-court/court-database';
import {
  createLoginService,
  loginMessages,
  loginsPerMinute,
  longestLoginIdCharacters,
  sessionLifetimeMs,
  trackedLoginIds,
} from '../../../src-main/training-court/login-service';
import { createLoginThrottle } from '../../../src-main/training-court/login-throttle';
import { defaultSeed } from '../../../src-main/training-court/seed';
import { CourtClient, pageKind, seededOtp, seededPassword, startTestCourt } from '../../support/training-court';

type Court = Awaited<ReturnType<typeof startTestCourt>>;
let court: Court;

beforeAll(async () => {
  court = await startTestCourt();
});
afterAll(async () => {
  await court.stop();
});

/** Each test logs in with its own client; throttling counts per login id, so a fresh court per throttle test. */
function client(): CourtClient {
  return new CourtClient(court.url);
}

describe('the PACER login service (cso-auth) of the training court', () => {
  it('answers an MFA filer without a one-time passcode with HTTP 200 and loginResult 13', async () => {
    const { status, reply } = await client().login({
      loginId: 'jmorgan',
      password: seededPassword('jmorgan'),
      redactFlag: '1',
    });
    expect(status).toBe(200);
    expect(reply).toEqual({ nextGenCSO: '', loginResult: '13', errorDescription: loginMessages.otpNeeded });
  });

  it('logs an MFA filer in with the current TOTP code and hands out a 128-character token', async () => {
    const { reply } = await client().login({
      loginId: 'jmorgan',
      password: seededPassword('jmorgan'),
      redactFlag: '1',
      otpCode: seededOtp('jmorgan'),
    });
    expect(reply.loginResult).toBe('0');
    expect(reply.nextGenCSO).toMatch(/^[0-9a-f]{128}$/);
    expect(reply.errorDescription).toBe('');
  });

  it('refuses a wrong one-time passcode as it refuses a wrong password', async () => {
    const right = seededOtp('jmorgan');
    const wrong = String((Number(right) + 500_000) % 1_000_000).padStart(6, '0');
    const { reply } = await client().login({
      loginId: 'jmorgan',
      password: seededPassword('jmorgan'),
      redactFlag: '1',
      otpCode: wrong,
    });
    expect(reply).toMatchObject({ loginResult: '13', errorDescription: loginMessages.invalid, nextGenCSO: '' });
  });

  it('logs a filer without MFA in, warning that the firm requires a client code', async () => {
    const { reply } = await client().login({ loginId: 'dchen', password: seededPassword('dchen'), redactFlag: '1' });
    expect(reply.loginResult).toBe('0');
    expect(reply.errorDescription).toBe(loginMessages.clientCodeMissing);
    const withCode = await client().login({
      loginId: 'dchen',
      password: seededPassword('dchen'),
      redactFlag: '1',
      clientCode: 'ACME-2026-001',
    });
    expect(withCode.reply).toMatchObject({ loginResult: '0', errorDescription: '' });
  });

  it('refuses a filer who omits redactFlag, with the redaction rules', async () => {
    const { status, reply } = await client().login({ loginId: 'rpatel', password: seededPassword('rpatel') });
    expect(status).toBe(200);
    expect(reply.loginResult).toBe('1');
    expect(reply.errorDescription).toContain('All filers must redact');
    expect(
      (await client().login({ loginId: 'rpatel', password: seededPassword('rpatel'), redactFlag: '1' })).reply
        .loginResult,
    ).toBe('0');
  });

  it("logs the firm's shared view-only account in without redactFlag (it never files)", async () => {
    const { reply } = await client().login({ loginId: 'firmview', password: seededPassword('firmview') });
    expect(reply.loginResult).toBe('0');
  });

  it('tells a locked account it is locked, and a wrong password that it is wrong', async () => {
    const locked = await client().login({
      loginId: 'lockedout',
      password: seededPassword('lockedout'),
      redactFlag: '1',
    });
    expect(locked.reply).toMatchObject({ loginResult: '1', errorDescription: loginMessages.locked });
    const wrong = await client().login({ loginId: 'twalsh', password: 'not-the-password', redactFlag: '1' });
    expect(wrong.reply).toMatchObject({ loginResult: '13', errorDescription: loginMessages.invalid });
    const unknown = await client().login({ loginId: 'nobody', password: 'x', redactFlag: '1' });
    expect(unknown.reply).toMatchObject({ loginResult: '13', errorDescription: loginMessages.invalid });
  });

  it('refuses a client code longer than 32 characters (FAQ 19)', async () => {
    const { reply } = await client().login({
      loginId: 'twalsh',
      password: seededPassword('twalsh'),
      redactFlag: '1',
      clientCode: 'x'.repeat(33),
    });
    expect(reply).toMatchObject({ loginResult: '1', errorDescription: loginMessages.clientCodeTooLong });
  });

  it('answers a request that is not JSON or lacks fields with a failure, not a crash', async () => {
    const response = await fetch(`${court.url}/services/cso-auth`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{not json',
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ loginResult: '1', errorDescription: loginMessages.badRequest });
  });

  it('ends a session at cso-logout: the token no longer opens the docket', async () => {
    const user = client();
    await user.loginAs('twalsh');
    expect(pageKind(await (await user.get('/cgi-bin/DktRpt.pl?1017')).text())).toBe('docket-report');
    await user.logout();
    expect(pageKind(await (await user.get('/cgi-bin/DktRpt.pl?1017')).text())).toBe('login');
  });
});

describe('throttling', () => {
  it('answers logins hammered in a loop with 429 and Retry-After, then lets the account in after a minute', async () => {
    let now = Date.parse('2026-11-30T15:00:00Z');
    const throttled = await startTestCourt({ now: () => now });
    try {
      const user = new CourtClient(throttled.url);
      const body = { loginId: 'twalsh', password: seededPassword('twalsh'), redactFlag: '1' };
      for (let attempt = 0; attempt < loginsPerMinute; attempt += 1) {
        expect((await user.login(body)).status).toBe(200);
      }
      const refused = await user.login(body);
      expect(refused.status).toBe(429);
      expect(refused.reply.loginResult).not.toBe('0');
      expect(Number(refused.retryAfter)).toBeGreaterThan(0);
      now += 61_000;
      expect((await user.login(body)).reply.loginResult).toBe('0');
    } finally {
      await throttled.stop();
    }
  });
});

describe('a throttle hostile login ids cannot grow', () => {
  it('refuses a login id of a megabyte as too long, before the throttle would keep it', async () => {
    const response = await fetch(`${court.url}/services/cso-auth`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ loginId: 'x'.repeat(1024 * 1024 - 100), password: 'x', redactFlag: '1' }),
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      nextGenCSO: '',
      loginResult: '1',
      errorDescription: loginMessages.loginIdTooLong,
    });
    expect(longestLoginIdCharacters).toBeLessThanOrEqual(256);
  });

  it(`tracks at most ${trackedLoginIds.toLocaleString('en-US')} login ids: a new one waits (429) until the oldest minute ends, then all are let in again`, () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'ecf-login-throttle-'));
    const db = openCourtDatabase(folder, defaultSeed, { reset: false });
    try {
      let now = Date.parse('2026-11-30T15:00:00Z');
      const service = createLoginService(db, () => now);
      for (let index = 0; index < trackedLoginIds; index += 1) {
        expect(service.login({ loginId: `probe-${index}`, password: 'x' }).status).toBe(200);
      }
      const refused = service.login({ loginId: 'one-more', password: 'x' });
      expect(refused.status).toBe(429);
      expect(refused.retryAfterSeconds).toBe(60);
      now += 60_000;
      expect(
        service.login({ loginId: 'twalsh', password: seededPassword('twalsh'), redactFlag: '1' }).reply.loginResult,
      ).toBe('0');
    } finally {
      db.close();
      rmSync(folder, { recursive: true, force: true });
    }
  });
});

describe('sessions', () => {
  it('keeps only the last 8 hours of them: an expired session, ended or not, is dropped at the next login', () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'ecf-sessions-'));
    const db = openCourtDatabase(folder, defaultSeed, { reset: false });
    try {
      let now = Date.parse('2026-11-30T15:00:00Z');
      const service = createLoginService(db, () => now);
      const login = (loginId: string): string =>
        service.login({ loginId, password: seededPassword(loginId), redactFlag: '1' }).reply.nextGenCSO;
      const ended = login('twalsh');
      service.logout({ nextGenCSO: ended });
      login('dchen');
      now += sessionLifetimeMs;
      const live = login('rpatel');
      const rows = db.prepare('SELECT token FROM sessions').all() as { token: string }[];
      expect(rows).toEqual([{ token: live }]);
      expect(service.session(live)?.loginId).toBe('rpatel');
    } finally {
      db.close();
      rmSync(folder, { recursive: true, force: true });
    }
  });
});

describe('the login throttle', () => {
  const limits = { perMinute: loginsPerMinute, trackedLoginIds: 3 };

  it('keeps only the last five times of a login id, however hard it is hammered, and keeps it shut while hammered', () => {
    let now = 0;
    const throttle = createLoginThrottle(limits, () => now);
    const answers = Array.from({ length: 10_000 }, () => {
      now += 5;
      return throttle.attempt('twalsh');
    });
    expect(answers.slice(0, loginsPerMinute)).toEqual(Array.from({ length: loginsPerMinute }, () => null));
    expect(answers.slice(loginsPerMinute).every((answer) => answer !== null && answer > 0)).toBe(true);
    expect(throttle.trackedCount).toBe(1);
  });

  it('says how long to wait: until the oldest of the last five attempts is a minute old', () => {
    let now = 0;
    const throttle = createLoginThrottle(limits, () => now);
    for (let attempt = 0; attempt < loginsPerMinute; attempt += 1) {
      throttle.attempt('dchen');
    }
    now = 20_000;
    expect(throttle.attempt('dchen')).toBe(40);
    now = 59_500;
    expect(throttle.attempt('dchen')).toBe(1);
    now = 60_000;
    expect(throttle.attempt('dchen')).toBeNull();
  });

  it('forgets a login id once a minute has passed since its last attempt', () => {
    let now = 0;
    const throttle = createLoginThrottle(limits, () => now);
    throttle.attempt('one');
    throttle.attempt('two');
    now = 30_000;
    throttle.attempt('three');
    expect(throttle.trackedCount).toBe(3);
    now = 61_000;
    expect(throttle.attempt('four')).toBeNull();
    expect(throttle.trackedCount).toBe(2);
  });
});
