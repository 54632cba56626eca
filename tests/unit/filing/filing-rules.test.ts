import { describe, expect, it } from 'vitest';
import type { Draft, OutboxStatus } from '../../../src-main/shared/filing';
import type { RuleContext } from '../../../src-main/shared/filing-rules';
import { canSubmit, checkDraft, interventionPackageEvents } from '../../../src-main/shared/filing-rules';
import {
  certificateOfService,
  contextFor,
  defendant,
  draftWith,
  exhibit,
  mainDocument,
  plaintiff,
  proposedOrder,
} from './draft-builder';

/** The check with this id, or undefined when the rule did not fire. */
function findCheck(context: RuleContext, id: string) {
  return checkDraft(context).find((ruleCheck) => ruleCheck.id === id);
}

function levelOf(context: RuleContext, id: string) {
  return findCheck(context, id)?.level;
}

const afterHours = new Date('2026-01-14T23:30:00Z'); // Wednesday 6:30 p.m. Eastern

describe('a complete draft', () => {
  it('has no blocking check and can be submitted', () => {
    const checks = checkDraft(contextFor(draftWith()));
    expect(checks.filter((ruleCheck) => ruleCheck.level !== 'info')).toEqual([]);
    expect(canSubmit(checks)).toBe(true);
  });

  it('every check says what, cites its source and lists blocking checks first', () => {
    const checks = checkDraft(
      contextFor(draftWith({ case: null, eventId: 'motion-to-intervene', documents: [mainDocument] })),
    );
    expect(checks.length).toBeGreaterThan(2);
    for (const ruleCheck of checks) {
      expect(ruleCheck.message.length > 20 && ruleCheck.source.length > 0).toBe(true);
    }
    const levels = checks.map((ruleCheck) => ruleCheck.level);
    expect(levels).toEqual(
      [...levels].sort(
        (left, right) => ['block', 'warn', 'info'].indexOf(left) - ['block', 'warn', 'info'].indexOf(right),
      ),
    );
  });
});

describe('canSubmit', () => {
  it('is false when any check blocks, true with only warnings and information', () => {
    const warn = { id: 'w', level: 'warn', message: 'm', fix: null, source: 's' } as const;
    expect(canSubmit([warn, { ...warn, level: 'info' }])).toBe(true);
    expect(canSubmit([warn, { ...warn, level: 'block' }])).toBe(false);
  });
});

describe('the filing steps: case, event, filer, main document', () => {
  it.each([
    ['draft.case-missing', { case: null }],
    ['draft.event-missing', { eventId: null }],
    ['draft.event-unknown', { eventId: 'no-such-event' }],
    ['draft.filer-missing', { filerPartyIds: [] }],
    ['draft.main-document-missing', { documents: [] }],
    ['draft.main-document-missing', { documents: [proposedOrder] }],
  ] as const)('%s blocks when it is missing', (id, changes) => {
    expect(levelOf(contextFor(draftWith(changes as Partial<Draft>)), id)).toBe('block');
  });

  it.each([
    'draft.case-missing',
    'draft.event-missing',
    'draft.event-unknown',
    'draft.filer-missing',
    'draft.main-document-missing',
  ])('%s does not fire on a complete draft', (id) => {
    expect(findCheck(contextFor(draftWith()), id)).toBeUndefined();
  });
});

