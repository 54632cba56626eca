import { isLoginPage } from '../../src-main/core/court/court-chrome';
import { readPageOutline, type PageForm } from '../../src-main/core/html/read-page-outline';
import { FormFill } from '../../src-main/core/court/fill-form';
import { findDocketEvent } from '../../src-main/shared/cit-event-catalog';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { generateTotp } from '../../src-main/core/court/totp';
import { decodeEntities } from '../../src-main/core/html/decode-entities';
import { defaultSeed } from '../../src-main/training-court/seed';
import {
  startTrainingCourt,
  type TrainingCourt,
  type TrainingCourtOptions,
} from '../../src-main/training-court/training-court';

/** A training court in a fresh temporary folder, removed by `stop()`. */
export async function startTestCourt(
  options: Partial<TrainingCourtOptions> = {},
): Promise<TrainingCourt & { dataFolder: string; stop(): Promise<void> }> {
  const dataFolder = options.dataFolder ?? mkdtempSync(path.join(tmpdir(), 'ecf-training-court-'));
  const court = await startTrainingCourt({ ...options, dataFolder });
  return {
    ...court,
    dataFolder,
    async stop() {
      await court.close();
      rmSync(dataFolder, { recursive: true, force: true });
    },
  };
}

/** A seeded account's password (the seed is the training court's own, printed in the README). */
export function seededPassword(loginId: string): string {
  const account = defaultSeed.accounts.find((candidate) => candidate.loginId === loginId);
  if (!account) {
    throw new Error(`No seeded account ${loginId}`);
  }
  return account.password;
}

/** The current one-time passcode of a seeded MFA account. */
export function seededOtp(loginId: string, at = Date.now()): string {
  const secret = defaultSeed.accounts.find((candidate) => candidate.loginId === loginId)?.mfaSecret;
  if (!secret) {
    throw new Error(`${loginId} has no MFA`);
  }
  return generateTotp(secret, at);
}

/** The training court's pages by their heading (pages.ts, filing-pages.ts), as a person tells them apart. */
const pagesByHeading: readonly [RegExp, string][] = [
  [/^Open a New Case$/, 'filing-new-case'],
  [/^Attachments to Document$/, 'filing-attachments'],
  [/^Docket Text: Final Text$/, 'filing-final-text'],
  [/^Document Selection Menu$/, 'document-selection'],
  [/^Verify Free Look$/, 'confirm-free-look'],
  [/^Transaction Receipt$/, 'receipt'],
  [/^CIT DOCKET FOR CASE/, 'docket-report'],
  [/^Parties /, 'parties'],
  [/^Logged in$/, 'logged-in'],
];

/** The filing screens by a field they ask for (filing-pages.ts), as a person tells them apart. */
const screensByField: readonly [string, string][] = [
  ['event', 'filing-events'],
  ['case_num', 'filing-case'],
  ['party_person', 'filing-parties'],
  ['file_1', 'filing-documents'],
  ['yn', 'filing-joint-filing'],
  ['refer_to_existing', 'filing-related'],
  ['free_text', 'filing-docket-text'],
  ['fee_acknowledged', 'filing-fee'],
];

/**
 * What kind of page the court answered with, told by what it shows: CM/ECF's error layout, a login form, the Notice of
 * Electronic Filing, a document frame, the page's heading, or a field only one filing screen asks for. No page names
 * itself (docs/court-pages.md).
 */
