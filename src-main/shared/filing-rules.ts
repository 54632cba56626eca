import type { DocketEvent } from './cit-event-catalog';
import { actionOpeningEvents, describeFilingFee, faq21FeeAnswer, findDocketEvent } from './cit-event-catalog';
import { isWithinClerkHours } from './deadline-clock';
import type { Draft, DraftDocument, RuleCheck, Signer } from './filing';

/**
 * The CIT's filing rules applied to a draft, before anything reaches the court. Each check cites the FAQ item or
 * rule behind it and is written for the paralegal: what is wrong, why the court cares, what to do.
 */

/** What the document store knows about one document of a draft. */
export interface DocumentFacts {
  readonly name: string;
  readonly isPdf: boolean;
  readonly pages: number | null;
  /** The preflight verdict; null when the document has never been checked. */
  readonly preflight: 'pending' | 'pass' | 'warn' | 'block' | 'error' | null;
}

/** Everything the rules look at besides the draft itself. */
export interface RuleContext {
  readonly draft: Draft;
  /** By document id. */
  readonly documents: ReadonlyMap<string, DocumentFacts>;
  readonly now: Date;
  /** The other drafts of the same package, any order. */
  readonly packageDrafts: readonly Draft[];
}

/** FAQ 41: the Motion to Intervene package, one filing each, in this order. */
export const interventionPackageEvents: readonly string[] = [
  'motion-to-intervene',
  'form-11-notice-of-appearance',
  'form-13-corporate-disclosure',
  'form-17-bpi-certification-attorneys',
  'form-17-bpi-certification-consultants',
];

type Check = (context: RuleContext, event: DocketEvent | undefined) => RuleCheck[];

function check(
  id: string,
  level: RuleCheck['level'],
  message: string,
  fix: string | null,
  source: string,
  about: readonly DraftDocument[] = [],
): RuleCheck {
  return about.length === 0
    ? { id, level, message, fix, source }
    : { id, level, message, fix, source, documentIds: about.map((document) => document.documentId) };
}

function hasDocumentOfType(draft: Draft, type: DraftDocument['type']): boolean {
  return draft.documents.some((document) => document.type === type);
}

/** "Exhibit A.pdf, Order.pdf": the documents' names as the Documents screen shows them. */
function namesOf(context: RuleContext, documents: readonly DraftDocument[]): string {
  return documents
    .map((document) => context.documents.get(document.documentId)?.name ?? document.documentId)
    .join(', ');
}

const checkSteps: Check = ({ draft }, event) => [
  // A new action has no case until the court opens it (USCIT Rule 3); checkNewAction says what it needs instead.
  ...(draft.case === null && draft.newAction === null
    ? [
        check(
          'draft.case-missing',
          'block',
          'No case is chosen. CM/ECF files every document into a case.',
          'Choose the case.',
          'CM/ECF filing steps',
        ),
      ]
    : []),
  ...(draft.eventId === null
    ? [
        check(
          'draft.event-missing',
          'block',
          'No docket event is chosen. The event decides what the docket will call this filing.',
          'Choose the event; search by a word such as "extension" or "Form 17".',
          'FAQ 30',
        ),
      ]
    : []),
  ...(draft.eventId !== null && event === undefined
    ? [
        check(
          'draft.event-unknown',
          'block',
          'The chosen docket event is not one the court offers.',
          'Choose the event again.',
          'FAQ 30',
        ),
      ]
    : []),
  ...(draft.filerPartyIds.length === 0
    ? [
        check(
          'draft.filer-missing',
          'block',
          'No filing party is chosen. The docket says on whose behalf a document is filed.',
          'Choose the party or parties you file for.',
          'CM/ECF filing steps',
        ),
      ]
    : []),
  ...(draft.documents[0]?.type !== 'main'
    ? [
        check(
          'draft.main-document-missing',
          'block',
          'There is no main document. Every filing starts with the main document; exhibits and the proposed order follow it.',
          'Add the main document first.',
          'CM/ECF filing steps',
        ),
      ]
    : []),
];