describe('FAQ 29, 48–51: documents are PDFs the court will accept', () => {
  it('a document that is not a PDF blocks, and a PDF does not', () => {
    const draft = draftWith();
    expect(
      levelOf(
        contextFor(draft, { 'doc-order': { isPdf: false, name: 'Order.docx', preflight: null } }),
        'document.not-pdf',
      ),
    ).toBe('block');
    expect(
      findCheck(
        contextFor(draft, { 'doc-order': { isPdf: false, name: 'Order.docx', preflight: null } }),
        'document.not-pdf',
      )?.message,
    ).toContain('Order.docx');
    expect(findCheck(contextFor(draft), 'document.not-pdf')).toBeUndefined();
  });

  it('a document the app no longer has blocks', () => {
    const context = contextFor(draftWith());
    const withoutOrder: RuleContext = {
      ...context,
      documents: new Map([...context.documents].filter(([id]) => id !== 'doc-order')),
    };
    expect(levelOf(withoutOrder, 'document.missing')).toBe('block');
    expect(findCheck(context, 'document.missing')).toBeUndefined();
  });

  it('a document whose preflight blocks must be fixed or replaced', () => {
    expect(levelOf(contextFor(draftWith(), { 'doc-main': { preflight: 'block' } }), 'document.preflight-blocked')).toBe(
      'block',
    );
    expect(findCheck(contextFor(draftWith()), 'document.preflight-blocked')).toBeUndefined();
  });

  it('a document still being checked, or never checked, blocks until the check is done', () => {
    expect(
      levelOf(contextFor(draftWith(), { 'doc-main': { preflight: 'pending' } }), 'document.preflight-pending'),
    ).toBe('block');
    expect(levelOf(contextFor(draftWith(), { 'doc-main': { preflight: null } }), 'document.preflight-pending')).toBe(
      'block',
    );
    expect(findCheck(contextFor(draftWith()), 'document.preflight-pending')).toBeUndefined();
  });

  it('a document whose check failed blocks until it is checked again', () => {
    expect(levelOf(contextFor(draftWith(), { 'doc-main': { preflight: 'error' } }), 'document.preflight-failed')).toBe(
      'block',
    );
    expect(findCheck(contextFor(draftWith()), 'document.preflight-failed')).toBeUndefined();
  });

  it('preflight warnings ask for a look but do not block', () => {
    expect(levelOf(contextFor(draftWith(), { 'doc-main': { preflight: 'warn' } }), 'document.preflight-warnings')).toBe(
      'warn',
    );
    expect(findCheck(contextFor(draftWith()), 'document.preflight-warnings')).toBeUndefined();
  });

  it('a document check names the documents it is about, so the review can open their findings where they are fixed', () => {
    const context = contextFor(draftWith({ documents: [mainDocument, proposedOrder, exhibit] }), {
      'doc-main': { preflight: 'block' },
      'doc-exhibit': { preflight: 'warn' },
    });
    expect(findCheck(context, 'document.preflight-blocked')).toMatchObject({
      documentIds: ['doc-main'],
      fix: expect.stringContaining('Open its findings on the Documents step'),
    });
    expect(findCheck(context, 'document.preflight-warnings')?.documentIds).toEqual(['doc-exhibit']);
  });
});

