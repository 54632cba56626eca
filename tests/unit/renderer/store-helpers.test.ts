import { describe, expect, it } from 'vitest';
import { BridgeError } from '../../../src-renderer/create-bridge';
import { createAlertsStore } from '../../../src-renderer/state/alerts-store';
import { attempt, reportingTo } from '../../../src-renderer/state/attempt';
import { createLatestRequest } from '../../../src-renderer/state/latest-request';
import { upsert } from '../../../src-renderer/state/upsert';

const unexpected = 'Something unexpected went wrong. Try again; if it keeps happening, restart ECF Desk.';

describe('upsert', () => {
  const list = [
    { id: 'a', name: 'Alpha' },
    { id: 'b', name: 'Bravo' },
  ] as const;

  it('replaces the record with the same id where it stands, leaving the list it was given as it was', () => {
    const changed = upsert(list, { id: 'a', name: 'Alpha 2' });
    expect(changed).toEqual([
      { id: 'a', name: 'Alpha 2' },
      { id: 'b', name: 'Bravo' },
    ]);
    expect(list[0].name).toBe('Alpha');
  });

  it('adds a new record at the end, or at the start when asked', () => {
    expect(upsert(list, { id: 'c', name: 'Charlie' }).map((each) => each.id)).toEqual(['a', 'b', 'c']);
    expect(upsert(list, { id: 'c', name: 'Charlie' }, 'start').map((each) => each.id)).toEqual(['c', 'a', 'b']);
  });
});

describe('the latest-request guard', () => {
  it('counts only the answer to the latest request, whatever order the answers come in', () => {
    const loads = createLatestRequest();
    const first = loads.begin();
    const second = loads.begin();
    expect(first.isLatest()).toBe(false);
    expect(second.isLatest()).toBe(true);
  });

  it('drops every request begun so far once something newer came another way', () => {
    const statuses = createLatestRequest();
    const asked = statuses.begin();
    statuses.supersede();
    expect(asked.isLatest()).toBe(false);
    expect(statuses.begin().isLatest()).toBe(true);
  });

  it('a mark tells whether a request has begun since, without beginning one itself', () => {
    const loads = createLatestRequest();
    const running = loads.begin();
    const before = loads.mark();
    expect(running.isLatest()).toBe(true);
    expect(before.isLatest()).toBe(true);
    loads.begin();
    expect(before.isLatest()).toBe(false);
  });
});

describe('attempt', () => {
  it('comes to the value of a call that worked', async () => {
    expect(await attempt(() => Promise.resolve(42))).toEqual({ ok: true, value: 42 });
  });

  it("comes to main's message for a failed call, and to a plain sentence for a fault", async () => {
    const refused = () => Promise.reject(new BridgeError('invalid-arguments', 'The file is not a PDF.'));
    expect(await attempt(refused)).toEqual({ ok: false, message: 'The file is not a PDF.', code: 'invalid-arguments' });
    expect(await attempt(() => Promise.reject(new TypeError('x is undefined')))).toEqual({
      ok: false,
      message: unexpected,
      code: null,
    });
  });

  it('uses its own words for a failure when given them', async () => {
    const outcome = await attempt(
      () => Promise.reject(new BridgeError('session.none', 'No session.')),
      (error) => (error instanceof BridgeError ? `Not now: ${error.code}` : 'no'),
    );
    expect(outcome).toEqual({ ok: false, message: 'Not now: session.none', code: 'session.none' });
  });
});

describe('try, else report', () => {
  it('shows nothing in the banner when the call works, and comes to its value', async () => {
    const alerts = createAlertsStore();
    const outcome = await reportingTo(alerts)('The list could not be loaded.', () => Promise.resolve(['a']));
    expect(outcome).toEqual({ ok: true, value: ['a'] });
    expect(alerts.getState().alerts).toEqual([]);
  });

  it("shows a failure in the banner under its title with main's message, and comes to not ok", async () => {
    const alerts = createAlertsStore();
    const outcome = await reportingTo(alerts)('Brief.pdf was not added.', () =>
      Promise.reject(new BridgeError('invalid-arguments', 'The file is larger than 512 MB.')),
    );
    expect(outcome).toEqual({ ok: false, message: 'The file is larger than 512 MB.', code: 'invalid-arguments' });
    expect(alerts.getState().alerts).toEqual([
      {
        id: 1,
        title: 'Brief.pdf was not added.',
        message: 'The file is larger than 512 MB.',
        code: 'invalid-arguments',
      },
    ]);
  });

  it('takes its title from the error, and says nothing when the title is null (a stale answer, a cancel)', async () => {
    const alerts = createAlertsStore();
    const tryOrReport = reportingTo(alerts);
    const titleFor = (error: unknown): string | null =>
      error instanceof BridgeError && error.code === 'fix.cancelled' ? null : `Not fixed (${String(error)}).`;

    const cancelled = await tryOrReport(titleFor, () => Promise.reject(new BridgeError('fix.cancelled', 'Stopped.')));
    expect(cancelled.ok).toBe(false);
    expect(alerts.getState().alerts).toEqual([]);

    await tryOrReport(titleFor, () => Promise.reject(new Error('boom')));
    expect(alerts.getState().alerts.map((alert) => alert.title)).toEqual(['Not fixed (Error: boom).']);
  });
});
