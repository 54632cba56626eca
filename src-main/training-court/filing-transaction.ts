import { randomInt } from 'node:crypto';
import { citEventCatalog, describeFilingFee, findDocketEvent, type DocketEvent } from '../shared/cit-event-catalog';
import type { CourtRecords, DocketEntryRecord } from './court-records';
import type { FaultEndpoint } from './faults';
import * as screens from './filing-pages';
import { docketTextPrefixes } from './filing-pages';
import { isRefusal, type FilingService, type UploadedDocument } from './filing-service';
import { parseMultipart, readBody } from './http-helpers';
import type { CourtSession } from './login-service';
import { composeNefReceiptPage } from './mail/compose-nef';
import { readNewActionForm, type NewActionForm } from './new-action';
import type { NoticeDispatcher } from './notice-dispatch';
import * as pages from './pages';
import type { RouteRequest } from './court-routes';

/**
 * How this training court differs from the usual one (docs/court-pages.md#court-variations): courts differ in the order
 * of their screens and in what they ask, and the driver must read each screen for what it is.
 */
export interface CourtVariation {
  /** The case number is asked before the event (a new case's category still asks the event first). */
  readonly caseFirst: boolean;
  /** Attachments are asked on a second screen after a Yes to "Attachments to Document" (older courts). */
  readonly attachmentsScreen: boolean;
  /** CM/ECF's joint-filing Yes/No question, after the documents. */
  readonly jointFilingQuestion: boolean;
  /** An event with a filing fee (FAQ 21) asks the filer to acknowledge it on its own screen before the final text. */
  readonly feePrompt: boolean;
  /**
   * The session ends when this screen is posted, once per filer: the post is answered with the login page and not
   * handled, as when a filer's session times out in the middle of a transaction.
   */
  readonly sessionEndsAt: TransactionScreen | null;
  /**
   * When this screen is posted, the court shows a notice of its own instead, once per filer (the post is not
   * handled): a page in the middle of a filing that no page map knows.
   */
  readonly noticeAt: TransactionScreen | null;
}

/** The usual court: event first, attachments with the main document, no extra screens. */
export const usualCourt: CourtVariation = {
  caseFirst: false,
  attachmentsScreen: false,
  jointFilingQuestion: false,
  feePrompt: false,
  sessionEndsAt: null,
  noticeAt: null,
};

/** The variations by the names the command line takes (`--variation case-first,fee-prompt`). */
const variationsByName = {
  'case-first': 'caseFirst',
  'attachments-screen': 'attachmentsScreen',
  'joint-filing': 'jointFilingQuestion',
  'fee-prompt': 'feePrompt',
} as const satisfies Record<string, keyof CourtVariation>;

/** Reads a comma-separated list of variation names; an unknown name is an error naming the known ones. */
export function readVariationNames(list: string): Partial<CourtVariation> {
  const variation: Partial<Record<keyof CourtVariation, boolean>> = {};
  for (const name of list
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)) {
    if (!Object.hasOwn(variationsByName, name)) {
      throw new Error(`Unknown variation "${name}": use ${Object.keys(variationsByName).join(', ')}.`);
    }
    variation[variationsByName[name as keyof typeof variationsByName]] = true;
  }
  return variation as Partial<CourtVariation>;
}

/**
 * A variation as the admin API takes it (`{"caseFirst": true, "sessionEndsAt": "documents"}`): unknown keys and
 * values are refused, so a test cannot believe it set one it did not.
 */
export function readCourtVariation(body: unknown): { variation: Partial<CourtVariation> } | { error: string } {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return { error: 'A variation is a JSON object.' };
  }
  const variation: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(body)) {
    if (key === 'sessionEndsAt' || key === 'noticeAt') {
      if (value !== null && !(transactionScreens as readonly unknown[]).includes(value)) {
        return { error: `${key} must be null or one of ${transactionScreens.join(', ')}.` };
      }
      variation[key] = value;
    } else if (key in usualCourt) {
      if (typeof value !== 'boolean') {
        return { error: `${key} must be true or false.` };
      }
      variation[key] = value;
    } else {
      return { error: `Unknown variation ${key}.` };
    }
  }
  return { variation: variation as Partial<CourtVariation> };
}

