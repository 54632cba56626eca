import { z } from 'zod';
import { preflightProgress, preflightReport } from './preflight';

/** Why a document cannot be used, in words for a paralegal (what, why the court cares, what to do). */
export const documentProblem = z.object({
  code: z.enum(['document.empty', 'document.not-pdf', 'document.unreadable', 'document.timeout']),
  message: z.string(),
});
/** A problem found while reading an added document. */
export type DocumentProblem = z.infer<typeof documentProblem>;

/**
 * Where a document's preflight stands. A file that is not a usable PDF is never checked; a check the user
 * cancelled leaves `cancelled` (not checked) until it is run again; `done` carries the stored report.
 */
export const documentPreflight = z.discriminatedUnion('state', [
  z.object({ state: z.literal('not-applicable') }),
  z.object({ state: z.literal('waiting') }),
  z.object({ state: z.literal('running') }),
  z.object({ state: z.literal('cancelled') }),
  z.object({ state: z.literal('done'), report: preflightReport }),
]);
/** A document's preflight state. */
export type DocumentPreflight = z.infer<typeof documentPreflight>;

/** A document the user added: its facts, a problem instead of a page count when it is not usable, and its preflight. */
export const documentRecord = z.object({
  id: z.string(),
  name: z.string(),
  bytes: z.number().int().nonnegative(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  pages: z.number().int().positive().nullable(),
  addedAt: z.string(),
  problem: documentProblem.nullable(),
  preflight: documentPreflight,
});
/** A document in the list. */
export type DocumentRecord = z.infer<typeof documentRecord>;

/** The stages of adding a document, reported as progress. */
export const addPhase = z.enum(['uploading', 'hashing', 'storing', 'reading-pages', 'done']);
/** One stage of adding a document. */
export type AddPhase = z.infer<typeof addPhase>;

/** Progress of one add, keyed by the job id the renderer chose. */
export const addProgress = z.object({
  jobId: z.string(),
  name: z.string(),
  phase: addPhase,
  fraction: z.number().min(0).max(1),
});
/** A progress report for one add. */
export type AddProgress = z.infer<typeof addProgress>;

/** How far the preflight of one stored document is (streamed while it runs; never stored). */
export const documentPreflightProgress = z.object({
  documentId: z.string(),
  progress: preflightProgress,
});
/** A progress report for one document's preflight. */
export type DocumentPreflightProgress = z.infer<typeof documentPreflightProgress>;

/** Where the app runs and where it keeps its data. */
export const appInfo = z.object({
  name: z.string(),
  version: z.string(),
  host: z.enum(['electron', 'browser']),
  dataFolder: z.string(),
});
/** Facts about the running app. */
export type AppInfo = z.infer<typeof appInfo>;

/** The user's settings that the app keeps today. Secrets never live here. */
export const settings = z.object({
  documentsSort: z.enum(['added', 'name', 'size']),
});
/** The user's settings. */
export type Settings = z.infer<typeof settings>;

/** The settings a new user starts with. */
export const defaultSettings: Settings = { documentsSort: 'added' };
