import type { Account, KeychainStatus, SessionStatus } from '../../../src-main/shared/accounts';
import { arrangeDocuments } from '../../../src-main/shared/arrange-documents';
import type { ChannelName, EventName } from '../../../src-main/shared/channel-names';
import type { ChannelArgs, ChannelResult, EventPayload } from '../../../src-main/shared/contract';
import type { CourtStatus, DocumentRecord, PageMapInUse } from '../../../src-main/shared/domain';
import type { ErrorCode } from '../../../src-main/shared/errors';
import type { CaseParty, CourtCase, Draft, DraftReview, RuleCheck } from '../../../src-main/shared/filing';
import type { InboxItem, Mailbox, NoticeDocument } from '../../../src-main/shared/inbox';
import { BridgeError, type Bridge, type ChooseResult } from '../../../src-renderer/create-bridge';
import type { CallOptions } from '../../../src-renderer/transports/transport';

/** One call the renderer made, as the fake bridge saw it. */
export interface RecordedCall {
  readonly channel: ChannelName;
  readonly args: unknown;
  readonly options: CallOptions | undefined;
}

type Handler = (args: never, options: CallOptions | undefined) => unknown;

/** A bridge that answers from handlers the test sets, records every call, and lets the test send events. */
export interface FakeBridge extends Bridge {
  readonly calls: RecordedCall[];
  /** Sets how a channel answers; a handler may return a value, a promise, or throw. */
  answer<C extends ChannelName>(
    channel: C,
    handler: (args: ChannelArgs<C>, options: CallOptions | undefined) => ChannelResult<C> | Promise<ChannelResult<C>>,
  ): void;
  /** Sends an event to the renderer as main would. */
  emit<E extends EventName>(event: E, payload: EventPayload<E>): void;
  /** What the next chooseFiles call gives. */
  nextChoice: ChooseResult;
  /** The channels called, in order. */
  channels(): ChannelName[];
  /** The drafts the default `drafts.*` and `outbox.*` answers keep, by id; tests may put drafts in or read them. */
  readonly drafts: Map<string, Draft>;
  /** What the default answers say about a draft; tests set checks, a docket text or `canSubmit`. */
  reviewDraft: (draft: Draft) => DraftReview;
  /** The notices the default `inbox.*` answers list, newest first; tests put notices in or read them. */
  readonly inbox: InboxItem[];
  /** The mailboxes the default `mailboxes.*` answers keep. */
  readonly mailboxes: Mailbox[];
}

/** A failed call as the real bridge reports it, with main's stable code. */
export function bridgeError(code: ErrorCode, message: string): BridgeError {
  return new BridgeError(code, message);
}

/** Builds a fake bridge in browser mode with an empty list and the default settings. */
export function createFakeBridge(documents: readonly DocumentRecord[] = []): FakeBridge {
  const handlers = new Map<ChannelName, Handler>();
  const listeners = new Map<EventName, Set<(payload: unknown) => void>>();
  const calls: RecordedCall[] = [];

  const fake: FakeBridge = {
    host: 'browser',
    calls,
    nextChoice: { kind: 'files', files: [] },
    async invoke(channel, args, options) {
      calls.push({ channel, args, options });
      const handler = handlers.get(channel);
      if (!handler) {
        throw bridgeError('unknown-channel', `The fake bridge has no answer for ${channel}.`);
      }
      return (await handler(args as never, options)) as never;
    },
    on(event, listener) {
      const set = listeners.get(event) ?? new Set();
      set.add(listener as (payload: unknown) => void);
      listeners.set(event, set);
      return () => set.delete(listener as (payload: unknown) => void);
    },
    chooseFiles() {
      return Promise.resolve(fake.nextChoice);
    },
    answer(channel, handler) {
      handlers.set(channel, handler as Handler);
    },
    emit(event, payload) {
      listeners.get(event)?.forEach((listener) => listener(payload));
    },
    channels() {
      return calls.map((call) => call.channel);
    },
    drafts: new Map(),
    reviewDraft: (draft) => draftReview(draft),
    inbox: [],
    mailboxes: [],
  };

  fake.answer('app.getInfo', () => ({
    name: 'ECF Desk',
    version: '0.1.0',
    host: 'browser',
    dataFolder: '/home/paralegal/.local/share/ecf-desk',
  }));
  fake.answer('documents.list', () => [...documents]);
  fake.answer('settings.get', () => ({
    documentsSort: 'added',
    courtProfile: 'cit-training',
    allowCredentialStorage: true,
    mailboxes: [],
  }));
  fake.answer('settings.managed', () => []);
  fake.answer('settings.pageMap', () => shippedPageMap());
  fake.answer('firmServer.status', () => ({ url: null, managedBy: null, state: 'not-set', user: null, message: null }));
  fake.answer('firmServer.sharedDrafts', () => ({ state: 'not-connected', drafts: [] }));
  fake.answer('court.status', () => trainingCourt());
  fake.answer('accounts.list', () => ({ accounts: [], keychain: savingKeychain() }));
  fake.answer('session.status', () => ({ state: 'logged-out' }));
  answerDrafts(fake);
  answerInbox(fake);
  return fake;
}

