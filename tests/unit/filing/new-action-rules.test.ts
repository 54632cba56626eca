import { describe, expect, it } from 'vitest';
import {
  actionOpeningEvents,
  citEventCatalog,
  describeFilingFee,
  faq21FeeAnswer,
  findDocketEvent,
} from '../../../src-main/shared/cit-event-catalog';
import type { Draft, DraftDocument } from '../../../src-main/shared/filing';
import { canSubmit, checkDraft, docketTextPreview } from '../../../src-main/shared/filing-rules';
import { contextFor, defendant, draftWith, mainDocument, plaintiff } from './draft-builder';

const complaint: DraftDocument = { documentId: 'doc-complaint', type: 'complaint', description: 'Complaint' };

/** A summons that opens "Acme Bearings, Inc. v. United States", ready to submit. */
function newAction(changes: Partial<Draft> = {}): Draft {
  return draftWith({
    case: null,
    newAction: { caption: 'Acme Bearings, Inc. v. United States' },
    parties: [plaintiff, { ...defendant, isServedElectronically: false }],
    eventId: 'summons',
    documents: [mainDocument],
    ...changes,
  });
}

const checksOf = (draft: Draft) => checkDraft(contextFor(draft));
const idsOf = (draft: Draft) => checksOf(draft).map((check) => check.id);

describe('a new action (USCIT Rule 3(a))', () => {
  it('needs no case: a summons with a caption and a filer can be submitted', () => {
    const checks = checksOf(newAction());
    expect(checks.filter((check) => check.level === 'block')).toEqual([]);
    expect(canSubmit(checks)).toBe(true);
    expect(checks.map((check) => check.id)).not.toContain('draft.case-missing');
  });

  it('is blocked without a caption', () => {
    const check = checksOf(newAction({ newAction: { caption: '  ' } })).find(
      (each) => each.id === 'draft.case-caption-missing',
    );
    expect(check).toMatchObject({ level: 'block', source: 'USCIT Rule 3' });
  });

  it('is blocked with an event that does not open an action, naming the events that do', () => {
    const check = checksOf(newAction({ eventId: 'motion-to-stay' })).find(
      (each) => each.id === 'draft.event-not-opening',
    );
    expect(check?.level).toBe('block');
    expect(check?.message).toContain('Summons; Summons and Complaint (filed together)');
  });

  it('refuses a summons in an existing case, in plain words', () => {
    const check = checksOf(draftWith({ eventId: 'summons', documents: [mainDocument] })).find(
      (each) => each.id === 'draft.event-opens-action',
    );
    expect(check?.level).toBe('block');
    expect(check?.message).toBe(
      'A Summons commences a new action; the court opens a new case for it, so it cannot be filed in 1:26-cv-00123-MMB.',
    );
  });

  it('once the court has opened the case, the summons in it is not refused', () => {
    const filed = newAction({
      case: { caseId: 1041, caseNumber: '1:26-cv-00234', caption: 'Acme Bearings, Inc. v. United States' },
    });
    expect(idsOf(filed)).not.toContain('draft.event-opens-action');
    // Nor is it asked, once filed, for a certificate of service the notice of the new case never called for.
    expect(checksOf(filed).filter((check) => check.level === 'block')).toEqual([]);
  });

  it('the summons and complaint need exactly one document marked as the complaint', () => {
    const withComplaint = newAction({ eventId: 'summons-and-complaint', documents: [mainDocument, complaint] });
    expect(checksOf(withComplaint).filter((check) => check.level === 'block')).toEqual([]);
    expect(idsOf(newAction({ eventId: 'summons-and-complaint' }))).toContain('event.complaint-missing');
    expect(
      idsOf(newAction({ eventId: 'summons-and-complaint', documents: [mainDocument, complaint, complaint] })),
    ).toContain('event.complaint-missing');
    expect(idsOf(newAction({ documents: [mainDocument, complaint] }))).toContain('event.complaint-without-summons');
  });

  it('asks for no certificate of service: the summons is served as the court directs, and the review says how', () => {
    const ids = idsOf(newAction());
    expect(ids).not.toContain('service.certificate-missing');
    expect(ids).toContain('service.new-action');
  });

  it('previews its docket text without a case number, the complaint not listed as an attachment', () => {
    expect(docketTextPreview(newAction())).toBe(
      'Summons. Filed by the filing attorney on behalf of Acme Bearings, Inc.',
    );
    expect(
      docketTextPreview(newAction({ eventId: 'summons-and-complaint', documents: [mainDocument, complaint] })),
    ).toBe('Summons. Filed by the filing attorney on behalf of Acme Bearings, Inc.');
  });
});

describe('filing fees (FAQ 21)', () => {
  it('the summons, the summons and complaint, the complaint and the Notice of Appeal carry a fee; a motion does not', () => {
    const withFee = citEventCatalog.filter((event) => event.filingFee !== undefined).map((event) => event.id);
    expect(withFee).toEqual(['summons', 'complaint', 'summons-and-complaint', 'notice-of-appeal']);
  });

  it('no amount is invented: the fee schedule is not in the sources, so every amount is unknown', () => {
    for (const event of citEventCatalog) {
      expect(event.filingFee?.amountCents ?? null).toBeNull();
    }
  });

  it('says the fee is due, when it applies and how it is paid', () => {
    const summons = findDocketEvent('summons');
    const complaintEvent = findDocketEvent('complaint');
    expect(summons && describeFilingFee(summons)).toMatch(/^A filing fee is due .*\. Paid online through Pay\.gov/);
    expect(complaintEvent && describeFilingFee(complaintEvent)).toContain('in an action under 28 U.S.C. 1581(a)');
    const motion = findDocketEvent('motion-to-stay');
    expect(motion && describeFilingFee(motion)).toBeNull();
  });

  it('the Notice of Appeal goes to the Federal Circuit and cites FAQ 21', () => {
    expect(findDocketEvent('notice-of-appeal')).toMatchObject({
      name: 'Notice of Appeal to the U.S. Court of Appeals for the Federal Circuit',
      source: 'FAQ 21',
      filingFee: { source: 'FAQ 21' },
    });
  });

  it('the review shows the fee as information, quoting FAQ 21, and only where a fee applies', () => {
    const fee = checksOf(newAction()).find((check) => check.id === 'fee.due');
    expect(fee).toMatchObject({ level: 'info', source: 'FAQ 21', fix: null });
    expect(fee?.message).toContain(faq21FeeAnswer);
    expect(idsOf(draftWith())).not.toContain('fee.due');
  });

  it('only the summons and the summons and complaint open an action', () => {
    expect(actionOpeningEvents.map((event) => event.id)).toEqual(['summons', 'summons-and-complaint']);
  });
});
