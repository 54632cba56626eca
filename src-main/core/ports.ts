import type { EventName } from '../shared/channel-names';
import type { EventPayload } from '../shared/contract';
import type { AnnotationsToDrop, Settings } from '../shared/domain';
import type { ErrorCode } from '../shared/errors';
import type { PreflightProgress, PreflightReport } from '../shared/preflight';

/**
 * The ports through which core reaches the world. Each host (Electron, browser mode, tests)
 * implements them; nothing in core knows which host it runs under.
 */

/** The time, injectable so tests can fix it. */
export interface Clock {
  now(): Date;
}

/** The user's settings file (electron-store in Electron, conf elsewhere; one file format), as core reads and writes it. */
export interface SettingsFile {
  read(): Settings;
  write(next: Settings): void;
}

/** A file the user picked through the host's own dialog; its bytes were read by main, never by the renderer. */
export interface ChosenFile {
  readonly name: string;
  readonly bytes: Uint8Array;
}

/** The host's open-file dialog. Browser mode has none: its renderer uploads the bytes instead. */
export interface FileChooser {
  choosePdfs(): Promise<readonly ChosenFile[]>;
}

/** What reading a PDF found: its page count, or why it could not be read. */
export type PdfFacts =
  | { readonly kind: 'pdf'; readonly pages: number }
  | { readonly kind: 'not-pdf' }
  | { readonly kind: 'unreadable'; readonly reason: string }
  | { readonly kind: 'timeout' };

/** How one preflight run reports its progress, and how the caller stops it. */
export interface PreflightRun {
  readonly onProgress?: (progress: PreflightProgress) => void;
  readonly signal?: AbortSignal;
  /** The firm's names as its signers give them: metadata naming only the firm is information (`PreflightOptions`). */
  readonly firmNames?: readonly string[];
}

/**
 * Checks one PDF against the court's rules, in a worker with time and memory limits in the real hosts.
 * It never throws: a check that cannot finish (cancelled, too slow, crashed) is a report with verdict `error`.
 */
export interface Preflighter {
  preflight(bytes: Uint8Array, run: PreflightRun): Promise<PreflightReport>;
}

/** A fix to make: a clean copy (optionally dropping annotations), the same with the form flattened, or a split under the court's limit. */
export type FixRequest =
  | { readonly fix: 'clean-copy' | 'flatten-forms'; readonly dropAnnotations: AnnotationsToDrop }
  | { readonly fix: 'split' };

/** One part of a split: the original's pages it holds, its name ("Part 1 of 3 (pages 1–120)") and its bytes. */
export interface FixedPart {
  readonly name: string;
  readonly firstPage: number;
  readonly lastPage: number;
  readonly bytes: Uint8Array;
}

/**
 * What a fix made: one new version with what it left out and what it could not fix, the parts of a split in
 * page order, or why it could not be made, in words for the person filing.
 */
export type FixOutcome =
  | {
      readonly kind: 'version';
      readonly bytes: Uint8Array;
      readonly removed: readonly string[];
      readonly notes: readonly string[];
    }
  | { readonly kind: 'parts'; readonly parts: readonly FixedPart[] }
  | { readonly kind: 'failed'; readonly code: Extract<ErrorCode, `fix.${string}`>; readonly message: string };

/**
 * Makes one-click fixes, in a worker with time and memory limits in the real hosts (a fix of a 55 MB file takes
 * seconds of CPU). It never throws: a fix that cannot be made or is cancelled is a `failed` outcome.
 */
export interface Fixer {
  fix(bytes: Uint8Array, request: FixRequest, run: { readonly signal?: AbortSignal }): Promise<FixOutcome>;
}

/** Sends an event to every renderer the host serves. */
export type EmitEvent = <E extends EventName>(event: E, payload: EventPayload<E>) => void;

/** The system clock. */
export const systemClock: Clock = { now: () => new Date() };

/** A training court the app started for itself. */
export interface RunningTrainingCourt {
  readonly url: string;
  /** Where its notices arrive (`<folder>/<address>/Maildir/new`), when it delivers to a Maildir. */
  readonly maildirFolder?: string;
  close(): Promise<void>;
}

/** Starts the embedded training court (its data under the app data folder); hosts without one pass null. */
export interface TrainingCourtLauncher {
  start(): Promise<RunningTrainingCourt>;
}

/** The desktop's own notifications (Electron's, in the desktop app); browser mode leaves them to the page. */
export interface DesktopNotifier {
  notify(title: string, body: string): void;
}

/** How a child process ended: its exit code, or the signal that stopped it. */
export interface ChildExit {
  readonly code: number | null;
  readonly signal: string | null;
}

/** A running child process of the app's own, spoken to by messages (structured clones: plain data and bytes). */
export interface ChildProcessHandle {
  send(message: unknown): void;
  onMessage(listener: (message: unknown) => void): void;
  /** Each piece of what the child wrote to its error output, as text. */
  onErrorOutput(listener: (text: string) => void): void;
  /** Once, after the process has ended and its error output has been read to the end. */
  onExit(listener: (exit: ChildExit) => void): void;
  /** Ends the process at once, whatever it is doing. */
  kill(): void;
}

/**
 * Starts one of the app's own scripts in a child process, where untrusted bytes are parsed: Node's `fork` in browser
 * mode, the CLI and tests; Electron's utility process in the desktop app (whose fuses turn off running as plain Node).
 */
export interface ChildProcessLauncher {
  launch(
    scriptPath: string,
    options: {
      readonly execArgv: readonly string[];
      readonly name: string;
      /** The script's own arguments: the jobs whose code the child loads as soon as it starts (none by default). */
      readonly preload?: readonly string[];
    },
  ): ChildProcessHandle;
}
