import { z } from 'zod';

/** Every finding preflight can report, each with a stable code (tests, the CLI's JSON and the UI rely on them). */
export const findingCodes = [
  'not-pdf',
  'malformed',
  'too-large',
  'encrypted',
  'active-content',
  'embedded-files',
  'multimedia',
  'bad-redaction',
  'hidden-text',
  'unapplied-redaction',
  'earlier-revisions',
  'metadata',
  'hidden-layers',
  'annotations',
  'forms',
  'image-only-pages',
  'low-resolution',
  'links',
  'fonts-not-embedded',
  'page-size',
] as const;
/** A finding's code. */
export type FindingCode = (typeof findingCodes)[number];

/** block: the court would reject it (or it leaks); warn: worth a look before filing; info: for the record. */
export const severity = z.enum(['block', 'warn', 'info']);
/** How serious a finding is. */
export type Severity = z.infer<typeof severity>;

/** A rectangle on a page, in PDF user-space points (origin bottom-left), for drawing over a preview. */
export const pageBox = z.object({
  page: z.number().int().positive(),
  x0: z.number(),
  y0: z.number(),
  x1: z.number(),
  y1: z.number(),
});
/** A box on a page. */
export type PageBox = z.infer<typeof pageBox>;

/** The one-click fixes a finding may offer. */
export const fixId = z.enum(['clean-copy', 'split', 'flatten-forms']);
/** A fix's id. */
export type FixId = z.infer<typeof fixId>;

/** One thing preflight found: what, why the court cares and what to do (in `message`), where, and the fixes that apply. */
export const finding = z.object({
  code: z.enum(findingCodes),
  severity,
  message: z.string(),
  pages: z.array(z.number().int().positive()).optional(),
  boxes: z.array(pageBox).optional(),
  text: z.array(z.string()).optional(),
  fixes: z.array(fixId).optional(),
});
/** A finding. */
export type Finding = z.infer<typeof finding>;

/** pass: nothing to fix; warn: only warnings; block: the court would reject it; error: preflight could not run. */
export const verdict = z.enum(['pass', 'warn', 'block', 'error']);
/** The overall outcome. */
export type Verdict = z.infer<typeof verdict>;

/** What preflight says about one document. */
export const preflightReport = z.object({
  bytes: z.number().int().nonnegative(),
  pages: z.number().int().nonnegative().nullable(),
  verdict,
  findings: z.array(finding),
  /** With verdict `error`: why preflight could not finish, in plain words. */
  error: z.string().optional(),
});
/** A preflight report. */
export type PreflightReport = z.infer<typeof preflightReport>;

/** How far preflight is on one document: reading its structure, going through its pages, then the checks. */
export const preflightProgress = z.object({
  phase: z.enum(['reading', 'pages', 'checking']),
  pagesDone: z.number().int().nonnegative(),
  pageCount: z.number().int().nonnegative(),
});
/** Progress of one preflight. */
export type PreflightProgress = z.infer<typeof preflightProgress>;