describe('what the event requires', () => {
  it('an event that links to an earlier entry blocks without a related document', () => {
    const response = draftWith({ eventId: 'response-to-motion', documents: [mainDocument] });
    expect(levelOf(contextFor(response), 'event.related-document-missing')).toBe('block');
    expect(
      findCheck(contextFor({ ...response, relatedDocumentNumbers: [16] }), 'event.related-document-missing'),
    ).toBeUndefined();
  });

  it('USCIT Rule 7(b)(1)(E): a motion without a proposed order blocks', () => {
    expect(levelOf(contextFor(draftWith({ documents: [mainDocument] })), 'motion.proposed-order-missing')).toBe(
      'block',
    );
    expect(findCheck(contextFor(draftWith()), 'motion.proposed-order-missing')).toBeUndefined();
    expect(
      findCheck(
        contextFor(draftWith({ eventId: 'form-11-notice-of-appearance', documents: [mainDocument] })),
        'motion.proposed-order-missing',
      ),
    ).toBeUndefined();
  });

  it.each([
    'consent-motion-for-extension-of-time',
    'motion-to-intervene',
    'motion-for-preliminary-injunction',
    'motion-to-designate-test-case',
  ])('USCIT Rule 7(f): a %s reminds to recite the consultation in the motion', (eventId) => {
    const found = findCheck(contextFor(draftWith({ eventId })), 'motion.consultation-recital');
    expect(found).toMatchObject({ level: 'warn', source: 'USCIT Rule 7(b)(1)(C), 7(f)' });
  });

  it('a motion to stay needs no consultation recital', () => {
    expect(findCheck(contextFor(draftWith()), 'motion.consultation-recital')).toBeUndefined();
  });

  it('an event that expects exhibits warns when only the proposed order is attached', () => {
    const amicus = draftWith({ eventId: 'motion-for-leave-to-file-amicus-brief' });
    expect(levelOf(contextFor(amicus), 'event.attachments-missing')).toBe('warn');
    expect(
      findCheck(
        contextFor({ ...amicus, documents: [mainDocument, proposedOrder, exhibit] }),
        'event.attachments-missing',
      ),
    ).toBeUndefined();
  });

  it('an attachment without a description warns, naming its number', () => {
    const undescribed = draftWith({ documents: [mainDocument, proposedOrder, { ...exhibit, description: '  ' }] });
    expect(findCheck(contextFor(undescribed), 'attachment.description-missing')).toMatchObject({
      level: 'warn',
      message: expect.stringContaining('attachment 2'),
    });
    expect(findCheck(contextFor(draftWith()), 'attachment.description-missing')).toBeUndefined();
  });

  it('USCIT Rule 5(g): an event with business proprietary information explains the public version and the one-day lag', () => {
    const mjar = findCheck(
      contextFor(draftWith({ eventId: 'motion-for-judgment-on-the-agency-record' })),
      'confidential.two-versions',
    );
    expect(mjar).toMatchObject({
      level: 'info',
      source: 'USCIT Rule 5(g)',
      message: expect.stringContaining('one-day lag'),
    });
    expect(findCheck(contextFor(draftWith()), 'confidential.two-versions')).toBeUndefined();
  });
});

describe('FAQ 36–40: service', () => {
  const pro = { ...defendant, id: 'i1', name: 'Pat Importer', role: 'Intervenor', isServedElectronically: false };

  it('a party not served electronically needs a certificate of service, and blocks without one', () => {
    const draft = draftWith({ parties: [plaintiff, defendant, pro] });
    expect(findCheck(contextFor(draft), 'service.certificate-missing')).toMatchObject({
      level: 'block',
      message: expect.stringContaining('Pat Importer'),
    });
    expect(
      findCheck(
        contextFor({ ...draft, documents: [...draft.documents, certificateOfService] }),
        'service.certificate-missing',
      ),
    ).toBeUndefined();
  });

  it('with the certificate attached, it explains the service by other means', () => {
    const draft = draftWith({
      parties: [plaintiff, defendant, pro],
      documents: [mainDocument, proposedOrder, certificateOfService],
    });
    expect(levelOf(contextFor(draft), 'service.other-means')).toBe('info');
    expect(findCheck(contextFor(draftWith()), 'service.other-means')).toBeUndefined();
  });

  it('a certificate of service at the end of the main document is the certificate: nothing blocks, and the review says where it is', () => {
    const draft = draftWith({ parties: [plaintiff, defendant, pro], isCertificateInMainDocument: true });
    expect(findCheck(contextFor(draft), 'service.certificate-missing')).toBeUndefined();
    expect(findCheck(contextFor(draft), 'service.other-means')).toMatchObject({
      level: 'info',
      message: expect.stringContaining('as the certificate of service at the end of the main document says'),
    });
  });

  it('the parties you file for are not served, so they need no certificate', () => {
    const draft = draftWith({ parties: [{ ...plaintiff, isServedElectronically: false }, defendant] });
    expect(findCheck(contextFor(draft), 'service.certificate-missing')).toBeUndefined();
  });

  it('motions and responses note that e-service gives no extra days; a notice does not', () => {
    expect(levelOf(contextFor(draftWith()), 'service.no-extra-days')).toBe('info');
    expect(
      levelOf(
        contextFor(draftWith({ eventId: 'response-to-motion', relatedDocumentNumbers: [4] })),
        'service.no-extra-days',
      ),
    ).toBe('info');
    expect(
      findCheck(contextFor(draftWith({ eventId: 'form-11-notice-of-appearance' })), 'service.no-extra-days'),
    ).toBeUndefined();
  });
});

