/**
 * Fault injection for tests, set per endpoint through the admin API: latency, 5xx answers, connections dropped
 * before or after a filing commits, slow uploads, late mail, and a page the filing did not expect in its middle.
 */
export const faultEndpoints = [
  'cso-auth',
  'cso-logout',
  'session-check',
  'case-search',
  'filing-start',
  'filing-event',
  'filing-case',
  'filing-parties',
  'filing-documents',
  'filing-attachments',
  'filing-joint-filing',
  'filing-related',
  'filing-docket-text',
  'filing-fee',
  'filing-submit',
  'docket-report',
  'doc1',
  'fee-ledger',
] as const;

/** An endpoint that faults can be set on. */
export type FaultEndpoint = (typeof faultEndpoints)[number];

/** What can go wrong at one endpoint. Counts (`…Next`) apply to the next N requests; rates apply at random. */
export interface FaultRule {
  readonly latencyMs?: number;
  readonly failStatus?: number;
  readonly failNext?: number;
  readonly failRate?: number;
  /** The connection drops before the request is handled (the client cannot know whether it arrived). */
  readonly dropBeforeCommitNext?: number;
  readonly dropBeforeCommitRate?: number;
  /** The filing is committed, then the connection drops before the answer (submit only). */
  readonly dropAfterCommitNext?: number;
  readonly dropAfterCommitRate?: number;
  /** Request bodies are read at this many bytes a second. */
  readonly uploadBytesPerSecond?: number;
  /**
   * The next N requests are answered with a page of the court's own that the filing did not expect (a notice to
   * filers), and not handled: nothing changes at the court.
   */
  readonly unexpectedPageNext?: number;
  /** The filing is committed, then answered with that page instead of the receipt (submit only). */
  readonly unexpectedPageAfterCommitNext?: number;
}

/** The decision for one request. */
export interface FaultDecision {
  readonly latencyMs: number;
  readonly failStatus: number | null;
  readonly dropBeforeCommit: boolean;
  readonly dropAfterCommit: boolean;
  readonly uploadBytesPerSecond: number | null;
  readonly unexpectedPage: boolean;
  readonly unexpectedPageAfterCommit: boolean;
}

/** How many faults of each kind fired at each endpoint, so tests can see them happen. */
export type FaultCounts = Record<
  string,
  {
    latency: number;
    failed: number;
    droppedBeforeCommit: number;
    droppedAfterCommit: number;
    throttledUploads: number;
    unexpectedPages: number;
  }
>;

function isFaultEndpoint(value: unknown): value is FaultEndpoint {
  return typeof value === 'string' && (faultEndpoints as readonly string[]).includes(value);
}

function nonNegative(value: unknown, name: string, max: number): number | undefined {
  if (value === undefined) {
    return undefined;
  }
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value > max) {
    throw new Error(`${name} must be a number from 0 to ${max}`);
  }
  return value;
}

/** Reads one admin request body `{endpoint, ...rule}` or `{mailDelayMs}`, refusing anything it does not know. */
export function readFaultRequest(
  body: unknown,
): { endpoint: FaultEndpoint; rule: FaultRule } | { mailDelayMs: number } {
  if (typeof body !== 'object' || body === null) {
    throw new Error('Send a JSON object');
  }
  const record = body as Record<string, unknown>;
  if ('mailDelayMs' in record) {
    return { mailDelayMs: nonNegative(record['mailDelayMs'], 'mailDelayMs', 600_000) ?? 0 };
  }
  if (!isFaultEndpoint(record['endpoint'])) {
    throw new Error(`endpoint must be one of ${faultEndpoints.join(', ')}`);
  }
  const known = new Set([
    'endpoint',
    'latencyMs',
    'failStatus',
    'failNext',
    'failRate',
    'dropBeforeCommitNext',
    'dropBeforeCommitRate',
    'dropAfterCommitNext',
    'dropAfterCommitRate',
    'uploadBytesPerSecond',
    'unexpectedPageNext',
    'unexpectedPageAfterCommitNext',
  ]);
  const unknown = Object.keys(record).filter((key) => !known.has(key));
  if (unknown.length > 0) {
    throw new Error(`Unknown fault settings: ${unknown.join(', ')}`);
  }
  const failStatus = nonNegative(record['failStatus'], 'failStatus', 599);
  if (failStatus !== undefined && failStatus < 500) {
    throw new Error('failStatus must be a 5xx status');
  }
  const rule: FaultRule = {
    latencyMs: nonNegative(record['latencyMs'], 'latencyMs', 120_000),
    failStatus,
    failNext: nonNegative(record['failNext'], 'failNext', 1_000_000),
    failRate: nonNegative(record['failRate'], 'failRate', 1),
    dropBeforeCommitNext: nonNegative(record['dropBeforeCommitNext'], 'dropBeforeCommitNext', 1_000_000),
    dropBeforeCommitRate: nonNegative(record['dropBeforeCommitRate'], 'dropBeforeCommitRate', 1),
    dropAfterCommitNext: nonNegative(record['dropAfterCommitNext'], 'dropAfterCommitNext', 1_000_000),
    dropAfterCommitRate: nonNegative(record['dropAfterCommitRate'], 'dropAfterCommitRate', 1),
    uploadBytesPerSecond: nonNegative(record['uploadBytesPerSecond'], 'uploadBytesPerSecond', 1e10),
    unexpectedPageNext: nonNegative(record['unexpectedPageNext'], 'unexpectedPageNext', 1_000_000),
    unexpectedPageAfterCommitNext: nonNegative(
      record['unexpectedPageAfterCommitNext'],
      'unexpectedPageAfterCommitNext',
      1_000_000,
    ),
  };
  return { endpoint: record['endpoint'], rule };
}

