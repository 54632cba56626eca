import { isLoginPage } from '../../src-main/core/court/court-chrome';
import { readPageOutline } from '../../src-main/core/html/read-page-outline';
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

/** The training court's pages by their heading (pages.ts), as a person tells them apart. */
const pagesByHeading: readonly [RegExp, string][] = [
  [/^Select the Filer$/, 'filing-parties'],
  [/^Upload Documents$/, 'filing-documents'],
  [/^Related Documents$/, 'filing-related'],
  [/^Docket Text$/, 'filing-docket-text-form'],
  [/^Docket Text: Final Text$/, 'filing-final-text'],
  [/^Document Selection Menu$/, 'document-selection'],
  [/^Verify Free Look$/, 'confirm-free-look'],
  [/^Transaction Receipt$/, 'receipt'],
  [/^CIT DOCKET FOR CASE/, 'docket-report'],
  [/^Parties /, 'parties'],
  [/^Logged in$/, 'logged-in'],
];

/**
 * What kind of page the court answered with, told by what it shows: CM/ECF's error layout, a login form, the Notice of
 * Electronic Filing, a document frame, or the page's heading. No page names itself (docs/court-pages.md).
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
  return pagesByHeading.find(([pattern]) => pattern.test(heading))?.[1] ?? null;
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

  /** Goes through every step of a filing; returns the last page (the NEF receipt, or the first refusal). */
  async file(filing: {
    caseId: number;
    eventId: string;
    partyIds: string[];
    main: FilingUpload;
    attachments?: FilingUpload[];
    related?: number[];
    annotation?: string;
  }): Promise<{ kind: string | null; html: string; step: string; filingId: string | null }> {
    const start = await (
      await this.postForm('/cgi-bin/filing/start', [
        ['caseid', String(filing.caseId)],
        ['event', filing.eventId],
      ])
    ).text();
    const filingId = /name="filing_id" value="([0-9a-f]+)"/.exec(start)?.[1] ?? null;
    if (pageKind(start) !== 'filing-parties' || !filingId) {
      return { kind: pageKind(start), html: start, step: 'start', filingId };
    }
    const steps: [string, () => Promise<Response>][] = [
      [
        'parties',
        () =>
          this.postForm(
            `/cgi-bin/filing/${filingId}/parties`,
            filing.partyIds.map((id) => ['party', id]),
          ),
      ],
      [
        'documents',
        () =>
          this.postMultipart(
            `/cgi-bin/filing/${filingId}/documents`,
            filingForm(filing.main, filing.attachments ?? []),
          ),
      ],
      [
        'related',
        () =>
          this.postForm(
            `/cgi-bin/filing/${filingId}/related`,
            (filing.related ?? []).map((deSeqNum) => ['related', String(deSeqNum)]),
          ),
      ],
      [
        'docket-text',
        () => this.postForm(`/cgi-bin/filing/${filingId}/docket-text`, [['annotation', filing.annotation ?? '']]),
      ],
      ['submit', () => this.postForm(`/cgi-bin/filing/${filingId}/submit`, [])],
    ];
    let html = start;
    for (const [step, send] of steps) {
      html = await (await send()).text();
      if (pageKind(html) === 'error' || step === 'submit') {
        return { kind: pageKind(html), html, step, filingId };
      }
    }
    return { kind: pageKind(html), html, step: 'submit', filingId };
  }
}

/** The multipart body of the documents step. */
export function filingForm(main: FilingUpload, attachments: readonly FilingUpload[]): FormData {
  const form = new FormData();
  form.append('main_document', new Blob([new Uint8Array(main.bytes)], { type: 'application/pdf' }), main.name);
  for (const attachment of attachments) {
    form.append(
      'attachment',
      new Blob([new Uint8Array(attachment.bytes)], { type: 'application/pdf' }),
      attachment.name,
    );
    form.append('attachment_description', attachment.description ?? '');
  }
  return form;
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
