import type { Settings } from '../../shared/domain';
import { runInBackground } from '../background';
import { applyPolicyToSettings, isSettingLocked, settingsToSave } from './apply-policy';
import { defaultPolicySources } from './default-sources';
import { mergePolicy, unmanagedPolicy, type EffectivePolicy, type SourceReading } from './merge-policy';
import type { PolicyLog, PolicySource } from './policy-source';
import { describeError } from '../../shared/describe-error';

/** What the app needs to read machine policy; `sources` and `pollIntervalMs` are replaced in tests. */
export interface PolicyOptions {
  readonly platform: NodeJS.Platform;
  readonly sources?: readonly PolicySource[];
  readonly log: PolicyLog;
  /** Called after a refresh that changed what is managed (never for the first refresh). */
  readonly onChange?: (effective: EffectivePolicy) => void;
  readonly pollIntervalMs?: number;
}

/** The machine policy in force, and how it bears on the user's settings. */
export interface Policy {
  /** Every key's value and the keys a source manages (for `settings.managed`). */
  effective(): EffectivePolicy;
  /** The user's settings with the policy put over them. */
  applyTo(settings: Settings): Settings;
  /** Whether the user may not change this setting. */
  isLocked(settingKey: string): boolean;
  /** What to save from settings the user edited: locked values and the policy's mailbox are not the user's to save. */
  settingsToSave(next: Settings, stored: Settings): Settings;
  /** Reads every source again. */
  refresh(): Promise<void>;
  /** Watches the Linux file, polls the others (every 60 s), and refreshes when they change. */
  watch(): void;
  /** Stops watching and reading; resolves once a read under way has ended. */
  close(): Promise<void>;
}

const settleMs = 200;

/**
 * Machine policy for this platform. Nothing is managed until the first `refresh()`. Log lines about a bad
 * or unknown value are written once, not again at every poll while nothing changes.
 */
export function createPolicy(options: PolicyOptions): Policy {
  const { log, onChange, pollIntervalMs = 60_000 } = options;
  let loggedBefore = new Set<string>();
  let loggedNow = new Set<string>();
  const logOnce: PolicyLog = (line) => {
    loggedNow.add(line);
    if (!loggedBefore.has(line)) {
      log(line);
    }
  };
  const sources = options.sources ?? defaultPolicySources(options.platform, logOnce);
  let current = unmanagedPolicy();
  let hasRefreshed = false;
  let queue: Promise<void> = Promise.resolve();
  let stops: (() => void)[] = [];
  let settleTimer: NodeJS.Timeout | undefined;
  let isClosed = false;

  async function readAll(): Promise<void> {
    loggedBefore = loggedNow;
    loggedNow = new Set();
    const readings = await Promise.all(sources.map(readSource));
    const { effective, problems } = mergePolicy(readings);
    problems.forEach(logOnce);
    const isChanged = JSON.stringify(effective.managed) !== JSON.stringify(current.managed);
    current = effective;
    if (isChanged && hasRefreshed) {
      onChange?.(effective);
    }
    hasRefreshed = true;
  }

  async function readSource(source: PolicySource): Promise<SourceReading> {
    try {
      return { source: source.name, values: await source.read() };
    } catch (error) {
      logOnce(`Policy: could not read ${source.name} (${describeError(error).message}).`);
      return { source: source.name, values: {} };
    }
  }

  function refresh(): Promise<void> {
    queue = queue.then(() => (isClosed ? undefined : readAll()));
    return queue;
  }

  function refreshSoon(): void {
    clearTimeout(settleTimer);
    // File tools write in several steps (and fs.watch reports each); one read once they are done.
    settleTimer = setTimeout(() => runInBackground('Policy: reading machine policy', refresh(), log), settleMs);
  }

  return {
    effective: () => current,
    applyTo: (settings) => applyPolicyToSettings(current, settings),
    isLocked: (settingKey) => isSettingLocked(current, settingKey),
    settingsToSave: (next, stored) => settingsToSave(current, next, stored),
    refresh,
    watch() {
      if (stops.length > 0 || isClosed) {
        return;
      }
      let mustPoll = false;
      for (const source of sources) {
        const stop = source.watch?.(refreshSoon) ?? null;
        if (stop === null) {
          mustPoll = true;
        } else {
          stops.push(stop);
        }
      }
      if (mustPoll) {
        const timer = setInterval(
          () => runInBackground('Policy: reading machine policy', refresh(), log),
          pollIntervalMs,
        );
        timer.unref();
        stops.push(() => clearInterval(timer));
      }
    },
    async close() {
      isClosed = true;
      clearTimeout(settleTimer);
      stops.forEach((stop) => stop());
      stops = [];
      await queue;
    },
  };
}