/** Default answers for the inbox and its mailboxes: the fake's lists, filtered and paged as main would, nothing bought. */
function answerInbox(fake: FakeBridge): void {
  const find = (id: string): InboxItem => {
    const found = fake.inbox.find((item) => item.id === id);
    if (!found) {
      throw bridgeError('notice.not-found', 'That notice is no longer in the inbox.');
    }
    return found;
  };
  const keep = (item: InboxItem): InboxItem => {
    fake.inbox.splice(fake.inbox.indexOf(find(item.id)), 1, item);
    return item;
  };
  fake.answer('inbox.list', (query) => {
    const text = query.text?.toLowerCase();
    const matching = fake.inbox.filter(
      (item) =>
        (!text ||
          [item.caseNumber, item.caseName, item.docketText, item.subject].some((field) =>
            field?.toLowerCase().includes(text),
          )) &&
        (!query.court || item.court === query.court) &&
        // Main matches the start of the case number, so a number without judge initials finds its notices.
        (!query.caseNumber || item.caseNumber.startsWith(query.caseNumber)) &&
        (!query.hasDeadline || item.deadlines.length > 0) &&
        (!query.isUnread || !item.isRead),
    );
    const offset = query.offset ?? 0;
    return { items: matching.slice(offset, offset + (query.limit ?? 100)), total: matching.length };
  });
  fake.answer('inbox.get', ({ id }) => find(id));
  fake.answer('inbox.markRead', ({ id, isRead }) => keep({ ...find(id), isRead }));
  fake.answer('inbox.importFile', () => ({ imported: 1, duplicates: 0, resends: 0, modified: 0, setAside: [] }));
  fake.answer('inbox.fetchDocument', ({ id }) => find(id));
  fake.answer('inbox.buyDocument', ({ id, number }) => {
    const item = find(id);
    const bought = (document: NoticeDocument): NoticeDocument =>
      document.number === number
        ? { ...document, state: 'paid', documentId: `bought-${number}`, sha256: sha256Starting('b0' + number) }
        : document;
    return keep({ ...item, documents: item.documents.map(bought) });
  });
  fake.answer('inbox.exportDeadlines', () => new TextEncoder().encode('BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n'));
  fake.answer('support.exportBundle', () => new Uint8Array([0x1f, 0x8b, 0x08, 0x00]));
  fake.answer('documents.content', () => new Uint8Array([0x25, 0x50, 0x44, 0x46]));
  fake.answer('inbox.documentContent', () => new Uint8Array([0x25, 0x50, 0x44, 0x46]));
  fake.answer('mailboxes.list', () => [...fake.mailboxes]);
  fake.answer('mailboxes.save', ({ secret: _secret, ...input }) => {
    const before = fake.mailboxes.find((each) => each.id === input.id);
    const saved = imapMailbox({
      ...input,
      id: input.id ?? `mailbox-${fake.mailboxes.length + 1}`,
      secretSaved: _secret !== undefined || (before?.secretSaved ?? false),
    });
    if (before) {
      fake.mailboxes.splice(fake.mailboxes.indexOf(before), 1, saved);
    } else {
      fake.mailboxes.push(saved);
    }
    return saved;
  });
  fake.answer('mailboxes.remove', ({ id }) => {
    fake.mailboxes.splice(
      fake.mailboxes.findIndex((each) => each.id === id),
      1,
    );
    return null;
  });
  fake.answer('mailboxes.sync', ({ id }) => {
    const mailbox = fake.mailboxes.find((each) => each.id === id);
    if (!mailbox) {
      throw bridgeError('mailbox.not-found', 'That mailbox is no longer set up.');
    }
    return { ...mailbox, state: 'watching', lastSyncAt: '2026-03-04T16:00:00.000Z' };
  });
}

