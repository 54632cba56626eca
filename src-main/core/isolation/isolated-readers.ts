import { stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import type { PreflightReport } from '../../shared/preflight';
import { AppError } from '../errors';
import type { DraftPackageReader } from '../filing/draft-package';
import { CourtUnavailableError } from '../court/filing-driver';
import type { FilingPageReader } from '../court/read-filing-page';
import { readingOf, type DocumentReader } from '../documents/read-document';
import type { PdfPageCounter } from '../documents/read-pdf-facts';
import type { CourtPage, CourtPageReader } from '../inbox/free-look/read-court-page';
import type { NoticeParser, NoticeReading } from '../inbox/notice-reading';
import { MailFileError } from '../inbox/sources/mail-file-error';
import type { MsgConverter } from '../inbox/sources/msg-to-rfc822';
import type { ChildProcessLauncher, Fixer, FixOutcome, Preflighter, PreflightRun } from '../ports';
import { citPreflightOptions, type PreflightOptions } from '../preflight/check';
import { childHeapMb, documentsPoolName } from './child-start';
import { createChildPool, type ChildPool, type TaskFailure, type TaskLimits, type TaskOutcome } from './child-pool';
import type { IsolatedTaskKind, PreflightSource, TaskInput, TaskOutput, TaskProgress } from './isolated-tasks';
import { nodeChildLauncher } from './node-child-launcher';

/**
 * The limits of each job. A whole document gets a minute to be checked and three to be fixed (a fix of a 55 MB
 * filing takes 4–13 s of CPU); every job stays under 1.5 GB of memory, buffers included.
 */
export const defaultTaskLimits: Readonly<Record<IsolatedTaskKind, TaskLimits>> = {
  'pdf-facts': { timeoutMs: 30_000, maxMemoryMb: 1024 },
  preflight: { timeoutMs: 60_000, maxMemoryMb: 1536 },
  fix: { timeoutMs: 180_000, maxMemoryMb: 1536 },
  notice: { timeoutMs: 20_000, maxMemoryMb: 512 },
  msg: { timeoutMs: 20_000, maxMemoryMb: 512 },
  'draft-package': { timeoutMs: 60_000, maxMemoryMb: 1536 },
  'court-page': { timeoutMs: 10_000, maxMemoryMb: 512 },
  'filing-page': { timeoutMs: 20_000, maxMemoryMb: 512 },
};

/**
 * What core reads from untrusted bytes (security rules: PDFs and emails are hostile input). The hosts pass the
 * child-process readers below; tests may pass readers that work in process.
 */
export interface UntrustedReaders {
  /** Reads an added document once: its preflight report, and from that same pass its page count or why it cannot be used. */
  readonly readDocument: DocumentReader;
  /** Preflight against the CIT's profile (the training court and the first real court are both the CIT). */
  readonly preflighter: Preflighter;
  readonly fixer: Fixer;
  readonly noticeParser: NoticeParser;
  /** Rebuilds an Outlook .msg into its RFC 822 message; throws `MailFileError` for a file it cannot read. */
  readonly convertMsg: MsgConverter;
  /** Reads a hand-off file (`.ecfdraft`); throws `AppError` for one that is damaged, too large or not a package. */
  readonly readDraftPackage: DraftPackageReader;
  /** Tells what a page a court answered with is (a receipt, a login, a document menu…); never throws. */
  readonly readCourtPage: CourtPageReader;
  /** The pages of a PDF a court sent (what viewing it again would cost), or null when it cannot be read. */
  readonly countPdfPages: PdfPageCounter;
  /** Reads a page of the court's filing surface; throws `CourtUnavailableError` when it cannot be read safely. */
  readonly readFilingPage: FilingPageReader;
}

/** The untrusted readers, each job in a child process within its limits. */
export interface IsolatedReaders extends UntrustedReaders {
  /** Preflight against any court's options (the CLI's `--limit-mb`). */
  preflight(bytes: Uint8Array, options: PreflightOptions, run?: PreflightRun): Promise<PreflightReport>;
  /**
   * The same for a file the child reads itself (the CLI's), so the parent never holds its bytes; a file that cannot be
   * read gets `unreadableFileReport`.
   */
  preflightFile(filePath: string, options: PreflightOptions, run?: PreflightRun): Promise<PreflightReport>;
  /** Starts the children for these jobs (every job, when none is named) now rather than at the first task. */
  warmUp(...jobs: IsolatedTaskKind[]): void;
  /** The most memory any child has used so far, in MB. */
  peakChildMemoryMb(): number;
  /** Cancels what runs and resolves once every child has ended. */
  close(): Promise<void>;
}

/** What the readers need: the child script, and how to start it (Node's fork unless the host has its own). */
export interface IsolatedReadersOptions {
  /** `dist/workers/isolated-child.js`, beside the bundles of each job. */
  readonly scriptPath: string;
  readonly launcher?: ChildProcessLauncher;
  /** The court's per-file limit, for splits (CIT: 50 MB, FAQ 48). */
  readonly limitBytes?: number;
  /** Tests shorten them. */
  readonly limits?: Partial<Record<IsolatedTaskKind, TaskLimits>>;
  /**
   * Whether each pool keeps a child started ahead of need (default true). A command that runs its jobs and exits
   * says false: a child started to replace one that ended would only be stopped again.
   */
  readonly keepsChildWarm?: boolean;
  readonly log?: (line: string, level: 'warn' | 'debug') => void;
}

const failureReasons: Readonly<Record<Exclude<TaskFailure['kind'], 'crashed'>, string>> = {
  timeout: 'it took longer than it may',
  'out-of-memory': 'it needed more memory than one file may use',
  cancelled: 'it was cancelled',
};

/** Which pool runs a job: documents take seconds of CPU, mail must not wait behind them. */
const laneOf: Readonly<Record<IsolatedTaskKind, 'documents' | 'mail'>> = {
  'pdf-facts': 'documents',
  preflight: 'documents',
  fix: 'documents',
  notice: 'mail',
  msg: 'mail',
  'draft-package': 'mail',
  'court-page': 'mail',
  'filing-page': 'mail',
};
const allJobs = Object.keys(laneOf) as IsolatedTaskKind[];

/** A file's size, for the report of a check that failed (the parent never read it); 0 when it cannot be seen either. */
async function sizeOf(filePath: string): Promise<number> {
  try {
    return (await stat(filePath)).size;
  } catch {
    return 0;
  }
}

function describe(failure: TaskFailure): string {
  return failure.kind === 'crashed'
    ? `the process reading it stopped (${failure.reason})`
    : failureReasons[failure.kind];
}

/**
 * Builds the readers over two pools of children: one for documents (preflight, fixes, PDF facts; as many at once as
 * there are cores) and one for mail (notices), so a long check never holds up an arriving notice. Each pool starts
 * on first use, or at `warmUp`, and then keeps one child ready.
 */
export function createIsolatedReaders(options: IsolatedReadersOptions): IsolatedReaders {
  const limits = { ...defaultTaskLimits, ...options.limits };
  const cores = Math.max(1, availableParallelism());
  const pools = new Map<'documents' | 'mail', ChildPool>();
  let isClosed = false;
  const poolFor = (lane: 'documents' | 'mail'): ChildPool => {
    let pool = pools.get(lane);
    if (!pool) {
      pool = createChildPool({
        name: lane === 'documents' ? documentsPoolName : 'ECF Desk mail',
        scriptPath: options.scriptPath,
        launcher: options.launcher ?? nodeChildLauncher,
        slots: lane === 'documents' ? cores : Math.min(2, cores),
        preload: lane === 'documents' ? ['preflight'] : ['notice', 'court-page'],
        heapMb: childHeapMb,
        warm: options.keepsChildWarm === false ? 0 : 1,
        ...(options.log ? { log: options.log } : {}),
      });
      pools.set(lane, pool);
    }
    return pool;
  };
  const run = <K extends IsolatedTaskKind>(
    kind: K,
    input: TaskInput<K>,
    extra: {
      readonly signal?: AbortSignal | undefined;
      readonly onProgress?: ((progress: TaskProgress<K>) => void) | undefined;
    } = {},
    lane: 'documents' | 'mail' = laneOf[kind],
  ): Promise<TaskOutcome<TaskOutput<K>>> => {
    if (isClosed) {
      return Promise.resolve({ ok: false, failure: { kind: 'cancelled' } });
    }
    return poolFor(lane).run(kind, input, {
      limits: limits[kind],
      ...(extra.signal ? { signal: extra.signal } : {}),
      ...(extra.onProgress ? { onProgress: extra.onProgress } : {}),
    });
  };

  // The CIT's profile, with the firm names this run knows: plain strings, so they travel to the child as data.
  const withFirmNames = (runOptions: PreflightRun = {}): PreflightOptions => ({
    ...citPreflightOptions,
    firmNames: [...(runOptions.firmNames ?? [])],
  });

  const preflight = async (
    source: PreflightSource,
    preflightOptions: PreflightOptions,
    runOptions: PreflightRun = {},
  ): Promise<PreflightReport> => {
    const outcome = await run('preflight', { ...source, options: preflightOptions }, runOptions);
    if (outcome.ok) {
      return outcome.value;
    }
    const advice =
      outcome.failure.kind === 'cancelled'
        ? 'Run it again when you are ready.'
        : 'A file this hard to read may also be refused by the court; save it again as a new PDF and check that copy.';
    return {
      bytes: 'bytes' in source ? source.bytes.byteLength : await sizeOf(source.file.path),
      pages: null,
      verdict: 'error',
      findings: [],
      error: `ECF Desk could not check this PDF safely: ${describe(outcome.failure)}. ${advice}`,
    };
  };

  return {
    async readDocument(bytes, runOptions) {
      // The job `ecf-desk preflight` runs, so the app and the command line read every file alike.
      const outcome = await run('preflight', { bytes, options: withFirmNames(runOptions) }, runOptions);
      if (outcome.ok) {
        return readingOf(outcome.value);
      }
      return outcome.failure.kind === 'timeout'
        ? { kind: 'timeout' }
        : { kind: 'unreadable', reason: `this file could not be read safely: ${describe(outcome.failure)}` };
    },
    preflighter: { preflight: (bytes, runOptions) => preflight({ bytes }, withFirmNames(runOptions), runOptions) },
    preflight: (bytes, preflightOptions, runOptions) => preflight({ bytes }, preflightOptions, runOptions),
    // Absolute, so the child reads the file the caller named whatever its own working folder; an empty name stays one.
    preflightFile: (filePath, preflightOptions, runOptions) =>
      preflight({ file: { path: filePath === '' ? '' : path.resolve(filePath) } }, preflightOptions, runOptions),
    fixer: {
      async fix(bytes, request, runOptions): Promise<FixOutcome> {
        const outcome = await run(
          'fix',
          { bytes, request, limitBytes: options.limitBytes ?? citPreflightOptions.limitBytes },
          runOptions,
        );
        if (outcome.ok) {
          return outcome.value;
        }
        if (outcome.failure.kind === 'cancelled') {
          return {
            kind: 'failed',
            code: 'fix.cancelled',
            message: 'The fix was cancelled. The original PDF is unchanged.',
          };
        }
        return {
          kind: 'failed',
          code: 'fix.stopped',
          message:
            `ECF Desk could not make the fix safely: ${describe(outcome.failure)}. The original PDF is unchanged. ` +
            'A file this hard to process may also trouble the court; re-create the PDF from the original document (or print it to the "Adobe PDF" printer) and add that copy.',
        };
      },
    },
    noticeParser: {
      async parse(raw): Promise<NoticeReading> {
        const outcome = await run('notice', raw);
        if (outcome.ok) {
          return outcome.value;
        }
        return { kind: 'unreadable', reason: `it could not be read safely: ${describe(outcome.failure)}` };
      },
    },
    async convertMsg(bytes) {
      const outcome = await run('msg', bytes);
      if (!outcome.ok) {
        throw new MailFileError(
          'mail-file.unreadable-msg',
          `This .msg file could not be read safely: ${describe(outcome.failure)}. Save the email from Outlook again, or as .eml.`,
        );
      }
      if (outcome.value.kind === 'refused') {
        throw new MailFileError(outcome.value.code, outcome.value.message);
      }
      return {
        raw: Buffer.from(outcome.value.raw.buffer, outcome.value.raw.byteOffset, outcome.value.raw.byteLength),
        deliveredAt: outcome.value.deliveredAt === null ? null : new Date(outcome.value.deliveredAt),
      };
    },
    async readDraftPackage(bytes) {
      const outcome = await run('draft-package', bytes);
      if (!outcome.ok) {
        throw new AppError(
          outcome.failure.kind === 'out-of-memory' ? 'package.too-large' : 'package.damaged',
          `This draft package could not be read safely: ${describe(outcome.failure)}. Ask for the draft to be exported again.`,
        );
      }
      if (outcome.value.kind === 'refused') {
        throw new AppError(outcome.value.code, outcome.value.message);
      }
      return { draft: outcome.value.draft, documents: [...outcome.value.documents] };
    },
    async readCourtPage(html, url): Promise<CourtPage> {
      const outcome = await run('court-page', { html, url });
      if (outcome.ok) {
        return outcome.value;
      }
      return { kind: 'unknown', title: `a page ECF Desk could not read safely (${describe(outcome.failure)})` };
    },
    async readFilingPage(profileId, html, expected) {
      const outcome = await run('filing-page', { profileId, html, ...(expected ? { expected } : {}) });
      if (outcome.ok) {
        return outcome.value;
      }
      throw new CourtUnavailableError(`The court's page could not be read safely: ${describe(outcome.failure)}.`);
    },
    async countPdfPages(bytes) {
      // In the mail pool: a notice's document is counted as it arrives, not after the documents queued for checking.
      const outcome = await run('pdf-facts', bytes, {}, 'mail');
      return outcome.ok && outcome.value.kind === 'pdf' ? outcome.value.pages : null;
    },
    warmUp: (...jobs) => {
      if (isClosed) {
        return;
      }
      for (const lane of new Set((jobs.length > 0 ? jobs : allJobs).map((job) => laneOf[job]))) {
        poolFor(lane);
      }
    },
    peakChildMemoryMb: () => Math.max(0, ...[...pools.values()].map((pool) => pool.stats().peakChildRssMb)),
    async close() {
      isClosed = true;
      await Promise.all([...pools.values()].map((pool) => pool.close()));
    },
  };
}