export function pageKind(html: string): string | null {
  const page = readPageOutline(html, 'http://court.invalid/');
  if (page.errorText !== null) {
    return page.errorText.startsWith('Internal Server Error') ? 'internal-server-error' : 'error';
  }
  if (isLoginPage(page)) {
    return 'login';
  }
  if (page.text.includes('Notice of Electronic Filing The following transaction was entered')) {
    return 'nef-receipt';
  }
  if (page.frameSource !== null) {
    return 'document-frame';
  }
  const heading = page.headings[0] ?? '';
  const byHeading = pagesByHeading.find(([pattern]) => pattern.test(heading))?.[1];
  if (byHeading !== undefined) {
    return byHeading;
  }
  const names = new Set(page.forms.flatMap((form) => form.fields.map((field) => field.name)));
  const byField = screensByField.find(([name]) => names.has(name))?.[1];
  if (byField !== undefined) {
    return byField;
  }
  // The menu of event categories: its heading, and no form (the case screen asked first is headed the same).
  return heading === 'Civil Events' ? 'filing-categories' : null;
}

/** The first form of a page with CM/ECF's Next button, and where it posts. */
export function screenForm(html: string): PageForm {
  const form = readPageOutline(html, 'http://court.invalid/').forms.find((candidate) =>
    candidate.fields.some((field) => field.name === 'button1'),
  );
  if (!form) {
    throw new Error('The page has no form with a Next button');
  }
  return form;
}

/** The court's words on an error page (CM/ECF's error layout: the message in bold, then Back). */
export function errorText(html: string): string | null {
  return readPageOutline(html, 'http://court.invalid/').errorText;
}

/** One PDF to file. */
export interface FilingUpload {
  readonly name: string;
  readonly bytes: Uint8Array;
  readonly description?: string;
}

/** A cookie-carrying client of the court, as a browser or the app's driver would be. */
export class CourtClient {
  token: string | null = null;

  constructor(readonly baseUrl: string) {}