/** A small seeded generator (mulberry32), so a test's random faults repeat run after run. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Holds the faults in force and decides, request by request, which fire. */
export function createFaultInjector(seed = 1) {
  const rules = new Map<FaultEndpoint, { -readonly [K in keyof FaultRule]: FaultRule[K] }>();
  const counts: FaultCounts = {};
  let mailDelayMs = 0;
  let random = seededRandom(seed);

  const count = (endpoint: string) =>
    (counts[endpoint] ??= {
      latency: 0,
      failed: 0,
      droppedBeforeCommit: 0,
      droppedAfterCommit: 0,
      throttledUploads: 0,
      unexpectedPages: 0,
    });
  const takeNext = (rule: { [key: string]: number | undefined }, key: string): boolean => {
    const left = rule[key] ?? 0;
    if (left <= 0) {
      return false;
    }
    rule[key] = left - 1;
    return true;
  };

  return {
    set(endpoint: FaultEndpoint, rule: FaultRule): void {
      rules.set(endpoint, {
        ...rules.get(endpoint),
        ...Object.fromEntries(Object.entries(rule).filter(([, value]) => value !== undefined)),
      });
    },
    setMailDelay(milliseconds: number): void {
      mailDelayMs = milliseconds;
    },
    mailDelayMs: (): number => mailDelayMs,
    clear(nextSeed = seed): void {
      rules.clear();
      mailDelayMs = 0;
      random = seededRandom(nextSeed);
      for (const key of Object.keys(counts)) {
        delete counts[key];
      }
    },
    /** Decides the faults of one request to `endpoint`, and counts those that fire. */
    decide(endpoint: FaultEndpoint): FaultDecision {
      const rule = rules.get(endpoint);
      if (!rule) {
        return {
          latencyMs: 0,
          failStatus: null,
          dropBeforeCommit: false,
          dropAfterCommit: false,
          uploadBytesPerSecond: null,
          unexpectedPage: false,
          unexpectedPageAfterCommit: false,
        };
      }
      const counters = rule as { [key: string]: number | undefined };
      const fails = takeNext(counters, 'failNext') || random() < (rule.failRate ?? 0);
      const dropBefore =
        !fails && (takeNext(counters, 'dropBeforeCommitNext') || random() < (rule.dropBeforeCommitRate ?? 0));
      const dropAfter =
        !fails &&
        !dropBefore &&
        (takeNext(counters, 'dropAfterCommitNext') || random() < (rule.dropAfterCommitRate ?? 0));
      const unexpectedPage = !fails && !dropBefore && !dropAfter && takeNext(counters, 'unexpectedPageNext');
      const unexpectedPageAfterCommit =
        !fails && !dropBefore && !dropAfter && !unexpectedPage && takeNext(counters, 'unexpectedPageAfterCommitNext');
      const decision: FaultDecision = {
        latencyMs: rule.latencyMs ?? 0,
        failStatus: fails ? (rule.failStatus ?? 500) : null,
        dropBeforeCommit: dropBefore,
        dropAfterCommit: dropAfter,
        uploadBytesPerSecond: rule.uploadBytesPerSecond ?? null,
        unexpectedPage,
        unexpectedPageAfterCommit,
      };
      const tally = count(endpoint);
      if (decision.latencyMs > 0) {
        tally.latency += 1;
      }
      if (decision.failStatus !== null) {
        tally.failed += 1;
      }
      if (decision.dropBeforeCommit) {
        tally.droppedBeforeCommit += 1;
      }
      if (decision.dropAfterCommit) {
        tally.droppedAfterCommit += 1;
      }
      if (decision.uploadBytesPerSecond !== null) {
        tally.throttledUploads += 1;
      }
      if (decision.unexpectedPage || decision.unexpectedPageAfterCommit) {
        tally.unexpectedPages += 1;
      }
      return decision;
    },
    counts: (): FaultCounts => structuredClone(counts),
  };
}

/** The faults in force. */
export type FaultInjector = ReturnType<typeof createFaultInjector>;