/** A notice of electronic filing in the training court's case 26-00123, unread, with a saved main document; tests override what they check. */
export function inboxItem(overrides: Partial<InboxItem> & Pick<InboxItem, 'id'>): InboxItem {
  return {
    court: 'cit',
    kind: 'nef',
    subject: 'Activity in Case 1:26-cv-00123-MMB Acme Steel Corp. v. United States Order',
    caseNumber: '1:26-cv-00123-MMB',
    caseName: 'Acme Steel Corp. v. United States',
    caseId: '123',
    documentNumber: '12',
    docketText:
      'ORDER granting [10] Motion for Extension of Time. Response due by 4/15/2026. Signed by Judge M. Baker on 3/4/2026.',
    shortDescription: 'Order on Motion for Extension of Time',
    dateFiled: '2026-03-04',
    deSeqNum: '45',
    receivedAt: '2026-03-04T15:30:00.000Z',
    isRead: false,
    resendCount: 0,
    firmServer: null,
    modifiedAt: null,
    linkWarning: null,
    documents: [noticeDocument({ number: '0' })],
    deadlines: [{ date: '2026-04-15', label: 'Response due' }],
    recipients: [{ name: 'Jane Morgan', emails: ['jmorgan@example.com'] }],
    ...overrides,
  };
}

/** A notice's main document saved with its free look; tests override what they check. */
export function noticeDocument(overrides: Partial<NoticeDocument> & Pick<NoticeDocument, 'number'>): NoticeDocument {
  return {
    description: 'Main Document',
    state: 'saved',
    documentId: `saved-${overrides.number}`,
    sha256: sha256Starting('5a7ed0c0ffee'),
    pages: 3,
    feeCents: 30,
    message: null,
    ...overrides,
  };
}

/** An IMAP mailbox over TLS with its password in the keychain, watched; tests override what they check. */
export function imapMailbox(overrides: Partial<Mailbox> & Pick<Mailbox, 'id'>): Mailbox {
  return {
    host: 'imap.example.com',
    port: 993,
    secure: true,
    user: 'docketing@example.com',
    auth: 'password',
    folder: 'INBOX',
    marksRead: false,
    secretSaved: true,
    state: 'watching',
    lastSyncAt: '2026-03-04T15:00:00.000Z',
    message: null,
    ...overrides,
  };
}

/** The five events of the Motion to Intervene package, in the order FAQ 41 files them. */
const interventionEvents = [
  'motion-to-intervene',
  'form-11-notice-of-appearance',
  'form-13-corporate-disclosure',
  'form-17-bpi-certification-attorneys',
  'form-17-bpi-certification-consultants',
];