const checkDocuments: Check = (context) => {
  const { draft } = context;
  const factsOf = (document: DraftDocument): DocumentFacts | undefined => context.documents.get(document.documentId);
  const present = draft.documents.filter((document) => factsOf(document) !== undefined);
  const pdfs = present.filter((document) => factsOf(document)?.isPdf === true);
  const missing = draft.documents.filter((document) => factsOf(document) === undefined);
  const notPdf = present.filter((document) => factsOf(document)?.isPdf === false);
  const byVerdict = (...verdicts: DocumentFacts['preflight'][]): DraftDocument[] =>
    pdfs.filter((document) => verdicts.includes(factsOf(document)?.preflight ?? null));
  const blocked = byVerdict('block');
  const pending = byVerdict('pending', null);
  const failed = byVerdict('error');
  const warned = byVerdict('warn');
  return [
    ...(missing.length > 0
      ? [
          check(
            'document.missing',
            'block',
            `A document of this filing is no longer in the app: ${namesOf(context, missing)}.`,
            'Remove it from the filing or add it again.',
            'CM/ECF filing steps',
          ),
        ]
      : []),
    ...(notPdf.length > 0
      ? [
          check(
            'document.not-pdf',
            'block',
            `Not a PDF: ${namesOf(context, notPdf)}. CM/ECF accepts PDF documents only.`,
            'Save or print the document as PDF and replace it.',
            'FAQ 29',
          ),
        ]
      : []),
    ...(blocked.length > 0
      ? [
          check(
            'document.preflight-blocked',
            'block',
            `The court would refuse ${namesOf(context, blocked)}: the check found a problem such as active content, a password or a malformed file.`,
            'Open its findings on the Documents step and use the fix offered there, or replace the document.',
            'FAQ 48–51',
            blocked,
          ),
        ]
      : []),
    ...(pending.length > 0
      ? [
          check(
            'document.preflight-pending',
            'block',
            `Still being checked: ${namesOf(context, pending)}. A document the court would refuse is caught before you submit.`,
            'Wait for the check to finish.',
            'FAQ 48–51',
          ),
        ]
      : []),
    ...(failed.length > 0
      ? [
          check(
            'document.preflight-failed',
            'block',
            `The check could not finish for ${namesOf(context, failed)}, so it is not known whether the court will accept it.`,
            'Check the document again; replace it if the check keeps failing.',
            'FAQ 48–51',
          ),
        ]
      : []),
    ...(warned.length > 0
      ? [
          check(
            'document.preflight-warnings',
            'warn',
            `The check found something worth a look in ${namesOf(context, warned)} (for example a scan below 300 dpi, or metadata a public version should not carry).`,
            'Open its findings on the Documents step and decide whether to use the fix offered there.',
            'FAQ 44–45',
            warned,
          ),
        ]
      : []),
  ];
};

const checkEventNeeds: Check = ({ draft }, event) => {
  if (event === undefined) {
    return [];
  }
  const attachments = draft.documents.slice(1);
  // The proposed order and certificate of service have their own rules; "attachments" here are the exhibits the event expects.
  const supporting = attachments.filter(
    (document) => document.type !== 'proposed-order' && document.type !== 'certificate-of-service',
  );
  const undescribed = attachments
    .map((document, index) => ({ document, number: index + 1 }))
    .filter(({ document }) => document.description.trim() === '');
  return [
    ...(event.requires.relatedDocument === true && draft.relatedDocumentNumbers.length === 0
      ? [
          check(
            'event.related-document-missing',
            'block',
            `A ${event.name} links to the docket entry it relates to (a response names the motion it answers); CM/ECF will not accept it without one.`,
            'Choose the related docket entry.',
            'CM/ECF filing steps',
          ),
        ]
      : []),
    ...(event.requires.proposedOrder === true && !hasDocumentOfType(draft, 'proposed-order')
      ? [
          check(
            'motion.proposed-order-missing',
            'block',
            'A motion must be accompanied by a proposed order, and this one has none.',
            'Attach the proposed order and mark its type "Proposed order".',
            'USCIT Rule 7(b)(1)(E)',
          ),
        ]
      : []),
    ...(event.needsConsultation === true
      ? [
          check(
            'motion.consultation-recital',
            'warn',
            'This motion needs consultation with the other parties first. The motion itself must describe the effort to agree and recite the date, time and names of those consulted, and whether they consent or oppose.',
            'Make sure the consultation is recited in the motion.',
            'USCIT Rule 7(b)(1)(C), 7(f)',
          ),
        ]
      : []),
    ...(event.requires.attachments === true && supporting.length === 0
      ? [
          check(
            'event.attachments-missing',
            'warn',
            `A ${event.name} usually comes with exhibits, and none are attached.`,
            'Attach the exhibits, or go on if there are none.',
            event.source,
          ),
        ]
      : []),
    ...(undescribed.length > 0
      ? [
          check(
            'attachment.description-missing',
            'warn',
            `No description for attachment ${undescribed.map(({ number }) => number).join(', ')}. The docket lists each attachment by its description, so others can find it.`,
            'Describe each attachment, for example "Exhibit A - Entry summaries".',
            'CM/ECF filing steps',
          ),
        ]
      : []),
    ...(event.requires.confidentialVersion === true
      ? [
          check(
            'confidential.two-versions',
            'info',
            `If this paper contains business proprietary information, bracket it and file two versions: the confidential version (restricted), and a public version with the bracketed information removed, which follows one day later (the court's "one-day lag" rule).`,
            null,
            'USCIT Rule 5(g)',
          ),
        ]
      : []),
  ];
};