/** The screens of a filing transaction, in the order the usual court shows them. */
export const transactionScreens = [
  'event',
  'case',
  'new-case',
  'filer',
  'documents',
  'attachments',
  'joint-filing',
  'related',
  'docket-text',
  'fee',
  'final-text',
] as const;
/** A screen of a filing transaction. */
export type TransactionScreen = (typeof transactionScreens)[number];

/** The fault endpoint a screen's post is (the admin API sets faults per endpoint). */
const screenEndpoints: Record<TransactionScreen, FaultEndpoint> = {
  event: 'filing-event',
  case: 'filing-case',
  'new-case': 'filing-case',
  filer: 'filing-parties',
  documents: 'filing-documents',
  attachments: 'filing-attachments',
  'joint-filing': 'filing-joint-filing',
  related: 'filing-related',
  'docket-text': 'filing-docket-text',
  fee: 'filing-fee',
  'final-text': 'filing-submit',
};

/** The screens that carry documents: their bodies are read with the upload limit and budget. */
export const uploadEndpoints: ReadonlySet<FaultEndpoint> = new Set(['filing-documents', 'filing-attachments']);

interface Transaction {
  readonly id: string;
  readonly loginId: string;
  readonly category: string;
  eventId: string | null;
  /** The case chosen; 0 for a new action (its case is opened at submit). */
  caseId: number | null;
  filingId: string | null;
  readonly done: Set<TransactionScreen>;
  /** The screens shown so far: the form of screen n posts to `…-L_<n>_0-1`. */
  readonly shown: TransactionScreen[];
  wantsAttachments: boolean;
  mainPages: number[];
  docketText: string | null;
  lastUsed: number;
}

/** The most transactions kept at once; the least recently used goes first. */
const maxTransactions = 2000;
/** The most screens one transaction shows (each post shows one); past it the transaction must be started again. */
const maxScreens = 60;
/** A transaction's number: fifteen digits, as CM/ECF's report forms carry. */
const transactionPattern = /^(\d{15})-L_(\d{1,3})_0-1$/;