  /** `POST /services/cso-auth`; keeps the token on success. */
  async login(body: Record<string, string>): Promise<{
    status: number;
    reply: { nextGenCSO: string; loginResult: string; errorDescription: string };
    retryAfter: string | null;
  }> {
    const response = await fetch(`${this.baseUrl}/services/cso-auth`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify(body),
    });
    const reply = (await response.json()) as { nextGenCSO: string; loginResult: string; errorDescription: string };
    if (reply.loginResult === '0') {
      this.token = reply.nextGenCSO;
    }
    return { status: response.status, reply, retryAfter: response.headers.get('retry-after') };
  }

  /** Logs in a seeded account the way a filer does (with the redaction flag and, for MFA, the current code). */
  async loginAs(loginId: string, extra: Record<string, string> = {}): Promise<void> {
    const account = defaultSeed.accounts.find((candidate) => candidate.loginId === loginId);
    const body: Record<string, string> = { loginId, password: seededPassword(loginId), redactFlag: '1', ...extra };
    if (account?.mfaSecret) {
      body['otpCode'] = seededOtp(loginId);
    }
    const { reply } = await this.login(body);
    if (reply.loginResult !== '0') {
      throw new Error(`${loginId} could not log in: ${reply.errorDescription}`);
    }
  }

  async logout(): Promise<void> {
    await fetch(`${this.baseUrl}/services/cso-logout`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ nextGenCSO: this.token }),
    });
  }

  private headers(): Record<string, string> {
    return this.token ? { cookie: `NextGenCSO=${this.token}` } : {};
  }

  async get(pathAndQuery: string): Promise<Response> {
    return fetch(`${this.baseUrl}${pathAndQuery}`, { headers: this.headers(), redirect: 'manual' });
  }

  async postForm(pathAndQuery: string, fields: [string, string][]): Promise<Response> {
    return fetch(`${this.baseUrl}${pathAndQuery}`, {
      method: 'POST',
      headers: { ...this.headers(), 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(fields).toString(),
      redirect: 'manual',
    });
  }

  async postMultipart(pathAndQuery: string, form: FormData): Promise<Response> {
    return fetch(`${this.baseUrl}${pathAndQuery}`, { method: 'POST', headers: this.headers(), body: form });
  }

  /** Posts a screen's form, filled in, to where it says (multipart, as every CM/ECF screen is). */
  async postScreen(html: string, fill: (form: FormFill) => void): Promise<string> {
    const form = screenForm(html);
    const filled = new FormFill(form, 'button1');
    fill(filled);
    return (await this.postMultipart(form.action, filled.toFormData())).text();
  }

  /**
   * Goes through the screens of a filing as a person does: the Civil menu, the event's category, then each screen
   * the court shows, filled in for what it asks. Stops at `until` (a page kind) when given, at the first page it does
   * not know (a refusal, a login, the receipt), or after the final text is posted.
   */
  async file(
    filing: {
      caseId?: number;
      caseNumber?: string;
      newAction?: { caption: string; parties: { id: string; name: string; role: string }[] };
      eventId: string;
      partyIds: string[];
      main: FilingUpload;
      attachments?: FilingUpload[];
      complaint?: FilingUpload;
      related?: number[];
      annotation?: string;
      prefix?: string;
    },
    until?: string,
  ): Promise<{ kind: string | null; html: string; step: string; finalAction: string | null; screens: string[] }> {
    const event = findDocketEvent(filing.eventId);
    let html = await (await this.get('/cgi-bin/DisplayMenu.pl?CivilEvents')).text();
    if (pageKind(html) !== 'filing-categories' || !event) {
      return { kind: pageKind(html), html, step: 'start', finalAction: null, screens: [] };
    }
    const link = readPageOutline(html, 'http://court.invalid/').links.find(
      (candidate) => candidate.text === event.category,
    );
    html = await (await this.get(pathOf(link?.url ?? '/'))).text();
    let step = 'start';
    let finalAction: string | null = null;
    /** The screens shown, in order. */
    const screens: string[] = [];
    const file = (upload: FilingUpload) => ({ bytes: upload.bytes, filename: upload.name, type: 'application/pdf' });
    const rows = (form: FormFill, attachments: readonly FilingUpload[]) =>
      attachments.forEach((attachment, index) => {
        form.attach(`file_${index + 2}`, file(attachment));
        form.type(`description_${index + 2}`, attachment.description ?? '');
      });
    for (let screen = 0; screen < 30; screen += 1) {
      const kind = pageKind(html);
      if (kind === null || kind === until || !kind.startsWith('filing-') || finalAction !== null) {
        return { kind, html, step, finalAction, screens };
      }
      screens.push(kind);
      if (kind === 'filing-final-text') {
        finalAction = screenForm(html).action;
      }
      html = await this.postScreen(html, (form) => {
        switch (kind) {
          case 'filing-events': {
            const option = form
              .fields('event')
              .flatMap((field) => field.options)
              .find((candidate) => candidate.text === event.name);
            form.choose('event', option ? [option.value] : []);
            break;
          }
          case 'filing-case':
            form.type('case_num', filing.caseNumber ?? '');
            form.type('all_case_ids', filing.caseId === undefined ? '' : String(filing.caseId));
            break;
          case 'filing-new-case':
            form.type('caption', filing.newAction?.caption ?? '');
            filing.newAction?.parties.forEach((party, index) => {
              form.type('party_id', party.id, index);
              form.type('party_name', party.name, index);
              form.type('party_role', party.role, index);
            });
            break;
          case 'filing-parties':
            form.choose('party_person', filing.partyIds);
            break;
          case 'filing-documents':
            form.attach('file_1', file(filing.main));
            if (filing.complaint) {
              form.attach('complaint_document', file(filing.complaint));
            }
            if (form.has('attachments')) {
              form.choose('attachments', [(filing.attachments ?? []).length > 0 ? 'yes' : 'no']);
            } else {
              rows(form, filing.attachments ?? []);
            }
            break;
          case 'filing-attachments':
            rows(form, filing.attachments ?? []);
            break;
          case 'filing-joint-filing':
            form.choose('yn', ['n']);
            break;
          case 'filing-related':
            form.choose('refer_to_existing', (filing.related ?? []).length > 0 ? ['1'] : []);
            form.choose('related', (filing.related ?? []).map(String));
            break;
          case 'filing-docket-text':
            form.type('free_text', filing.annotation ?? '');
            if (filing.prefix) {
              form.choose('prefix', [filing.prefix]);
            }
            break;
          case 'filing-fee':
            form.choose('fee_acknowledged', ['1']);
            break;
        }
      });
      step = kind === 'filing-final-text' ? 'submit' : kind.slice('filing-'.length);
    }
    return { kind: pageKind(html), html, step, finalAction, screens };
  }
}

