import type { Handlers } from '../../src-main/core/api/handlers';
import type { Draft } from '../../src-main/shared/filing';
import { addCheckedPdf } from './filing-steps';
import { signAndSubmit } from './sign-and-submit';
import type { CaseParty, DraftChanges } from '../../src-main/shared/filing';

/** The United States, the party the training court's case 1017 lets a filer appear for. */
export const unitedStatesIn1017: CaseParty = {
  id: 'us-1017',
  name: 'United States',
  role: 'Defendant',
  isServedElectronically: true,
};

/**
 * A draft's changes that make it a notice of appearance for the United States in the training court's case 1017
 * (Acme Steel Corp. v. United States), with one main document: a filing the rules let through.
 */
export function appearanceIn1017(
  documentId: string,
  options: { readonly parties?: readonly CaseParty[]; readonly docketAnnotation?: string } = {},
): DraftChanges {
  return {
    case: { caseId: 1017, caseNumber: '1:26-cv-00123-MMB', caption: 'Acme Steel Corp. v. United States' },
    parties: [...(options.parties ?? [unitedStatesIn1017])],
    filerPartyIds: ['us-1017'],
    eventId: 'form-11-notice-of-appearance',
    documents: [{ documentId, type: 'main', description: '' }],
    ...(options.docketAnnotation === undefined ? {} : { docketAnnotation: options.docketAnnotation }),
  };
}

/** A signed notice of appearance in case 1017 with a fresh one-page PDF, handed to the outbox to send now. */
export async function submitAppearanceIn1017(handlers: Handlers, note: string): Promise<Draft> {
  const main = await addCheckedPdf(handlers, `${note}.pdf`);
  const parties = await handlers['court.caseParties']({ caseId: 1017 });
  const draft = await handlers['drafts.create']({});
  await handlers['drafts.update']({
    id: draft.id,
    changes: appearanceIn1017(main, { parties, docketAnnotation: note }),
  });
  return (await signAndSubmit(handlers, draft.id, true)).draft;
}

/** A signed notice of appearance in case 1017 with its exhibits (each a fresh PDF), handed to the outbox to send now. */
export async function submitAppearanceWithExhibits(
  handlers: Handlers,
  note: string,
  exhibits: readonly string[] = ['Exhibit A', 'Exhibit B'],
): Promise<Draft> {
  const main = await addCheckedPdf(handlers, `${note}.pdf`);
  const attached = await Promise.all(
    exhibits.map(async (description, index) => ({
      documentId: await addCheckedPdf(handlers, `${note}-${index + 1}.pdf`, 1 + (index % 2)),
      type: 'exhibit' as const,
      description,
    })),
  );
  const parties = await handlers['court.caseParties']({ caseId: 1017 });
  const draft = await handlers['drafts.create']({});
  const changes = appearanceIn1017(main, { parties, docketAnnotation: note });
  await handlers['drafts.update']({
    id: draft.id,
    changes: { ...changes, documents: [...(changes.documents ?? []), ...attached] },
  });
  return (await signAndSubmit(handlers, draft.id, true)).draft;
}

/**
 * A signed summons with its complaint (USCIT Rule 3(a)), handed to the outbox to send now: a new case whose caption
 * names the plaintiff before " v. ", and a filing fee (FAQ 21). The review lets it through.
 */
export async function submitSummonsAndComplaint(handlers: Handlers, caption: string): Promise<Draft> {
  const plaintiff: CaseParty = {
    id: 'new-1',
    name: caption.split(' v. ')[0] ?? '',
    role: 'Plaintiff',
    isServedElectronically: false,
  };
  const defendant: CaseParty = { id: 'new-2', name: 'United States', role: 'Defendant', isServedElectronically: false };
  const summons = await addCheckedPdf(handlers, `${caption}-summons.pdf`);
  const complaint = await addCheckedPdf(handlers, `${caption}-complaint.pdf`, 3);
  const draft = await handlers['drafts.create']({});
  const review = await handlers['drafts.update']({
    id: draft.id,
    changes: {
      newAction: { caption },
      parties: [plaintiff, defendant],
      filerPartyIds: ['new-1'],
      eventId: 'summons-and-complaint',
      documents: [
        { documentId: summons, type: 'main', description: '' },
        { documentId: complaint, type: 'complaint', description: 'Complaint' },
      ],
    },
  });
  const blocks = review.checks.filter((check) => check.level === 'block');
  if (blocks.length > 0) {
    throw new Error(`The summons is blocked: ${blocks.map((check) => check.message).join(' ')}`);
  }
  return (await signAndSubmit(handlers, draft.id, true)).draft;
}