const checkService: Check = ({ draft }, event) => {
  if (draft.newAction !== null) {
    // A summons is served as the court's rules direct, not by the notice of a case nobody had appeared in yet.
    return [
      check(
        'service.new-action',
        'info',
        "No one is registered in the new case yet, so the court's notice serves no other party. In actions under 28 U.S.C. 1581(a), (b) and (c) the Clerk's Office serves the summons (the docket then shows \"Summons served by Clerk's Office upon …\"); in other actions the plaintiff serves the summons and complaint.",
        null,
        'USCIT Rule 3(a); real CIT docket sheets',
      ),
    ];
  }
  // The parties you file for are not served; every other party not registered for e-service is (FAQ 37).
  const servedOtherwise = draft.parties.filter(
    (party) => !party.isServedElectronically && !draft.filerPartyIds.includes(party.id),
  );
  const names = servedOtherwise.map((party) => party.name).join(', ');
  // A certificate of service at the end of the main document is as good as one filed as its own document (FAQ 38).
  const hasCertificate = hasDocumentOfType(draft, 'certificate-of-service') || draft.isCertificateInMainDocument;
  const isMotionOrResponse =
    event !== undefined && (event.requires.proposedOrder === true || event.isResponse === true);
  return [
    ...(servedOtherwise.length > 0 && !hasCertificate
      ? [
          check(
            'service.certificate-missing',
            'block',
            `Not served electronically: ${names}. The court's notice does not serve them, so serve them by mail or hand delivery and file a certificate of service saying how.`,
            'Make it with "Make certificate of service" on the Documents step, attach your own and mark its type "Certificate of service", or say there that it is at the end of the main document.',
            'FAQ 37–38',
          ),
        ]
      : []),
    ...(servedOtherwise.length > 0 && hasCertificate
      ? [
          check(
            'service.other-means',
            'info',
            `Not served electronically: ${names}. Serve them by mail or hand delivery, as the certificate of service ${draft.isCertificateInMainDocument && !hasDocumentOfType(draft, 'certificate-of-service') ? 'at the end of the main document ' : ''}says; the court's notice does not reach them.`,
            null,
            'FAQ 37–38',
          ),
        ]
      : []),
    ...(isMotionOrResponse
      ? [
          check(
            'service.no-extra-days',
            'info',
            'Response times to motions get no extra days for electronic service, nor for hand delivery.',
            null,
            'FAQ 39–40',
          ),
        ]
      : []),
  ];
};