/** A category's name as the address of its event list names it (`Dispatch.pl?notices`). */
function categorySlug(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

const categories = [...new Set(citEventCatalog.map((event) => event.category))];

/** The filing transaction: `DisplayMenu.pl?CivilEvents`, then `Dispatch.pl?<category>`, then one screen per post. */
export function createFilingTransactions(context: {
  readonly records: CourtRecords;
  readonly filing: FilingService;
  readonly notices: NoticeDispatcher;
  readonly variation: () => CourtVariation;
  readonly now: () => number;
  readonly requireSession: (route: RouteRequest) => CourtSession | null;
  /** Ends a session, as the court does when it times out. */
  readonly endSession: (session: CourtSession) => void;
  readonly sendPage: (route: RouteRequest, status: number, content: pages.PageContent) => void;
  readonly entryDate: (entry: DocketEntryRecord) => string;
  readonly formLimit: number;
  readonly uploadLimit: number;
  readonly dropConnection: (route: RouteRequest) => void;
}) {
  const { records, filing, notices } = context;
  const transactions = new Map<string, Transaction>();
  /** What a variation has done once already, per filer and screen (it ends a session, or shows a notice, only once). */
  const happened = new Set<string>();
  /** True the first time `what` happens to this filer on this screen, false ever after. */
  const firstTime = (what: 'session-ended' | 'notice', loginId: string, screen: TransactionScreen): boolean => {
    const key = `${what}:${loginId}:${screen}`;
    if (happened.has(key)) {
      return false;
    }
    happened.add(key);
    return true;
  };

  const refuse = (route: RouteRequest, message: string): void => context.sendPage(route, 200, pages.errorPage(message));

  const eventsOf = (category: string): DocketEvent[] =>
    citEventCatalog.filter((event) => categorySlug(event.category) === category);

  /** The screens a transaction asks, in order, as it stands (the event decides some of them). */
  const planOf = (transaction: Transaction): TransactionScreen[] => {
    const variation = context.variation();
    const event = transaction.eventId === null ? undefined : findDocketEvent(transaction.eventId);
    const opensCase = eventsOf(transaction.category).some((candidate) => candidate.opensAction === true);
    const caseScreen: TransactionScreen = event?.opensAction === true ? 'new-case' : 'case';
    const opening: TransactionScreen[] = variation.caseFirst && !opensCase ? ['case', 'event'] : ['event', caseScreen];
    return [
      ...opening,
      'filer',
      'documents',
      ...(transaction.wantsAttachments ? (['attachments'] as const) : []),
      ...(variation.jointFilingQuestion ? (['joint-filing'] as const) : []),
      'related',
      'docket-text',
      ...(variation.feePrompt && event !== undefined && describeFilingFee(event) !== null ? (['fee'] as const) : []),
    ];
  };

  /** The screen a transaction asks next: the first of its plan not yet done. */
  const nextScreen = (transaction: Transaction): TransactionScreen =>
    planOf(transaction).find((screen) => !transaction.done.has(screen)) ?? 'final-text';

  /** Marks a screen done and forgets every later one: a screen posted again is answered afresh from there on. */
  const complete = (transaction: Transaction, screen: TransactionScreen): void => {
    const plan = planOf(transaction);
    for (const later of plan.slice(plan.indexOf(screen) + 1)) {
      transaction.done.delete(later);
    }
    transaction.done.add(screen);
  };

  const keep = (transaction: Transaction): void => {
    if (transactions.size >= maxTransactions) {
      const oldest = [...transactions.values()].sort((a, b) => a.lastUsed - b.lastUsed)[0];
      if (oldest) {
        transactions.delete(oldest.id);
      }
    }
    transactions.set(transaction.id, transaction);
  };

  /** The content of a screen, as the transaction stands. */
  const screenContent = (
    session: CourtSession,
    transaction: Transaction,
    screen: TransactionScreen,
    action: string,
  ): pages.PageContent => {
    const event = transaction.eventId === null ? null : (findDocketEvent(transaction.eventId) ?? null);
    const courtCase =
      transaction.caseId === null || transaction.caseId === 0 ? null : records.caseById(transaction.caseId);
    const fee = event === null ? null : describeFilingFee(event);
    switch (screen) {
      case 'event': {
        const category = categories.find((name) => categorySlug(name) === transaction.category) ?? 'Civil Events';
        return screens.eventListPage(action, category, eventsOf(transaction.category), courtCase);
      }
      case 'case':
        return screens.caseNumberPage(action, event);
      case 'new-case':
        return event ? screens.newCasePage(action, event) : pages.errorPage('Choose the event first.');
      case 'filer': {
        const newAction = transaction.filingId === null ? null : filing.newAction(session, transaction.filingId);
        const shownCase = courtCase ?? {
          caseNumber: 'New case',
          judgeInitials: [],
          caption: newAction?.caption ?? '',
        };
        const parties =
          newAction === null
            ? records.partiesOf(transaction.caseId ?? -1)
            : newAction.parties.map((party) => ({ ...party, attorneyIds: [], proSe: null }));
        return screens.filerPage(action, shownCase, event, parties);
      }
      case 'documents':
        return screens.documentsPage(action, {
          attachmentsHere: !context.variation().attachmentsScreen,
          asksForComplaint: event?.requires.complaint === true,
        });
      case 'attachments':
        return screens.attachmentsPage(action, transaction.mainPages[0] ?? 0);
      case 'joint-filing':
        return screens.jointFilingPage(action);
      case 'related':
        return screens.relatedPage(
          action,
          courtCase === null ? [] : records.docket(courtCase.caseId),
          event?.requires.relatedDocument ?? false,
          transaction.mainPages,
          context.entryDate,
        );
      case 'docket-text':
        return screens.docketTextPage(action);
      case 'fee':
        return screens.feePage(action, fee ?? '');
      case 'final-text':
        // FAQ 21: an initiating document or a Notice of Appeal may carry a filing fee.
        return screens.finalTextPage(action, transaction.docketText ?? '', fee);
    }
  };

  /** Shows the transaction's next screen, numbered after those shown so far. */
  const showNext = (route: RouteRequest, session: CourtSession, transaction: Transaction): void => {
    if (transaction.shown.length >= maxScreens) {
      transactions.delete(transaction.id);
      return refuse(route, 'This transaction has gone on too long. Start the filing again from the Civil menu.');
    }
    const screen = nextScreen(transaction);
    transaction.shown.push(screen);
    const action = screens.transactionAction(transaction.id, transaction.shown.length);
    context.sendPage(route, 200, screenContent(session, transaction, screen, action));
  };

  /** Opens the filing once both the case and the event are known (USCIT Rule 3(a): or the new action and its event). */
  const startFiling = (
    session: CourtSession,
    transaction: Transaction,
    newAction: NewActionForm | null,
  ): string | null => {
    if (transaction.filingId !== null || transaction.eventId === null || transaction.caseId === null) {
      return null;
    }
    const started = newAction
      ? filing.startNewAction(session, transaction.eventId, newAction)
      : filing.start(session, transaction.caseId, transaction.eventId);
    if (isRefusal(started)) {
      return started.message;
    }
    transaction.filingId = started.filingId;
    return null;
  };

  const text = (form: FormData, name: string): string => {
    const value = form.get(name);
    return typeof value === 'string' ? value : '';
  };
  const fileOf = async (form: FormData, name: string): Promise<{ name: string; bytes: Uint8Array } | null> => {
    const value = form.get(name);
    if (value === null || typeof value === 'string' || value.size === 0) {
      return null;
    }
    return { name: value.name, bytes: new Uint8Array(await value.arrayBuffer()) };
  };
  /** The attachment rows filled in: `file_<n>` with its type and description, n from 2. */
  const attachmentsOf = async (form: FormData): Promise<UploadedDocument[]> => {
    const uploads: UploadedDocument[] = [];
    for (let n = 2; n < 2 + screens.attachmentRows; n += 1) {
      const file = await fileOf(form, `file_${n}`);
      if (file) {
        const description = text(form, `description_${n}`).trim().slice(0, 200);
        const type = text(form, `category_${n}`).trim().slice(0, 60);
        uploads.push({
          filename: file.name,
          description: description || type || `Attachment ${uploads.length + 1}`,
          bytes: file.bytes,
        });
      }
    }
    return uploads;
  };

  /** Handles one screen's post; a message when the court refuses it. */
  const handleScreen = async (
    session: CourtSession,
    transaction: Transaction,
    screen: TransactionScreen,
    form: FormData,
  ): Promise<string | null> => {
    const filingId = transaction.filingId ?? '';
    switch (screen) {
      case 'event': {
        const eventId = text(form, 'event');
        const event = findDocketEvent(eventId);
        if (!event || categorySlug(event.category) !== transaction.category) {
          return 'Select an event from the list.';
        }
        if (transaction.filingId !== null && transaction.eventId !== eventId) {
          return 'This transaction has begun with another event. Start the filing again from the Civil menu.';
        }
        transaction.eventId = eventId;
        if (transaction.caseId !== null) {
          return startFiling(session, transaction, null);
        }
        return null;
      }
      case 'case': {
        const ids = text(form, 'all_case_ids')
          .split(',')
          .map((id) => id.trim())
          .filter((id) => /^\d{1,12}$/.test(id));
        const typed = text(form, 'case_num').trim().slice(0, 100);
        const found = ids.length > 0 ? [records.caseById(Number(ids[0]))] : typed ? records.searchCases(typed) : [];
        const cases = found.filter((courtCase) => courtCase !== null);
        if (cases.length !== 1 || ids.length > 1) {
          return cases.length === 0
            ? `Cannot find case ${typed || ids.join(',')}`
            : 'More than one case matches. Enter the full case number and select one case.';
        }
        const [courtCase] = cases;
        if (transaction.filingId !== null && transaction.caseId !== courtCase?.caseId) {
          return 'This transaction has begun in another case. Start the filing again from the Civil menu.';
        }
        transaction.caseId = courtCase?.caseId ?? null;
        return transaction.eventId === null ? null : startFiling(session, transaction, null);
      }
      case 'new-case': {
        const fields = new URLSearchParams();
        for (const [name, value] of form.entries()) {
          if (typeof value === 'string') {
            fields.append(name, value);
          }
        }
        // Rows left empty are not parties.
        const filled = new URLSearchParams();
        const ids = fields.getAll('party_id');
        const names = fields.getAll('party_name');
        const roles = fields.getAll('party_role');
        filled.set('caption', fields.get('caption') ?? '');
        ids.forEach((id, index) => {
          if (id.trim() || names[index]?.trim() || roles[index]?.trim()) {
            filled.append('party_id', id.trim());
            filled.append('party_name', names[index] ?? '');
            filled.append('party_role', roles[index] ?? '');
          }
        });
        const action = readNewActionForm(filled);
        if ('message' in action) {
          return action.message;
        }
        if (transaction.filingId !== null) {
          return 'This new case has been started already. Start the filing again from the Civil menu.';
        }
        transaction.caseId = 0;
        return startFiling(session, transaction, action);
      }
      case 'filer': {
        const refusal = filing.setParties(
          session,
          filingId,
          form.getAll('party_person').filter((value): value is string => typeof value === 'string'),
        );
        return refusal?.message ?? null;
      }
      case 'documents': {
        const main = await fileOf(form, 'file_1');
        if (!main) {
          return 'You cannot proceed any further until you have attached a main document.';
        }
        const uploads: UploadedDocument[] = [{ filename: main.name, description: 'Main Document', bytes: main.bytes }];
        // USCIT Rule 3(a): the complaint filed with a summons comes in its own field; it becomes its own entry.
        const complaint = await fileOf(form, 'complaint_document');
        if (complaint) {
          uploads.push({
            filename: complaint.name,
            description: 'Complaint',
            bytes: complaint.bytes,
            isComplaint: true,
          });
        }
        const asksSecondScreen = context.variation().attachmentsScreen;
        if (!asksSecondScreen) {
          uploads.push(...(await attachmentsOf(form)));
        }
        const result = await filing.setDocuments(session, filingId, uploads);
        if (isRefusal(result)) {
          return result.message;
        }
        transaction.mainPages = result.pages;
        transaction.wantsAttachments = asksSecondScreen && text(form, 'attachments') === 'yes';
        return null;
      }
      case 'attachments': {
        const attachments = await attachmentsOf(form);
        if (attachments.length === 0) {
          return 'Attach at least one document, or go back and answer No to "Attachments to Document".';
        }
        const result = await filing.addDocuments(session, filingId, attachments);
        if (isRefusal(result)) {
          return result.message;
        }
        transaction.mainPages = result.pages;
        return null;
      }
      case 'joint-filing':
        return /^[yn]$/.test(text(form, 'yn')) ? null : 'Answer the question to continue.';
      case 'related': {
        const isReferring = text(form, 'refer_to_existing') === '1';
        const deSeqNums = isReferring
          ? form
              .getAll('related')
              .filter((value): value is string => typeof value === 'string' && /^\d{1,9}$/.test(value))
              .map(Number)
          : [];
        return filing.setRelated(session, filingId, deSeqNums)?.message ?? null;
      }
      case 'docket-text': {
        const prefix = text(form, 'prefix');
        if (prefix !== '' && !(docketTextPrefixes as readonly string[]).includes(prefix)) {
          return 'Choose a prefix from the list.';
        }
        const result = filing.prepareDocketText(session, filingId, text(form, 'free_text').slice(0, 500), prefix);
        if (isRefusal(result)) {
          return result.message;
        }
        transaction.docketText = result.docketText;
        return null;
      }
      case 'fee':
        return text(form, 'fee_acknowledged') === '1' ? null : 'Acknowledge the filing fee to continue.';
      case 'final-text':
        return null;
    }
  };

  /** The final screen's post: the commit, then the Notice of Electronic Filing on screen. */
  const commit = (route: RouteRequest, session: CourtSession, transaction: Transaction): void => {
    const entries = filing.submitAll(session, transaction.filingId ?? '');
    if (isRefusal(entries)) {
      return refuse(route, entries.message);
    }
    // The transaction is kept: the same final screen posted again is refused as already submitted.
    // Each entry has its own notice: a complaint filed with the summons is the entry after it (USCIT Rule 3(a)).
    const [nef] = entries.map((entry) => notices.send(entry));
    if (!nef) {
      return refuse(route, 'The filing made no docket entry.');
    }
    // The fault the outbox must survive: the court has the filing, the client never hears so.
    if (route.faults.dropAfterCommit) {
      return context.dropConnection(route);
    }
    if (route.faults.unexpectedPageAfterCommit) {
      return context.sendPage(route, 200, pages.noticeToFilersPage());
    }
    context.sendPage(route, 200, composeNefReceiptPage(nef));
  };

  /** A filer's session, or null once the court has answered (the login page, or its refusal to a viewer). */
  const filerSession = (route: RouteRequest): CourtSession | null => {
    const session = context.requireSession(route);
    if (session && (session.kind === 'view-only' || session.attorneyId === null)) {
      refuse(
        route,
        'This PACER account does not have filing privileges in this court. Log in with your own CM/ECF filer account.',
      );
      return null;
    }
    return session;
  };

  return {
    /** The fault endpoint of a request to the filing transaction, or null when it is not one. */
    endpointOf(method: string, url: URL): FaultEndpoint | null {
      if (method === 'GET' && url.pathname === '/cgi-bin/DisplayMenu.pl' && url.search === '?CivilEvents') {
        return 'filing-start';
      }
      if (url.pathname !== '/cgi-bin/Dispatch.pl') {
        return null;
      }
      const query = url.search.slice(1);
      const step = transactionPattern.exec(query);
      if (step && method === 'POST') {
        const screen = transactions.get(step[1] ?? '')?.shown[Number(step[2]) - 1];
        return screen === undefined ? 'filing-event' : screenEndpoints[screen];
      }
      return method === 'GET' && categories.some((name) => categorySlug(name) === query) ? 'filing-start' : null;
    },

    /** `GET DisplayMenu.pl?CivilEvents`: the categories. */
    menu(route: RouteRequest): void {
      if (!filerSession(route)) {
        return;
      }
      context.sendPage(
        route,
        200,
        screens.categoriesPage(
          categories.map((name) => ({ name, href: `/cgi-bin/Dispatch.pl?${categorySlug(name)}` })),
        ),
      );
    },

    /** `Dispatch.pl?<category>` opens a transaction; `Dispatch.pl?<transaction>-L_<n>_0-1` takes screen n's post. */
    async dispatch(route: RouteRequest): Promise<void> {
      const session = filerSession(route);
      if (!session) {
        return;
      }
      const query = route.url.search.slice(1);
      const step = transactionPattern.exec(query);
      if (!step || route.request.method !== 'POST') {
        if (route.request.method !== 'GET' || !categories.some((name) => categorySlug(name) === query)) {
          return context.sendPage(route, 404, pages.errorPage('Not found.'));
        }
        const transaction: Transaction = {
          id: String(randomInt(100_000, 1_000_000)) + String(randomInt(100_000_000, 1_000_000_000)),
          loginId: session.loginId,
          category: query,
          eventId: null,
          caseId: null,
          filingId: null,
          done: new Set(),
          shown: [],
          wantsAttachments: false,
          mainPages: [],
          docketText: null,
          lastUsed: context.now(),
        };
        keep(transaction);
        return showNext(route, session, transaction);
      }
      const [, id = '', screenNumber = '0'] = step;
      const transaction = transactions.get(id);
      const screen = transaction?.shown[Number(screenNumber) - 1];
      const isUpload = screen === 'documents' || screen === 'attachments';
      const body = await readBody(
        route.request,
        isUpload ? context.uploadLimit : context.formLimit,
        route.faults.uploadBytesPerSecond,
      );
      if (!transaction || transaction.loginId !== session.loginId || screen === undefined) {
        return refuse(route, 'This filing transaction was not found. Start the filing again from the Civil menu.');
      }
      const variation = context.variation();
      if (variation.sessionEndsAt === screen && firstTime('session-ended', session.loginId, screen)) {
        // The session times out while the filer is on this screen: the post is not handled.
        context.endSession(session);
        return context.sendPage(
          route,
          200,
          pages.loginPage(
            'Your session has ended or you are not logged in. Log in with your PACER account.',
            route.url.pathname + route.url.search,
          ),
        );
      }
      if (variation.noticeAt === screen && firstTime('notice', session.loginId, screen)) {
        // The court's own notice in the middle of the filing: the post is not handled.
        return context.sendPage(route, 200, pages.noticeToFilersPage());
      }
      const form = await parseMultipart(body, route.request.headers['content-type'] ?? '').catch(() => null);
      if (!form) {
        return refuse(route, 'The screen could not be read. Send it as multipart/form-data, as the form says.');
      }
      transaction.lastUsed = context.now();
      if (screen === 'final-text') {
        // Only the final screen of the transaction as it stands commits: one shown before an earlier screen was posted
        // again is stale.
        if (nextScreen(transaction) !== 'final-text' || transaction.shown.at(-1) !== 'final-text') {
          return refuse(route, 'This screen is out of date. Go on from the last screen the court showed.');
        }
        return commit(route, session, transaction);
      }
      if (!planOf(transaction).includes(screen)) {
        return refuse(route, 'This screen is out of date. Go on from the last screen the court showed.');
      }
      const refusal = await handleScreen(session, transaction, screen, form);
      if (refusal !== null) {
        return refuse(route, refusal);
      }
      complete(transaction, screen);
      showNext(route, session, transaction);
    },
  };
}

/** The filing transaction's routes. */
export type FilingTransactions = ReturnType<typeof createFilingTransactions>;
