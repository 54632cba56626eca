import { createHash } from 'node:crypto';
import {
  firmCalendarLink,
  firmDocket,
  type FirmDocket,
  type FirmDocketQuery,
  firmServerUser,
  type FirmServerConnection,
  type FirmServerStatus,
  type FirmServerUser,
} from '../../shared/firm-server';
import type { CourtFetch } from '../court/pacer-login';
import { AppError } from '../errors';
import { readLimitedBody } from '../inbox/free-look/anonymous-request';
import { gateFirmServerFetch } from '../security/gated-fetch';
import { checkFirmServerAddress } from '../security/url-gate';
import type { AppLog } from '../storage/app-log';
import type { SecretStore } from '../vault/secret-store';
import { describeError } from '../../shared/describe-error';

/** The keychain item holding the user's firm server token (docs/security.md: secrets live in the keychain only). */
export const firmTokenItem = 'firm-server:token';
/** How long the desktop waits for the firm server's answer: it is on the firm's network, so it answers at once or not at all. */
const answerTimeoutMs = 10_000;
/** The most of an answer the desktop reads: a user with every case of a large firm is well under it. */
const maxAnswerBytes = 4 * 1024 * 1024;

/** The firm server's address as the settings give it, and the policy that sets it, if one does. */
export interface FirmServerAddress {
  readonly url: string | null;
  /** Where the machine policy naming the address was read; null when the user set it. */
  readonly managedBy: string | null;
}

/** What the connection needs from the rest of core. */
export interface FirmConnectionOptions {
  /** The host's fetch; the connection wraps it in the firm server's gate and uses nothing else. */
  readonly fetch: CourtFetch;
  readonly secrets: SecretStore;
  /** The address in effect: machine policy's, else the one saved in settings. */
  readonly address: () => FirmServerAddress;
  /** Saves the user's address (never called while policy sets it). */
  readonly saveAddress: (url: string | null) => void;
  readonly log: AppLog;
}

/** The connection in use: the server's origin, the user's token and who it stands for. */
export interface FirmSession {
  readonly origin: string;
  readonly token: string;
  readonly user: FirmServerUser;
}

/** The largest document the desktop takes from the firm server: twice the court's 50 MB limit on a filed PDF. */
const maxDocumentBytes = 100 * 1024 * 1024;
/** The most of the firm docket the desktop reads: 2,000 notices and filings and their deadlines, with room. */
const maxDocketBytes = 64 * 1024 * 1024;
/** How long one document may take to arrive from the firm server. */
const documentTimeoutMs = 120_000;

type Answer =
  | { readonly state: 'connected'; readonly user: FirmServerUser }
  | { readonly state: 'token-refused' | 'unreachable'; readonly message: string };

/**
 * The desktop's connection to the firm server (docs/firm-server.md#connecting-a-desktop): the address (the user's,
 * or machine policy's) and the user's token (in the keychain). Connecting asks the server who the token stands for
 * before anything is saved, so a wrong address or token is never kept. Every request goes through the firm server's
 * gate, to the one origin set.
 */
