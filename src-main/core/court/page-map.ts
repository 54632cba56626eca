import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { PageOutline } from '../html/read-page-outline';
import { maxPageMapBytes, type CourtProfileId } from '../../shared/domain';
import citTrainingPages from './profiles/cit-training.pages.json';
import citPages from './profiles/cit.pages.json';

/**
 * How a person recognises one page of a court's filing transaction (docs/court-pages.md#the-page-map): a heading it
 * shows, the names of fields one of its forms asks for, words it says. Every part given must hold.
 */
export const pageRule = z
  .object({
    heading: z.string().min(1).max(200).optional(),
    fields: z.array(z.string().min(1).max(100)).max(50).optional(),
    words: z.array(z.string().min(1).max(200)).max(20).optional(),
  })
  .strict()
  .refine((rule) => rule.heading !== undefined || (rule.fields?.length ?? 0) > 0 || (rule.words?.length ?? 0) > 0, {
    message: 'A page rule needs a heading, fields or words: an empty rule would match any page.',
  });
/** How one page is recognised. */
export type PageRule = z.infer<typeof pageRule>;

/**
 * The steps of a filing whose pages a page map names. A page is recognised as the first step, in this order, whose
 * rule it matches: the screens told apart by their forms first, the menu of event categories (a heading alone) last.
 */
export const filingSteps = [
  'case',
  'new-case',
  'events',
  'filer',
  'documents',
  'attachments',
  'joint-filing',
  'related',
  'docket-text',
  'fee',
  'final-text',
  'receipt',
  'categories',
] as const;
/** A step of a filing, as the page map names its page. */
export type FilingStep = (typeof filingSteps)[number];

const fieldName = z.string().min(1).max(100);

/**
 * The names of the fields a filing fills, by what they hold (docs/court-pages.md#the-page-map). `{n}` in an attachment's
 * names is its row: the first attachment is row `firstAttachment`, the next one after it.
 */
export const pageFields = z
  .object({
    event: fieldName,
    caseNumber: fieldName,
    caseIds: fieldName,
    caption: fieldName,
    newPartyId: fieldName,
    newPartyName: fieldName,
    newPartyRole: fieldName,
    party: fieldName,
    mainDocument: fieldName,
    complaintDocument: fieldName,
    attachmentFile: fieldName.includes('{n}'),
    attachmentDescription: fieldName.includes('{n}'),
    firstAttachment: z.number().int().min(0).max(1000),
    attachmentsQuestion: fieldName,
    jointFiling: fieldName,
    referToExisting: fieldName,
    related: fieldName,
    freeText: fieldName,
    feeAcknowledged: fieldName,
  })
  .strict();
/** The fields a filing fills, by name. */
export type PageFields = z.infer<typeof pageFields>;

/**
 * A court's page map, kept as data (`profiles/<court>.pages.json`): where a filing starts (the court's events menu),
 * one rule per step, and the fields each step fills.
 */
export const pageMap = z
  .object({
    court: z.string().min(1).max(100),
    description: z.string().max(1000).optional(),
    start: z
      .string()
      .max(300)
      .regex(/^\/[^/]/, 'The start is a path on the court (it begins with one slash).'),
    pages: z
      .object(Object.fromEntries(filingSteps.map((step) => [step, pageRule])) as Record<FilingStep, typeof pageRule>)
      .strict(),
    fields: pageFields,
  })
  .strict();
/** A court's page map. */
export type PageMap = z.infer<typeof pageMap>;

/**
 * The page maps shipped with the app, read and checked once: the training court's (tested end to end) and the CIT's
 * (experimental: not tested against the live court, which ECF Desk does not file with in this version).
 */
const shippedPageMaps: Partial<Record<CourtProfileId, PageMap>> = {
  'cit-training': pageMap.parse(citTrainingPages),
  cit: pageMap.parse(citPages),
};

/**
 * A page map from a file's text (firm IT's own, written by `ecf-desk capture` or by hand), checked as a shipped one is;
 * an error saying what is wrong otherwise.
 */
export function readPageMap(text: string): PageMap {
  if (text.length > maxPageMapBytes) {
    throw new Error(`A page map is at most ${maxPageMapBytes / 1024} KB; this one is larger.`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new Error(`The page map is not JSON (${error instanceof Error ? error.message : String(error)}).`, {
      cause: error,
    });
  }
  const parsed = pageMap.safeParse(value);
  if (!parsed.success) {
    const [issue] = parsed.error.issues;
    throw new Error(
      `The page map is not valid: ${issue?.path.join('.') || 'the map'}: ${issue?.message ?? 'invalid'}.`,
    );
  }
  return parsed.data;
}

/** The page map of a court profile, or null where the app has none. */
export function pageMapOf(profileId: CourtProfileId): PageMap | null {
  return shippedPageMaps[profileId] ?? null;
}

/** Whether a page shows what the rule says: the heading among its headings, the fields in one form, the words. */
export function matchesPage(rule: PageRule, page: PageOutline): boolean {
  if (rule.heading !== undefined && !page.headings.some((heading) => heading.trim() === rule.heading)) {
    return false;
  }
  const fields = rule.fields ?? [];
  if (
    fields.length > 0 &&
    !page.forms.some((form) => fields.every((name) => form.fields.some((field) => field.name === name)))
  ) {
    return false;
  }
  return (rule.words ?? []).every((words) => page.text.includes(words));
}

/** The step whose page this is, by the page map, or null when it matches none. */
export function recognisePage(map: PageMap, page: PageOutline): FilingStep | null {
  return filingSteps.find((step) => matchesPage(map.pages[step], page)) ?? null;
}

/**
 * A page map's fingerprint: the SHA-256 of its JSON as read (the file's spacing and key order do not count). Screens
 * confirmed with one map are not confirmed with another, however small the change (docs/court-pages.md#confirming-screens).
 */
export function pageMapDigest(map: PageMap): string {
  return createHash('sha256').update(JSON.stringify(map)).digest('hex');
}

/** The page maps tested end to end in this version, by fingerprint: the training court's as shipped. */
const testedDigests: ReadonlySet<string> = new Set([pageMapDigest(shippedPageMaps['cit-training'] as PageMap)]);

/**
 * Whether a page map is one this version is tested with end to end (the training court's as shipped, or a copy saying
 * exactly the same); any other map's screens are confirmed by the user on first use (docs/court-pages.md#confirming-screens).
 */
export function isTestedPageMap(map: PageMap): boolean {
  return testedDigests.has(pageMapDigest(map));
}