describe('FAQ 30: Z-motion and Z-document', () => {
  it("warns that a Z-event is for after hours when the Clerk's Office is open", () => {
    expect(levelOf(contextFor(draftWith({ eventId: 'z-motion' })), 'after-hours.z-event-during-hours')).toBe('warn');
    expect(
      findCheck(
        contextFor(draftWith({ eventId: 'z-document' }), {}, { now: afterHours }),
        'after-hours.z-event-during-hours',
      ),
    ).toBeUndefined();
  });

  it('after hours, explains that the Z-event preserves the filing date', () => {
    expect(
      levelOf(
        contextFor(draftWith({ eventId: 'z-document' }), {}, { now: afterHours }),
        'after-hours.z-event-preserves-date',
      ),
    ).toBe('info');
    expect(
      findCheck(contextFor(draftWith({ eventId: 'z-motion' })), 'after-hours.z-event-preserves-date'),
    ).toBeUndefined();
    expect(
      findCheck(contextFor(draftWith(), {}, { now: afterHours }), 'after-hours.z-event-preserves-date'),
    ).toBeUndefined();
  });

  it('on a legal holiday the Clerk’s Office is closed all day, so a Z-event at noon preserves the date', () => {
    const thanksgivingNoon = new Date('2026-11-26T17:00:00Z'); // noon EST
    const context = contextFor(draftWith({ eventId: 'z-motion' }), {}, { now: thanksgivingNoon });
    expect(levelOf(context, 'after-hours.z-event-preserves-date')).toBe('info');
    expect(findCheck(context, 'after-hours.z-event-during-hours')).toBeUndefined();
  });
});

describe('FAQ 33: Notice of Manual Filing', () => {
  it('explains that the item is delivered to the court, with Form 23 where it applies', () => {
    const found = findCheck(
      contextFor(draftWith({ eventId: 'notice-of-manual-filing' })),
      'manual-filing.deliver-item',
    );
    expect(found).toMatchObject({ level: 'info', message: expect.stringContaining('Form 23') });
    expect(findCheck(contextFor(draftWith()), 'manual-filing.deliver-item')).toBeUndefined();
  });
});

describe('FAQ 35, Administrative Order 02-01: stipulations', () => {
  const filer = { name: 'Jane Morgan', firm: 'Morgan & Co.', isFiler: true };
  const opposing = { name: 'Sam Trial', firm: 'Department of Justice', isFiler: false };
  const stipulation = (signers: Draft['signers']) =>
    contextFor(draftWith({ eventId: 'stipulation-of-dismissal', documents: [mainDocument], signers }));

  it('a stipulation with fewer than two signers blocks; with two it does not', () => {
    expect(levelOf(stipulation([filer]), 'stipulation.too-few-signers')).toBe('block');
    expect(findCheck(stipulation([filer, opposing]), 'stipulation.too-few-signers')).toBeUndefined();
  });

  it('a signer without a name has no /s/ signature and blocks', () => {
    expect(levelOf(stipulation([filer, { ...opposing, name: ' ' }]), 'stipulation.signer-unnamed')).toBe('block');
    expect(findCheck(stipulation([filer, opposing]), 'stipulation.signer-unnamed')).toBeUndefined();
  });

  it('warns when no signer is the filing attorney', () => {
    expect(levelOf(stipulation([{ ...filer, isFiler: false }, opposing]), 'stipulation.filer-not-signer')).toBe('warn');
    expect(findCheck(stipulation([filer, opposing]), 'stipulation.filer-not-signer')).toBeUndefined();
  });

  it('events that are not stipulations need no signers', () => {
    expect(findCheck(contextFor(draftWith()), 'stipulation.too-few-signers')).toBeUndefined();
  });

  it('a stipulated judgment is a stipulation too', () => {
    expect(
      levelOf(contextFor(draftWith({ eventId: 'stipulated-judgment', signers: [] })), 'stipulation.too-few-signers'),
    ).toBe('block');
  });
});