/** A path and query of a link or action as a page gives it. */
export function pathOf(address: string): string {
  const url = new URL(address, 'http://court.invalid/');
  return `${url.pathname}${url.search}`;
}

/** Calls the court's admin API. */
export async function admin(
  court: TrainingCourt,
  method: 'GET' | 'POST' | 'DELETE',
  pathname: string,
  body?: unknown,
): Promise<Record<string, unknown>> {
  const response = await fetch(`${court.url}${pathname}`, {
    method,
    headers: { 'x-training-court-admin': court.adminToken, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const value = (await response.json()) as Record<string, unknown>;
  if (!response.ok) {
    throw new Error(`admin ${pathname}: ${String(value['error'])}`);
  }
  return value;
}

/**
 * A case's docket as a filer reads it in the court's own report, through one session: a test that polls the docket logs
 * in once, and again only when the court answers with its login page (its login service throttles a client that logs in
 * for every request, as PACER asks clients not to).
 */
export class DocketReader {
  private readonly client: CourtClient;

  constructor(
    baseUrl: string,
    private readonly loginId = 'rpatel',
  ) {
    this.client = new CourtClient(baseUrl);
  }

  /** The docket text of each entry of the case, oldest first. */
  async texts(caseId: number): Promise<string[]> {
    if (this.client.token === null) {
      await this.client.loginAs(this.loginId);
    }
    let html = await (await this.client.get(`/cgi-bin/DktRpt.pl?${caseId}`)).text();
    if (pageKind(html) === 'login') {
      await this.client.loginAs(this.loginId);
      html = await (await this.client.get(`/cgi-bin/DktRpt.pl?${caseId}`)).text();
    }
    return [
      ...html.matchAll(
        /<tr class="entry" data-de-seq-num="\d+"><td>[^<]*<\/td><td>[^<]*(?:<a [^>]*>\d+<\/a>)?[^<]*<\/td><td>([^<]*)<\/td>/g,
      ),
    ].map((match) => match[1] ?? '');
  }
}

/** How many docket entries the court holds, in every case (its admin state). */
export async function docketEntryCount(court: TrainingCourt): Promise<number> {
  return Number((await admin(court, 'GET', '/admin/state'))['docketEntries']);
}

/** The raw notices in one address's Maildir (new/), oldest first. */
export function maildirMessages(court: Pick<TrainingCourt, 'maildirFolder'>, email: string): string[] {
  const folder = path.join(court.maildirFolder, email.toLowerCase(), 'Maildir', 'new');
  if (!existsSync(folder)) {
    return [];
  }
  // Maildir names are `<seconds>.<pid>_<sequence>.<host>`: order by seconds, then sequence, as numbers.
  const order = (name: string): [number, number] => {
    const match = /^(\d+)\.\d+_(\d+)\./.exec(name);
    return [Number(match?.[1] ?? 0), Number(match?.[2] ?? 0)];
  };
  return readdirSync(folder)
    .sort((a, b) => order(a)[0] - order(b)[0] || order(a)[1] - order(b)[1])
    .map((name) => readFileSync(path.join(folder, name), 'latin1'));
}

/** The doc1 link (path and query) in a notice's HTML body. */
export function doc1Link(rawMessage: string): string {
  const match = /href="[^"]*?(\/doc1\/[^"]+)"/.exec(rawMessage.replace(/=\r?\n/g, ''));
  if (!match) {
    throw new Error('The notice has no doc1 link');
  }
  return decodeEntities(match[1] ?? '');
}
