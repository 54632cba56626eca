import type { EventName } from '../shared/channel-names';
import type { EventPayload } from '../shared/contract';
import type { Settings } from '../shared/domain';
import type { PreflightProgress, PreflightReport } from '../shared/preflight';

/**
 * The ports through which core reaches the world. Each host (Electron, browser mode, tests)
 * implements them; nothing in core knows which host it runs under.
 */

/** The time, injectable so tests can fix it. */
export interface Clock {
  now(): Date;
}

/** Where the user's settings live (electron-store in Electron, conf elsewhere; one file format). */
export interface SettingsStore {
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

/** Reads a PDF's facts, in a worker with time and memory limits in the real hosts. */
export interface PdfReader {
  readFacts(bytes: Uint8Array): Promise<PdfFacts>;
}

/** How one preflight run reports its progress, and how the caller stops it. */
export interface PreflightRun {
  readonly onProgress?: (progress: PreflightProgress) => void;
  readonly signal?: AbortSignal;
}

/**
 * Checks one PDF against the court's rules, in a worker with time and memory limits in the real hosts.
 * It never throws: a check that cannot finish (cancelled, too slow, crashed) is a report with verdict `error`.
 */
export interface Preflighter {
  preflight(bytes: Uint8Array, run: PreflightRun): Promise<PreflightReport>;
}

/** Sends an event to every renderer the host serves. */
export type EmitEvent = <E extends EventName>(event: E, payload: EventPayload<E>) => void;

/** The system clock. */
export const systemClock: Clock = { now: () => new Date() };