describe('FAQ 41: the Motion to Intervene package is filed one document at a time, in order', () => {
  const outbox = (state: OutboxStatus['state']): OutboxStatus => ({
    state,
    stoppedAt: null,
    courtDocketText: null,
    confirmedDocketText: null,
    courtScreens: null,
    queuedAt: '2026-01-14T15:00:00Z',
    attempts: 1,
    message: null,
    docketText: null,
    deSeqNum: null,
    documentNumber: null,
    submittedAt: null,
    filedAt: null,
    sentDocuments: [],
    hasReceipt: false,
    courtCopies: [],
    isHeldAsLate: false,
    lateSendConfirmedOn: null,
  });
  const step = (number: number, state: OutboxStatus['state'] | null): Draft =>
    draftWith({
      id: `step-${number}`,
      eventId: interventionPackageEvents[number - 1] ?? null,
      package: { id: 'pkg', kind: 'motion-to-intervene', step: number, of: 5 },
      outbox: state === null ? null : outbox(state),
    });

  it('lists the five events in the order of FAQ 41', () => {
    expect(interventionPackageEvents).toEqual([
      'motion-to-intervene',
      'form-11-notice-of-appearance',
      'form-13-corporate-disclosure',
      'form-17-bpi-certification-attorneys',
      'form-17-bpi-certification-consultants',
    ]);
  });

  it('step 3 blocks while step 2 is only queued', () => {
    const context = contextFor(step(3, null), {}, { packageDrafts: [step(2, 'ready'), step(1, 'filed')] });
    expect(findCheck(context, 'package.earlier-step-not-submitted')).toMatchObject({
      level: 'block',
      message: expect.stringContaining('step 2 is not submitted'),
    });
  });

  it('step 3 blocks when an earlier step has no draft at all', () => {
    expect(
      levelOf(
        contextFor(step(3, null), {}, { packageDrafts: [step(2, 'submitted')] }),
        'package.earlier-step-not-submitted',
      ),
    ).toBe('block');
  });

  it('step 3 may go once steps 1 and 2 are submitted or filed', () => {
    const context = contextFor(step(3, null), {}, { packageDrafts: [step(2, 'submitted'), step(1, 'filed')] });
    expect(findCheck(context, 'package.earlier-step-not-submitted')).toBeUndefined();
  });

  it('step 1 never waits, and a draft of another package does not count', () => {
    expect(findCheck(contextFor(step(1, null)), 'package.earlier-step-not-submitted')).toBeUndefined();
    const other = {
      ...step(1, 'filed'),
      package: { id: 'other', kind: 'motion-to-intervene', step: 1, of: 5 },
    } as const;
    expect(
      levelOf(contextFor(step(2, null), {}, { packageDrafts: [other] }), 'package.earlier-step-not-submitted'),
    ).toBe('block');
  });

  it('warns when a step carries the wrong event for its place', () => {
    const swapped = { ...step(2, null), eventId: 'form-13-corporate-disclosure' };
    expect(levelOf(contextFor(swapped, {}, { packageDrafts: [step(1, 'filed')] }), 'package.event-out-of-order')).toBe(
      'warn',
    );
    expect(
      findCheck(contextFor(step(2, null), {}, { packageDrafts: [step(1, 'filed')] }), 'package.event-out-of-order'),
    ).toBeUndefined();
  });
});