export function createFirmConnection(options: FirmConnectionOptions) {
  // The origin a connection being tried talks to, before it is saved; otherwise the saved one.
  let trying: string | null = null;
  const savedOrigin = (): string | null => {
    const { url } = options.address();
    if (url === null) {
      return null;
    }
    const verdict = checkFirmServerAddress(url);
    return verdict.isAllowed ? verdict.url : null;
  };
  const fetchFirm = gateFirmServerFetch(options.fetch, () => trying ?? savedOrigin());

  const ask = async (origin: string, token: string): Promise<Answer> => {
    let response: Response;
    try {
      response = await fetchFirm(`${origin}/api/me`, {
        method: 'GET',
        headers: { authorization: `Bearer ${token}`, accept: 'application/json' },
        signal: AbortSignal.timeout(answerTimeoutMs),
      });
    } catch (error) {
      options.log(`The firm server at ${origin} did not answer: ${describeError(error).detail}`, 'warn');
      return {
        state: 'unreachable',
        message: `The firm server at ${origin} did not answer. Check the address, and that you are on the firm's network (or its VPN); IT can check that the server is running.`,
      };
    }
    if (response.status === 401) {
      await response.body?.cancel();
      return {
        state: 'token-refused',
        message:
          'The firm server does not know this token: it may be mistyped, or your user was removed. Ask IT for a new token (ecf-desk server add-user).',
      };
    }
    const body = response.ok ? await readLimitedBody(response, maxAnswerBytes) : null;
    if (!response.ok) {
      await response.body?.cancel();
    }
    const user = body === null ? null : parseUser(body);
    if (user === null) {
      options.log(`The answer at ${origin}/api/me (HTTP ${response.status}) is not a firm server's`, 'warn');
      return {
        state: 'unreachable',
        message: `What answers at ${origin} is not an ECF Desk firm server (HTTP ${response.status}). Check the address with IT.`,
      };
    }
    return { state: 'connected', user };
  };

  const describe = (address: FirmServerAddress, answer: Answer | null, hasToken: boolean): FirmServerStatus => {
    if (address.url === null) {
      return { url: null, managedBy: null, state: 'not-set', user: null, message: null };
    }
    if (!hasToken) {
      return {
        ...address,
        state: 'no-token',
        user: null,
        message: 'Type the token IT gave you to connect to the firm server.',
      };
    }
    if (answer === null || answer.state !== 'connected') {
      return { ...address, state: answer?.state ?? 'unreachable', user: null, message: answer?.message ?? null };
    }
    return { ...address, state: 'connected', user: answer.user, message: null };
  };

  /** The kept token, asked of the saved server: the session, or null when not connected. */
  const session = async (): Promise<FirmSession | null> => {
    const origin = savedOrigin();
    const token = origin === null ? null : await options.secrets.get(firmTokenItem);
    if (origin === null || token === null) {
      return null;
    }
    const answer = await ask(origin, token);
    return answer.state === 'connected' ? { origin, token, user: answer.user } : null;
  };

  /** `GET` of one of the server's routes with the session's token, through the gate. */
  const request = (current: FirmSession, route: string, signal: AbortSignal, accept: string): Promise<Response> =>
    fetchFirm(`${current.origin}${route}`, {
      method: 'GET',
      headers: { authorization: `Bearer ${current.token}`, accept },
      signal,
    });

  /** `PUT` of a body to one of the server's routes with the session's token, through the gate. */
  const put = (
    current: FirmSession,
    route: string,
    body: string | Uint8Array<ArrayBuffer>,
    contentType: string,
    signal: AbortSignal,
  ): Promise<Response> =>
    fetchFirm(`${current.origin}${route}`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${current.token}`, accept: 'application/json', 'content-type': contentType },
      body,
      signal,
    });

  return {
    session,
    request,
    put,

    /**
     * A document the firm server saved, fetched from it (`origin` must be the server in use) and checked against its
     * SHA-256; the server answers only for documents of entries the user may see.
     */
    async fetchDocument(origin: string, sha256: string): Promise<Uint8Array> {
      const current = await session();
      if (current === null || current.origin !== origin) {
        throw new AppError(
          'firm-server.unreachable',
          `The firm server at ${origin} saved this document, and ECF Desk is not connected to it now: check Settings → Firm server.`,
        );
      }
      let response: Response;
      try {
        response = await request(
          current,
          `/api/documents/${sha256}`,
          AbortSignal.timeout(documentTimeoutMs),
          'application/pdf',
        );
      } catch (error) {
        throw new AppError(
          'firm-server.unreachable',
          `The firm server at ${origin} did not send the document: ${describeError(error).message}`,
        );
      }
      if (response.status === 404) {
        await response.body?.cancel();
        throw new AppError(
          'firm-server.document-not-found',
          'The firm server has no such document for you: you may have been taken off the case team. Ask the case’s attorney or IT.',
        );
      }
      const bytes = response.ok ? await readLimitedBody(response, maxDocumentBytes) : null;
      if (bytes === null) {
        await response.body?.cancel();
        if (response.ok) {
          options.log(`The firm server sent over ${maxDocumentBytes} bytes for the document ${sha256}`, 'warn');
          throw new AppError(
            'firm-server.document-damaged',
            'What the firm server sent is larger than any filed PDF may be, so it is not the document it saved and was not kept. Tell IT.',
          );
        }
        throw new AppError(
          'firm-server.unreachable',
          `The firm server did not send the document (HTTP ${response.status}). Try again in a moment.`,
        );
      }
      const actual = createHash('sha256').update(bytes).digest('hex');
      if (actual !== sha256) {
        options.log(`The firm server sent ${actual} for the document ${sha256}`, 'warn');
        throw new AppError(
          'firm-server.document-damaged',
          'What the firm server sent is not the document it saved (its SHA-256 differs), so it was not kept. Tell IT.',
        );
      }
      return bytes;
    },

    /** The address of the user's calendar on the server in use (docs/firm-server.md#the-firms-calendar). */
    async calendarLink(): Promise<string> {
      const current = await session();
      if (current === null) {
        throw new AppError(
          'firm-server.unreachable',
          'ECF Desk is not connected to the firm server now, so it cannot ask for your calendar: check Settings → Firm server.',
        );
      }
      let link: string | null = null;
      try {
        const response = await request(
          current,
          '/api/calendar-link',
          AbortSignal.timeout(answerTimeoutMs),
          'application/json',
        );
        const body = response.ok ? await readLimitedBody(response, maxAnswerBytes) : null;
        if (body === null) {
          await response.body?.cancel();
        } else {
          const answer = firmCalendarLink.safeParse(JSON.parse(new TextDecoder().decode(body)));
          link = answer.success ? `${current.origin}${answer.data.path}` : null;
        }
      } catch (error) {
        options.log(`The firm server did not give a calendar link: ${describeError(error).detail}`, 'warn');
      }
      if (link === null) {
        throw new AppError(
          'firm-server.unreachable',
          'The firm server did not give a calendar link. It may be an older version: ask IT.',
        );
      }
      return link;
    },

    /**
     * The firm docket (docs/firm-server.md#the-firm-docket): the notices, deadlines and shared filings of the user's
     * cases, as the filter keeps them, checked against its schema.
     */
    async docket(query: FirmDocketQuery): Promise<FirmDocket> {
      const current = await session();
      if (current === null) {
        throw new AppError(
          'firm-server.unreachable',
          "ECF Desk is not connected to the firm server now, so it cannot show the firm's docket: check Settings → Firm server.",
        );
      }
      const address = new URLSearchParams();
      for (const [name, value] of [
        ['case', query.caseNumber],
        ['attorney', query.attorney],
        ['from', query.from],
        ['to', query.to],
      ] as const) {
        if (value !== undefined) {
          address.set(name, value);
        }
      }
      let docket: FirmDocket | null = null;
      try {
        const response = await request(
          current,
          `/api/docket?${address.toString()}`,
          AbortSignal.timeout(documentTimeoutMs),
          'application/json',
        );
        const body = response.ok ? await readLimitedBody(response, maxDocketBytes) : null;
        if (body === null) {
          await response.body?.cancel();
          options.log(`The firm server answered HTTP ${response.status} for its docket`, 'warn');
        } else {
          const parsed = firmDocket.safeParse(JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(body)));
          docket = parsed.success ? parsed.data : null;
        }
      } catch (error) {
        options.log(`The firm server did not give its docket: ${describeError(error).detail}`, 'warn');
      }
      if (docket === null) {
        throw new AppError(
          'firm-server.unreachable',
          "The firm server did not give the firm's docket. Try again in a moment; if it keeps failing, tell IT.",
        );
      }
      return docket;
    },

    /** Asks the server who the kept token stands for; never throws for the server's sake (its state says). */
    async status(): Promise<FirmServerStatus> {
      const address = options.address();
      if (address.url === null) {
        return describe(address, null, false);
      }
      const verdict = checkFirmServerAddress(address.url);
      if (!verdict.isAllowed) {
        return { ...address, state: 'unreachable', user: null, message: verdict.reason };
      }
      const token = await options.secrets.get(firmTokenItem);
      return describe(address, token === null ? null : await ask(verdict.url, token), token !== null);
    },

    /**
     * Connects with the address given (or policy's, which wins) and the token given (or the one kept), and keeps both
     * once the server has said who the token stands for. A refusal changes nothing that was saved.
     */
    async connect(connection: FirmServerConnection): Promise<FirmServerStatus> {
      const address = options.address();
      const isManaged = address.managedBy !== null;
      const verdict = checkFirmServerAddress(isManaged && address.url !== null ? address.url : connection.url);
      if (!verdict.isAllowed) {
        throw new AppError('firm-server.address-invalid', verdict.reason);
      }
      const token = connection.token?.trim() ?? (await options.secrets.get(firmTokenItem));
      if (token === null || token === '') {
        throw new AppError('firm-server.no-token', 'Type the token IT gave you to connect to the firm server.');
      }
      trying = verdict.url;
      let answer: Answer;
      try {
        answer = await ask(verdict.url, token);
      } finally {
        trying = null;
      }
      if (answer.state !== 'connected') {
        throw new AppError(
          answer.state === 'token-refused' ? 'firm-server.token-refused' : 'firm-server.unreachable',
          answer.message,
        );
      }
      await options.secrets.set(firmTokenItem, token);
      if (!isManaged) {
        options.saveAddress(verdict.url);
      }
      options.log(`Connected to the firm server at ${verdict.url} as ${answer.user.name}`, 'info');
      return describe(options.address(), answer, true);
    },

    /** Forgets the token, and the address unless policy sets it. */
    async disconnect(): Promise<FirmServerStatus> {
      await options.secrets.delete(firmTokenItem);
      if (options.address().managedBy === null) {
        options.saveAddress(null);
      }
      return describe(options.address(), null, false);
    },
  };
}

/** The desktop's connection to the firm server. */
export type FirmConnection = ReturnType<typeof createFirmConnection>;

function parseUser(body: Uint8Array): FirmServerUser | null {
  try {
    const parsed = firmServerUser.safeParse(JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(body)));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