const checkSpecialEvents: Check = ({ draft, now }, event) => {
  if (event === undefined) {
    return [];
  }
  const signers = draft.signers;
  const unnamed = signers.filter((signer) => signer.name.trim() === '');
  return [
    ...(event.isAfterHoursPlaceholder === true && isWithinClerkHours(now)
      ? [
          check(
            'after-hours.z-event-during-hours',
            'warn',
            `${event.name} is for after the Clerk's Office hours (8:30 a.m. to 5:00 p.m. Eastern), when the right event cannot be found. The office is open now.`,
            'Search for the right event, or call the CM/ECF Help Desk at 1-866-450-1859.',
            'FAQ 30',
          ),
        ]
      : []),
    ...(event.isAfterHoursPlaceholder === true && !isWithinClerkHours(now)
      ? [
          check(
            'after-hours.z-event-preserves-date',
            'info',
            `${event.name} preserves today's filing date while the Clerk's Office is closed; the office dockets it under the right event later.`,
            null,
            'FAQ 30',
          ),
        ]
      : []),
    ...(event.id === 'notice-of-manual-filing'
      ? [
          check(
            'manual-filing.deliver-item',
            'info',
            'Physical exhibits, items and classified documents are not filed electronically. Send or hand-deliver the item to the court with this notice and, where it applies, a Form 23 Certification of Filing and Service.',
            null,
            'FAQ 33; USCIT Rule 80(h)',
          ),
        ]
      : []),
    ...(event.isStipulation === true && signers.length < 2
      ? [
          check(
            'stipulation.too-few-signers',
            'block',
            'A stipulation is signed by the attorneys of every side, and this one lists fewer than two signers. Each signature goes on it as "/s/ Name".',
            'Add every attorney who signed the stipulation.',
            'FAQ 35; Administrative Order 02-01',
          ),
        ]
      : []),
    ...(event.isStipulation === true && unnamed.length > 0
      ? [
          check(
            'stipulation.signer-unnamed',
            'block',
            'A signer of the stipulation has no name, so there is no /s/ signature for them.',
            "Enter each signer's name as it appears on the document.",
            'FAQ 35; Administrative Order 02-01',
          ),
        ]
      : []),
    ...(event.isStipulation === true && signers.length > 0 && !signers.some((signer) => signer.isFiler)
      ? [
          check(
            'stipulation.filer-not-signer',
            'warn',
            'None of the signers is marked as the filing attorney, whose login is the signature on the filing.',
            'Mark the filing attorney among the signers.',
            'FAQ 35; Administrative Order 02-01',
          ),
        ]
      : []),
  ];
};

const checkPackageOrder: Check = ({ draft, packageDrafts }) => {
  const place = draft.package;
  if (place === null) {
    return [];
  }
  const earlierSteps = Array.from({ length: place.step - 1 }, (_, index) => index + 1);
  const waitingFor = earlierSteps.filter((step) => {
    const earlier = packageDrafts.find((other) => other.package?.id === place.id && other.package.step === step);
    return earlier?.outbox?.state !== 'submitted' && earlier?.outbox?.state !== 'filed';
  });
  const expectedEvent = place.kind === 'motion-to-intervene' ? interventionPackageEvents[place.step - 1] : undefined;
  return [
    ...(waitingFor.length > 0
      ? [
          check(
            'package.earlier-step-not-submitted',
            'block',
            `This is step ${place.step} of ${place.of}. The court wants each document filed separately and in order, and step ${waitingFor.join(', ')} is not submitted yet.`,
            'Submit the earlier steps first.',
            'FAQ 41',
          ),
        ]
      : []),
    ...(expectedEvent !== undefined && draft.eventId !== null && draft.eventId !== expectedEvent
      ? [
          check(
            'package.event-out-of-order',
            'warn',
            `Step ${place.step} of the intervention package should be the ${findDocketEvent(expectedEvent)?.name ?? expectedEvent}. The order is: Motion to Intervene, Form 11, Form 13, Form 17 (attorneys), Form 17 (consultants).`,
            'Choose the event for this step, or move the draft to its place in the package.',
            'FAQ 41',
          ),
        ]
      : []),
  ];
};

/** "Summons; Summons and Complaint (filed together)": the events a new action may begin with. */
const openingEventNames = actionOpeningEvents.map((event) => event.name).join('; ');

/** USCIT Rule 3(a): an action begins with a summons (and, in some actions, its complaint), filed without a case. */
const checkNewAction: Check = ({ draft }, event) => {
  const isNewAction = draft.newAction !== null;
  const complaints = draft.documents.filter((document) => document.type === 'complaint');
  return [
    ...(isNewAction && draft.case === null && draft.newAction?.caption.trim() === ''
      ? [
          check(
            'draft.case-caption-missing',
            'block',
            'The new action has no caption. The court opens the case under the caption the summons gives, such as "Acme Steel Corp. v. United States".',
            'Enter the plaintiff and the defendant on the Case step.',
            'USCIT Rule 3',
          ),
        ]
      : []),
    ...(isNewAction && event !== undefined && event.opensAction !== true
      ? [
          check(
            'draft.event-not-opening',
            'block',
            `A ${event.name} is filed in a case that already exists. A new action begins with a summons: ${openingEventNames}.`,
            'Choose the Summons, or the Summons and Complaint, on the Event step; or choose an existing case instead.',
            'USCIT Rule 3(a)',
          ),
        ]
      : []),
    ...(!isNewAction && event?.opensAction === true
      ? [
          check(
            'draft.event-opens-action',
            'block',
            `A ${event.name} commences a new action; the court opens a new case for it, so it cannot be filed in ${draft.case?.caseNumber ?? 'an existing case'}.`,
            'Choose "Start a new action" on the Case step, or choose another event for this case.',
            'USCIT Rule 3(a)',
          ),
        ]
      : []),
    ...(event?.requires.complaint === true && complaints.length !== 1
      ? [
          check(
            'event.complaint-missing',
            'block',
            complaints.length === 0
              ? 'The summons and complaint are filed together, and no document of this filing is marked as the complaint. The court dockets the complaint as its own entry, right after the summons.'
              : 'More than one document is marked as the complaint. The court dockets one complaint right after the summons.',
            'Mark the complaint\'s type "Complaint (filed with the summons)" on the Documents step.',
            'USCIT Rule 3(a)',
          ),
        ]
      : []),
    ...(event?.requires.complaint !== true && complaints.length > 0
      ? [
          check(
            'event.complaint-without-summons',
            'block',
            'A document is marked as a complaint filed with the summons, but the event is not the Summons and Complaint.',
            "Choose the Summons and Complaint event, or change the document's type.",
            'USCIT Rule 3(a)',
          ),
        ]
      : []),
  ];
};

