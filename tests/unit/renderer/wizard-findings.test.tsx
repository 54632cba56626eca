// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { DocumentRecord } from '../../../src-main/shared/domain';
import type { PreflightReport } from '../../../src-main/shared/preflight';
import { blankDraft, caseParty, createFakeBridge, documentRecord, draftReview, ruleCheck } from './fake-bridge';
import { documentsSaved, goToStep, openWizard } from './wizard-support';

afterEach(cleanup);

const warned: PreflightReport = {
  bytes: 2048,
  pages: 3,
  verdict: 'warn',
  findings: [
    {
      code: 'metadata',
      severity: 'warn',
      message: "This PDF's properties name a person.",
      text: ['Author: Jane Q. Associate'],
      fixes: ['clean-copy'],
    },
  ],
};

const refused: PreflightReport = {
  bytes: 2048,
  pages: 3,
  verdict: 'block',
  findings: [
    { code: 'active-content', severity: 'block', message: 'This PDF runs JavaScript.', fixes: ['clean-copy'] },
  ],
};

const exhibit = documentRecord({ id: 'exhibit', name: 'Exhibit A.pdf', preflight: { state: 'done', report: warned } });
const motion = documentRecord({ id: 'motion', name: 'Motion.pdf', preflight: { state: 'done', report: refused } });
const cleanCopy = documentRecord({
  id: 'copy',
  name: 'Motion (clean copy).pdf',
  preflight: { state: 'done', report: { bytes: 2000, pages: 3, verdict: 'pass', findings: [] } },
  fixedFrom: {
    fromId: 'motion',
    fromName: 'Motion.pdf',
    fix: 'clean-copy',
    fixedAt: '2026-11-28T15:00:00.000Z',
    removed: ['JavaScript that runs when the file opens'],
    notes: [],
    before: { verdict: 'block', blocking: 1, warnings: 0 },
    part: null,
  },
});

function rowOf(name: string): HTMLElement {
  const row = screen.getAllByTestId('document-row').find((each) => each.dataset.documentName === name);
  if (!row) {
    throw new Error(`no row for ${name}`);
  }
  return row;
}

function draftWith(...records: readonly DocumentRecord[]) {
  return blankDraft({
    id: 'd1',
    documents: records.map((record, index) => ({
      documentId: record.id,
      type: index === 0 ? ('main' as const) : ('exhibit' as const),
      description: '',
    })),
  });
}

describe('findings in the filing wizard', () => {
  it('opens a document’s findings in its row on the Documents step, with the one-click fix, without leaving the wizard', async () => {
    const bridge = createFakeBridge([motion, exhibit]);
    bridge.answer('documents.fix', () => [cleanCopy]);
    await openWizard(bridge, draftWith(motion, exhibit));
    goToStep(4);

    const row = await waitFor(() => rowOf('Exhibit A.pdf'));
    await waitFor(() => expect(within(row).getByTestId('preflight-status').textContent).toContain('Worth a look'));
    const toggle = within(row).getByTestId('toggle-findings');
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(toggle);

    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    const finding = within(row).getByTestId('finding');
    expect(finding.dataset.code).toBe('metadata');
    expect(finding.textContent).toContain('Author: Jane Q. Associate');
    fireEvent.click(within(finding).getByTestId('fix-button'));
    await waitFor(() =>
      expect(bridge.calls.find((call) => call.channel === 'documents.fix')?.args).toEqual({
        id: 'exhibit',
        fix: 'clean-copy',
        dropAnnotations: 'none',
      }),
    );
    expect(screen.getByTestId('wizard')).toBeTruthy();
  });

  it('shows at once why the court would refuse a document, with the findings and their fix open in its row', async () => {
    const bridge = createFakeBridge([motion]);
    await openWizard(bridge, draftWith(motion));
    goToStep(4);

    const reason = await screen.findByTestId('document-blocked');
    expect(reason.textContent).toContain('The court would reject this PDF');
    const row = rowOf('Motion.pdf');
    expect(within(row).getByTestId('toggle-findings').getAttribute('aria-expanded')).toBe('true');
    const finding = within(row).getByTestId('finding');
    expect(finding.dataset.severity).toBe('block');
    expect(within(finding).getByTestId('fix-button')).toBeTruthy();
  });

  it('the review’s link to a document’s findings goes to the Documents step with that row’s findings open', async () => {
    const bridge = createFakeBridge([motion, exhibit]);
    bridge.reviewDraft = (draft) =>
      draftReview(draft, {
        checks: [
          ruleCheck({
            id: 'document.preflight-warnings',
            level: 'warn',
            message: 'The check found something worth a look in Exhibit A.pdf.',
            documentIds: ['exhibit'],
          }),
        ],
      });
    await openWizard(bridge, draftWith(motion, exhibit));
    goToStep(6);

    const check = await screen.findByTestId('rule-check');
    fireEvent.click(within(check).getByTestId('go-to-step'));

    expect(screen.getByTestId('wizard-step-title').textContent).toBe('4. Documents');
    const row = await waitFor(() => rowOf('Exhibit A.pdf'));
    expect(within(row).getByTestId('toggle-findings').getAttribute('aria-expanded')).toBe('true');
    expect(within(row).getByTestId('finding').dataset.code).toBe('metadata');
  });

  it('Undo fix in a row brings the original back into the filing in the fixed version’s place', async () => {
    const bridge = createFakeBridge([cleanCopy, exhibit]);
    let listed: readonly DocumentRecord[] = [cleanCopy, exhibit];
    bridge.answer('documents.list', () => [...listed]);
    bridge.answer('documents.undoFix', () => {
      listed = [motion, exhibit];
      return motion;
    });
    await openWizard(bridge, draftWith(cleanCopy, exhibit));
    goToStep(4);

    const row = await waitFor(() => rowOf('Motion (clean copy).pdf'));
    fireEvent.click(within(row).getByTestId('toggle-findings'));
    fireEvent.click(within(row).getByTestId('undo-fix'));

    await waitFor(() =>
      expect(documentsSaved(bridge).map((document) => document.documentId)).toEqual(['motion', 'exhibit']),
    );
    expect(bridge.calls.find((call) => call.channel === 'documents.undoFix')?.args).toEqual({ id: 'copy' });
  });

  it('the missing certificate of service leads to the Documents step, where the certificate is made', async () => {
    const bridge = createFakeBridge();
    bridge.reviewDraft = (draft) =>
      draftReview(draft, {
        checks: [
          ruleCheck({ id: 'service.certificate-missing', level: 'block', message: 'Not served electronically.' }),
        ],
      });
    await openWizard(
      bridge,
      blankDraft({
        id: 'd1',
        parties: [caseParty({ id: 'p3', name: 'Nucor Corp.', isServedElectronically: false, address: '1 Main St' })],
      }),
    );
    goToStep(6);

    fireEvent.click(within(await screen.findByTestId('rule-check')).getByTestId('go-to-step'));

    expect(screen.getByTestId('wizard-step-title').textContent).toBe('4. Documents');
    expect(screen.getByTestId('make-certificate')).toBeTruthy();
  });
});