/** Default answers for drafts, the outbox and the court's cases: an in-memory list, no court session, no parties. */
function answerDrafts(fake: FakeBridge): void {
  let created = 0;
  const nextId = (): string => `draft-${++created}`;
  const keep = (draft: Draft): Draft => {
    fake.drafts.set(draft.id, draft);
    return draft;
  };
  const find = (id: string): Draft => {
    const found = fake.drafts.get(id);
    if (!found) {
      throw bridgeError('draft.not-found', 'That filing is no longer in the list.');
    }
    return found;
  };
  const review = (id: string): DraftReview => fake.reviewDraft(find(id));
  const setOutbox = (id: string, outbox: Draft['outbox']): DraftReview => {
    keep({ ...find(id), outbox });
    return review(id);
  };

  fake.answer('drafts.list', () => [...fake.drafts.values()]);
  fake.answer('drafts.create', () => keep(blankDraft({ id: nextId() })));
  fake.answer('drafts.createInterventionPackage', () =>
    interventionEvents.map((eventId, index) =>
      keep(
        blankDraft({
          id: nextId(),
          eventId,
          package: { id: 'package-1', kind: 'motion-to-intervene', step: index + 1, of: interventionEvents.length },
        }),
      ),
    ),
  );
  fake.answer('drafts.get', ({ id }) => review(id));
  fake.answer('drafts.update', ({ id, changes }) => {
    keep({ ...find(id), ...changes } as Draft);
    return review(id);
  });
  fake.answer('drafts.arrangeDocuments', ({ id, change }) => {
    keep({ ...find(id), documents: arrangeDocuments(find(id).documents, change) });
    return review(id);
  });
  fake.answer('drafts.delete', ({ id }) => {
    fake.drafts.delete(id);
    return null;
  });
  fake.answer('drafts.export', ({ id }) => new TextEncoder().encode(JSON.stringify(find(id))));
  fake.answer('drafts.import', () => keep(blankDraft({ id: nextId() })));
  fake.answer('record.get', () => ({ entries: [], verifies: true, brokenEntry: null }));
  fake.answer('record.export', ({ format }) => new TextEncoder().encode(format === 'json' ? '{}' : '%PDF-1.7'));
  fake.answer('court.findCases', () => {
    throw bridgeError('session.none', 'You are not logged in to the court.');
  });
  fake.answer('court.caseParties', () => []);
  fake.answer('outbox.submit', ({ draftId, sendNow }) =>
    setOutbox(draftId, outboxStatus({ state: sendNow ? 'submitting' : 'ready' })),
  );
  fake.answer('outbox.retry', ({ draftId }) => setOutbox(draftId, outboxStatus({ state: 'submitting', attempts: 2 })));
  fake.answer('outbox.withdraw', ({ draftId }) => setOutbox(draftId, null));
  fake.answer('outbox.sendLate', ({ draftId }) =>
    setOutbox(draftId, outboxStatus({ state: 'submitting', lateSendConfirmedOn: '2025-03-04' })),
  );
  fake.answer('outbox.confirmDocketText', ({ draftId, docketText }) =>
    setOutbox(draftId, outboxStatus({ state: 'submitting', confirmedDocketText: docketText })),
  );
  // Main binds a signature to the session's account; the fake signs as the session the test set, or refuses.
  fake.answer('drafts.sign', async ({ id, name, role }) => {
    const session = await fake.invoke('session.status', {});
    if (session.state !== 'logged-in') {
      throw bridgeError('session.none', 'Log in to the court with your own filer account to file.');
    }
    const signature = {
      accountId: session.accountId,
      loginId: session.loginId,
      name,
      role,
      signedAt: '2025-03-04T16:00:00.000Z',
      digest: 'f'.repeat(64),
    };
    keep({ ...find(id), signature });
    return review(id);
  });
  fake.answer('drafts.unsign', ({ id }) => {
    keep({ ...find(id), signature: null });
    return review(id);
  });
}

/** A new, empty draft for the training court; tests override what they check. */
export function blankDraft(overrides: Partial<Draft> & Pick<Draft, 'id'>): Draft {
  return {
    courtProfile: 'cit-training',
    case: null,
    parties: [],
    filerPartyIds: [],
    eventId: null,
    documents: [],
    relatedDocumentNumbers: [],
    docketAnnotation: '',
    signers: [],
    preparedBy: '',
    isReadyForReview: false,
    package: null,
    signature: null,
    due: null,
    newAction: null,
    isCertificateInMainDocument: false,
    outbox: null,
    createdAt: '2025-03-04T15:30:00.000Z',
    updatedAt: '2025-03-04T15:30:00.000Z',
    ...overrides,
  };
}

/** A draft's place in the outbox; tests override what they check. */
export function outboxStatus(
  overrides: Partial<NonNullable<Draft['outbox']>> & Pick<NonNullable<Draft['outbox']>, 'state'>,
): NonNullable<Draft['outbox']> {
  return {
    queuedAt: '2025-03-04T16:00:00.000Z',
    stoppedAt: null,
    courtDocketText: null,
    confirmedDocketText: null,
    courtScreens: null,
    attempts: 1,
    message: null,
    sentDocuments: [],
    hasReceipt: false,
    docketText: null,
    deSeqNum: null,
    documentNumber: null,
    submittedAt: null,
    filedAt: null,
    courtCopies: [],
    isHeldAsLate: false,
    lateSendConfirmedOn: null,
    ...overrides,
  };
}

/** What the rules say about a draft: by default nothing, and not yet ready to submit. */
export function draftReview(draft: Draft, overrides: Partial<Omit<DraftReview, 'draft'>> = {}): DraftReview {
  return { draft, checks: [], docketTextPreview: null, canSubmit: false, ...overrides };
}

