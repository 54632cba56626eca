import { describe, expect, it } from 'vitest';
import { motionEventOfDocketText, responseDatesOfNotice } from '../../../src-main/shared/notice-response-dates';

describe('USCIT Rule 7(d): the response dates a notice of a motion starts', () => {
  it.each([
    ['Motion to stay. Responses due by 12/3/2008. Filed by Frank H. Morgan on behalf of Acme.', 'motion-to-stay'],
    ['MOTION to Dismiss for Lack of Jurisdiction. Filed by United States.', 'motion-to-dismiss'],
    [
      'Rule 56.2 Motion for Judgment upon the Agency Record. Filed by Acme Steel Corp.',
      'motion-for-judgment-on-the-agency-record',
    ],
    [
      'Motion for Judgment on the Agency Record Pursuant to Rule 56.1. Filed by Acme.',
      'motion-for-judgment-on-the-agency-record',
    ],
    ['Consent Motion to Intervene. Filed by Beta Corp.', 'motion-to-intervene'],
    ['Joint Motion for Extension of Time. Filed by all parties.', 'consent-motion-for-extension-of-time'],
    ['Unopposed Motion to Stay Further Proceedings. Filed by Acme.', 'motion-to-stay'],
  ])('“%s” is the motion %s', (docketText, eventId) => {
    expect(motionEventOfDocketText(docketText)).toBe(eventId);
  });

  it.each([
    'Response to motion to stay (related document(s) 5 ). Filed by United States.',
    'Reply in Support of Motion for Judgment on the Agency Record (related document(s) 22). Filed by Acme.',
    'Proposed Order Granting Motion to Stay Further Proceedings. Filed by Acme.',
    'ORDER granting Motion to Dismiss. Signed by Judge X.',
    'Z-motion. Filed by Acme.',
    'Motion to Stayed proceedings', // a longer word is not the motion's name
    'Complaint against all defendants. Answer due by 1/20/2009.',
  ])('“%s” starts no response period', (docketText) => {
    expect(motionEventOfDocketText(docketText)).toBeNull();
  });

  it('a motion to dismiss filed (and so served by its notice, FAQ 36) on July 31, 2026 is answered by September 4', () => {
    expect(
      responseDatesOfNotice({ docketText: 'MOTION to Dismiss. Filed by United States.', dateFiled: '2026-07-31' }),
    ).toEqual([{ title: 'Response to dispositive motion due', date: '2026-09-04', rule: 'USCIT Rule 7(d)' }]);
  });

  it('a motion to stay filed Monday, November 2, 2026 is answered 21 days later, on Monday, November 23', () => {
    expect(responseDatesOfNotice({ docketText: 'Motion to Stay.', dateFiled: '2026-11-02' })).toEqual([
      { title: 'Response due', date: '2026-11-23', rule: 'USCIT Rule 7(d)' },
    ]);
  });

  it('without a filing date, or with one that is not a day, nothing is computed', () => {
    expect(responseDatesOfNotice({ docketText: 'Motion to Stay.', dateFiled: null })).toEqual([]);
    expect(responseDatesOfNotice({ docketText: 'Motion to Stay.', dateFiled: '2026-02-30' })).toEqual([]);
    expect(responseDatesOfNotice({ docketText: null, dateFiled: '2026-11-02' })).toEqual([]);
  });
});
