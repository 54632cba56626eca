import type { CourtProfileId } from '../../shared/domain';
import type { ErrorCode } from '../../shared/errors';
import type { Draft } from '../../shared/filing';
import type { PreflightProgress, PreflightReport } from '../../shared/preflight';
import type { ExpectedPage, FilingPage } from '../court/read-filing-page';
import type { PackagedDocument } from '../filing/draft-package';
import type { CourtPage } from '../inbox/free-look/read-court-page';
import type { MailFileErrorCode } from '../inbox/sources/mail-file-error';
import type { NoticeReading } from '../inbox/notice-reading';
import type { FixOutcome, PdfFacts } from '../ports';
import type { PreflightOptions } from '../preflight/check';
import type { FixTask } from '../preflight/fixes/make-fix';

/**
 * Every job done on untrusted bytes, and the bundle (beside the child script, in `dist/workers/`) that does it. A
 * child loads only these files, by these names: the parent names a job, never a path.
 */
export const isolatedTaskFiles = {
  'pdf-facts': 'pdf-facts.js',
  preflight: 'preflight.js',
  fix: 'fixes.js',
  notice: 'notices.js',
  msg: 'msg-files.js',
  'draft-package': 'draft-packages.js',
  'court-page': 'court-pages.js',
  'filing-page': 'filing-pages.js',
} as const;

/** A job's name. */
export type IsolatedTaskKind = keyof typeof isolatedTaskFiles;

/** What each job takes, gives back and reports on the way. Inputs and outputs are plain data and bytes. */
export interface IsolatedTaskTypes {
  'pdf-facts': { input: Uint8Array; output: PdfFacts; progress: never };
  preflight: {
    input: PreflightSource & { readonly options: PreflightOptions };
    output: PreflightReport;
    progress: PreflightProgress;
  };
  fix: { input: FixTask; output: FixOutcome; progress: never };
  notice: { input: Uint8Array; output: NoticeReading; progress: never };
  msg: { input: Uint8Array; output: MsgReading; progress: never };
  'draft-package': { input: Uint8Array; output: DraftPackageReading; progress: never };
  'court-page': { input: { readonly html: string; readonly url: string }; output: CourtPage; progress: never };
  'filing-page': {
    input: { readonly profileId: CourtProfileId; readonly html: string; readonly expected?: ExpectedPage };
    output: FilingPage;
    progress: never;
  };
}

/**
 * The document preflight reads: bytes the caller already has, or a file the child reads itself, so a 55 MB PDF is not
 * read by the parent and copied down the channel (`ecf-desk preflight`). A path is absolute; the child reads the file whole,
 * and one it cannot read gives the report `unreadableFileReport` (`preflight/unreadable-file.ts`).
 */
export type PreflightSource = { readonly bytes: Uint8Array } | { readonly file: { readonly path: string } };

/** An Outlook .msg rebuilt into its RFC 822 message, or why it cannot be. */
export type MsgReading =
  | { readonly kind: 'message'; readonly raw: Uint8Array; readonly deliveredAt: string | null }
  | { readonly kind: 'refused'; readonly code: MailFileErrorCode; readonly message: string };

/** A hand-off file's draft and its verified documents, or why it was refused. */
export type DraftPackageReading =
  | { readonly kind: 'package'; readonly draft: Draft; readonly documents: readonly PackagedDocument[] }
  | { readonly kind: 'refused'; readonly code: ErrorCode; readonly message: string };

/** The input of a job. */
export type TaskInput<K extends IsolatedTaskKind> = IsolatedTaskTypes[K]['input'];
/** The output of a job. */
export type TaskOutput<K extends IsolatedTaskKind> = IsolatedTaskTypes[K]['output'];
/** A job's progress report. */
export type TaskProgress<K extends IsolatedTaskKind> = IsolatedTaskTypes[K]['progress'];

/**
 * One job as its bundle exports it (`export default`): the work, and which progress reports must always reach the
 * screen (a new phase, the first and last page) whatever the throttle drops between them.
 */
export interface IsolatedTask<K extends IsolatedTaskKind> {
  run(input: TaskInput<K>, reportProgress: (progress: TaskProgress<K>) => void): Promise<TaskOutput<K>>;
  isMilestone?(progress: TaskProgress<K>): boolean;
}

/** Gives a job's implementation its type: `export default isolatedTask('preflight', { run: … })`. */
export function isolatedTask<K extends IsolatedTaskKind>(_kind: K, task: IsolatedTask<K>): IsolatedTask<K> {
  return task;
}

/** Messages from the parent to a child. */
export type ToChild =
  /** Load these jobs' code now, so the first task does not wait for it. */
  | { readonly kind: 'preload'; readonly tasks: readonly IsolatedTaskKind[] }
  /** Run one job; the child's memory may not grow past `memoryLimitMb` while it does. */
  | {
      readonly kind: 'task';
      readonly id: number;
      readonly task: IsolatedTaskKind;
      readonly input: unknown;
      readonly memoryLimitMb: number;
    };

/** Messages from a child to the parent. */
export type FromChild =
  | { readonly kind: 'ready' }
  | { readonly kind: 'progress'; readonly id: number; readonly value: unknown }
  /** The job's answer, with the child's memory now and at its highest, so the pool can retire a child grown large. */
  | {
      readonly kind: 'result';
      readonly id: number;
      readonly value: unknown;
      readonly rssMb: number;
      readonly peakRssMb: number;
    }
  /** The job threw: a bug or a parser's own error, not a crash of the child. */
  | { readonly kind: 'failed'; readonly id: number; readonly reason: string }
  /** What a library printed to the console while a job ran: for the app's log, never a terminal or a user. */
  | { readonly kind: 'log'; readonly line: string };

/** The line a child writes to its error output just before its memory guard stops it. */
export const memoryLimitMarker = 'ecf-desk-child: memory limit reached';