/** FAQ 21: initiating documents and Notices of Appeal may carry a filing fee; filing through CM/ECF costs nothing more. */
const checkFilingFee: Check = (_context, event) => {
  const fee = event === undefined ? null : describeFilingFee(event);
  return fee === null ? [] : [check('fee.due', 'info', `${fee} FAQ 21: "${faq21FeeAnswer}"`, null, 'FAQ 21')];
};

const rules: readonly Check[] = [
  checkSteps,
  checkDocuments,
  checkEventNeeds,
  checkService,
  checkSpecialEvents,
  checkPackageOrder,
  checkNewAction,
  checkFilingFee,
];

/** Every court rule that applies to the draft, blocking checks first. */
export function checkDraft(context: RuleContext): RuleCheck[] {
  const event = context.draft.eventId === null ? undefined : findDocketEvent(context.draft.eventId);
  const found = rules.flatMap((rule) => rule(context, event));
  const rank = { block: 0, warn: 1, info: 2 } as const;
  return found.sort((left, right) => rank[left.level] - rank[right.level]);
}

/** The draft may go to the outbox: no check blocks it. */
export function canSubmit(checks: readonly RuleCheck[]): boolean {
  return !checks.some((ruleCheck) => ruleCheck.level === 'block');
}

/** Ends a sentence with one full stop: after a name that ends in an abbreviation ("Acme Steel Corp.") it adds none. */
function endSentence(sentence: string): string {
  return sentence.endsWith('.') ? sentence : `${sentence}.`;
}

/**
 * The docket text as the training court writes it, with "the filing attorney" for the name the court takes from the
 * login that submits it (FAQ 35). Null until the event and the filing parties are chosen. Unlike the court's own text
 * (which writes "Acme Steel Corp.." after a name ending in a period), no sentence here ends in two full stops: the
 * preview is read as prose by the attorney who confirms it.
 */
export function docketTextPreview(draft: Draft): string | null {
  const event = draft.eventId === null ? undefined : findDocketEvent(draft.eventId);
  const parties = draft.parties.filter((party) => draft.filerPartyIds.includes(party.id)).map((party) => party.name);
  if (event === undefined || parties.length === 0) {
    return null;
  }
  const annotation = draft.docketAnnotation.trim();
  const related =
    draft.relatedDocumentNumbers.length > 0 ? ` (related document(s) ${draft.relatedDocumentNumbers.join(', ')})` : '';
  // USCIT Rule 3(a): a complaint filed with the summons is its own entry, not an attachment of the summons.
  const attachments = draft.documents
    .slice(1)
    .filter((document) => document.type !== 'complaint')
    .map((document, index) => `# (${index + 1}) ${document.description.trim()}`);
  const attachmentText = attachments.length > 0 ? ` (Attachments: ${attachments.join(', ')})` : '';
  const eventSentence = endSentence(`${event.docketText.replace(/\.$/, '')}${annotation ? ` ${annotation}` : ''}`);
  const filedBy = endSentence(`Filed by the filing attorney on behalf of ${parties.join(', ')}`);
  return `${eventSentence} ${filedBy}${related}${attachmentText}`;
}

/** FAQ 35, Administrative Order 02-01: an electronic signature, "/s/ Jane Morgan". */
export function signatureLine(signer: Signer): string {
  return `/s/ ${signer.name.trim()}`;
}