/** A keychain that can keep passwords (Linux's Secret Service); tests override what they check. */
export function savingKeychain(overrides: Partial<KeychainStatus> = {}): KeychainStatus {
  return { name: 'Secret Service', isAvailable: true, isStorageAllowed: true, message: null, ...overrides };
}

/** A saved PACER filer account with its password in the keychain; tests override what they check. */
export function pacerAccount(overrides: Partial<Account> & Pick<Account, 'id' | 'loginId'>): Account {
  return {
    courtProfile: 'cit-training',
    name: '',
    role: '',
    kind: 'filer',
    defaultClientCode: null,
    mfaMode: 'none',
    passwordSaved: true,
    totpSecretSaved: false,
    createdAt: '2025-03-04T15:30:00.000Z',
    updatedAt: '2025-03-04T15:30:00.000Z',
    ...overrides,
  };
}

/** A session main holds for an account; tests override what they check. */
export function loggedInSession(
  account: Account,
  overrides: Partial<Extract<SessionStatus, { state: 'logged-in' }>> = {},
): SessionStatus {
  return {
    state: 'logged-in',
    accountId: account.id,
    loginId: account.loginId,
    courtProfile: account.courtProfile,
    kind: account.kind,
    mayFile: account.kind !== 'view-only',
    clientCode: account.defaultClientCode,
    since: '2025-03-04T15:45:00.000Z',
    expiresAt: null,
    ...overrides,
  };
}

/** The embedded training court, running; tests override what they check. */
/** The page map in use when nothing was loaded or set by policy: the training court's own. */
export function shippedPageMap(): PageMapInUse {
  return {
    court: 'cit-training',
    source: 'shipped',
    description: "The training court's filing screens.",
    fileName: null,
    managedBy: null,
    problem: null,
  };
}

export function trainingCourt(overrides: Partial<CourtStatus> = {}): CourtStatus {
  return {
    profileId: 'cit-training',
    name: 'CIT — training (local)',
    kind: 'training',
    isExperimental: false,
    state: 'ready',
    ecfUrl: 'http://127.0.0.1:4567',
    loginServiceUrl: 'http://127.0.0.1:4567/cso-auth',
    message: null,
    ...overrides,
  };
}

/** The live CIT profile as main describes it. */
export function liveCourt(overrides: Partial<CourtStatus> = {}): CourtStatus {
  return trainingCourt({
    profileId: 'cit',
    name: 'CIT — U.S. Court of International Trade',
    kind: 'live',
    isExperimental: true,
    ecfUrl: 'https://ecf.cit.uscourts.gov',
    loginServiceUrl: 'https://pacer.login.uscourts.gov/services/cso-auth',
    ...overrides,
  });
}

/** A valid SHA-256 made from one repeated hex character plus a distinct start. */
export function sha256Starting(prefix: string): string {
  return (prefix + 'a'.repeat(64)).slice(0, 64);
}

/** A document record with sensible facts; tests override what they check. */
export function documentRecord(
  overrides: Partial<DocumentRecord> & Pick<DocumentRecord, 'id' | 'name'>,
): DocumentRecord {
  return {
    bytes: 2048,
    sha256: sha256Starting('0123456789ab'),
    pages: 3,
    addedAt: '2025-03-04T15:30:00.000Z',
    problem: null,
    preflight: {
      state: 'done',
      report: { bytes: overrides.bytes ?? 2048, pages: overrides.pages ?? 3, verdict: 'pass', findings: [] },
    },
    fixedFrom: null,
    fixing: null,
    ...overrides,
  };
}

/** The training court's seeded case 26-00123. */
export function acmeCase(overrides: Partial<CourtCase> = {}): CourtCase {
  return { caseId: 123, caseNumber: '1:26-cv-00123-MMB', caption: 'Acme Steel Corp. v. United States', ...overrides };
}

/** A party of a case, served electronically unless a test says otherwise. */
export function caseParty(overrides: Partial<CaseParty> & Pick<CaseParty, 'id' | 'name'>): CaseParty {
  return { role: 'Plaintiff', isServedElectronically: true, ...overrides };
}

/** A court-rule check; tests override what they check. */
export function ruleCheck(overrides: Partial<RuleCheck> & Pick<RuleCheck, 'id' | 'level'>): RuleCheck {
  return { message: `The rule ${overrides.id} applies.`, fix: null, source: 'FAQ 41', ...overrides };
}
