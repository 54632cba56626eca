import type { Account, KeychainStatus, SessionStatus } from '../../../src-main/shared/accounts';
import type { ChannelName, EventName } from '../../../src-main/shared/channel-names';
import type { ChannelArgs, ChannelResult, EventPayload } from '../../../src-main/shared/contract';
import type { CourtStatus, DocumentRecord } from '../../../src-main/shared/domain';
import type { ErrorCode } from '../../../src-main/shared/errors';
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
  answer<C extends ChannelName>(channel: C, handler: (args: ChannelArgs<C>, options: CallOptions | undefined) => ChannelResult<C> | Promise<ChannelResult<C>>): void;
  /** Sends an event to the renderer as main would. */
  emit<E extends EventName>(event: E, payload: EventPayload<E>): void;
  /** What the next chooseFiles call gives. */
  nextChoice: ChooseResult;
  /** The channels called, in order. */
  channels(): ChannelName[];
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
      if (!handler) throw bridgeError('unknown-channel', `The fake bridge has no answer for ${channel}.`);
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
  };

  fake.answer('app.getInfo', () => ({ name: 'ECF Desk', version: '0.1.0', host: 'browser', dataFolder: '/home/paralegal/.local/share/ecf-desk' }));
  fake.answer('documents.list', () => [...documents]);
  fake.answer('settings.get', () => ({ documentsSort: 'added', courtProfile: 'cit-training', allowCredentialStorage: true }));
  fake.answer('court.status', () => trainingCourt());
  fake.answer('accounts.list', () => ({ accounts: [], keychain: savingKeychain() }));
  fake.answer('session.status', () => ({ state: 'logged-out' }));
  return fake;
}

/** A keychain that can keep passwords (Linux's Secret Service); tests override what they check. */
export function savingKeychain(overrides: Partial<KeychainStatus> = {}): KeychainStatus {
  return { name: 'Secret Service', isAvailable: true, isStorageAllowed: true, message: null, ...overrides };
}

/** A saved PACER filer account with its password in the keychain; tests override what they check. */
export function pacerAccount(overrides: Partial<Account> & Pick<Account, 'id' | 'loginId'>): Account {
  return {
    courtProfile: 'cit-training',
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
export function loggedInSession(account: Account, overrides: Partial<Extract<SessionStatus, { state: 'logged-in' }>> = {}): SessionStatus {
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

/** A valid SHA-256 made from one repeated hex character plus a distinct start. */
export function sha256Starting(prefix: string): string {
  return (prefix + 'a'.repeat(64)).slice(0, 64);
}

/** A document record with sensible facts; tests override what they check. */
export function documentRecord(overrides: Partial<DocumentRecord> & Pick<DocumentRecord, 'id' | 'name'>): DocumentRecord {
  return {
    bytes: 2048,
    sha256: sha256Starting('0123456789ab'),
    pages: 3,
    addedAt: '2025-03-04T15:30:00.000Z',
    problem: null,
    preflight: { state: 'done', report: { bytes: overrides.bytes ?? 2048, pages: overrides.pages ?? 3, verdict: 'pass', findings: [] } },
    fixedFrom: null,
    fixing: null,
    ...overrides,
  };
}
