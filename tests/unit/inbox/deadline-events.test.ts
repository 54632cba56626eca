import { describe, expect, it } from 'vitest';
import { collectDeadlineEvents } from '../../../src-main/core/inbox/deadline-events';
import { deadlinesToIcs } from '../../../src-main/core/inbox/ics';
import { citDocket, citNotice, freshMeta, openInbox } from './store/store-support';

const now = new Date('2026-08-01T12:00:00Z');

/** The logical lines of a calendar: folds undone, CRLF split (RFC 5545 §3.1). */
function unfold(ics: string): string[] {
  return ics.replace(/\r\n /g, '').split('\r\n');
}

function inboxWith(...dockets: Parameters<typeof citDocket>[0][]) {
  const { inbox } = openInbox();
  dockets.forEach((docket, index) => {
    inbox.ingest(
      citNotice({
        dockets: [citDocket({ deSeqNum: String(index + 10), documentNumber: String(index + 10), ...docket })],
      }),
      freshMeta(),
    );
  });
  return inbox;
}

describe('the deadlines calendar with the response dates ECF Desk computes (USCIT Rule 6(a), 7(d))', () => {
  it('adds a motion’s computed response date beside the date the court’s docket text sets', () => {
    const inbox = inboxWith({
      docketText: 'MOTION to Dismiss for Lack of Jurisdiction. Response to Dispositive Motion due by 9/4/2026.',
      dateFiled: '2026-07-31',
    });
    const events = collectDeadlineEvents(inbox.deadlines(), inbox.motionEntries());
    expect(events.map((event) => [event.date, event.label, event.computedUnder ?? 'court'])).toEqual([
      ['2026-09-04', 'Response to Dispositive Motion due', 'court'],
      ['2026-09-04', 'Response to dispositive motion due', 'USCIT Rule 7(d)'],
    ]);
  });

  it('the computed event cites its rule, says ECF Desk computed it and that the court’s order may set another date', () => {
    const inbox = inboxWith({
      docketText: 'Motion to Stay Further Proceedings. Filed by Acme.',
      dateFiled: '2026-11-02',
    });
    const lines = unfold(deadlinesToIcs(collectDeadlineEvents(inbox.deadlines(), inbox.motionEntries()), now));
    expect(lines).toContain('DTSTART;VALUE=DATE:20261123');
    expect(lines).toContain('SUMMARY:Response due (USCIT Rule 7(d)\\, computed) — 1:26-cv-00123-MMB');
    const description = lines.find((line) => line.startsWith('DESCRIPTION:')) ?? '';
    expect(description).toContain('Computed by ECF Desk under USCIT Rule 7(d) and USCIT Rule 6(a)');
    expect(description).toContain('no extra days for electronic service (FAQ 36\\, 39–40)');
    expect(description).toContain('The court’s order may set another date');
    expect(lines.some((line) => /^UID:.*-2026-11-23-computed@ecf-desk$/.test(line))).toBe(true);
  });

  it('a response, a reply or an order about a motion gets no computed date; the court’s own dates stay', () => {
    const inbox = inboxWith(
      { docketText: 'Response to motion to stay (related document(s) 5 ). Replies due by 9/18/2026.' },
      { docketText: 'ORDER granting Motion to Stay. Signed by Judge X.' },
    );
    const events = collectDeadlineEvents(inbox.deadlines(), inbox.motionEntries());
    expect(events.map((event) => [event.date, event.computedUnder ?? 'court'])).toEqual([['2026-09-18', 'court']]);
  });

  it('soonest first across cases, court dates and computed ones together', () => {
    const inbox = inboxWith(
      { docketText: 'ORDER. Answer due by 12/1/2026.', caseNumber: '1:26-cv-00300', caseId: '30' },
      { docketText: 'Motion to Stay.', dateFiled: '2026-11-02' },
    );
    expect(collectDeadlineEvents(inbox.deadlines(), inbox.motionEntries()).map((event) => event.date)).toEqual([
      '2026-11-23',
      '2026-12-01',
    ]);
  });

  it('an inbox without deadlines or motions has no events (the export refuses rather than save an empty calendar)', () => {
    const inbox = inboxWith({ docketText: 'Form 11 Notice of Appearance. Filed by Acme.' });
    expect(collectDeadlineEvents(inbox.deadlines(), inbox.motionEntries())).toEqual([]);
  });
});
