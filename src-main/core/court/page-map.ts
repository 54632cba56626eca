import { z } from 'zod';
import type { PageOutline } from '../html/read-page-outline';
import type { CourtProfileId } from '../../shared/domain';
import citTrainingPages from './profiles/cit-training.pages.json';

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

/** The steps of a filing whose pages a page map names, in the order the court shows them. */
export const filingSteps = ['filer', 'documents', 'related', 'docket-text', 'final-text', 'receipt'] as const;
/** A step of a filing, as the page map names its page. */
export type FilingStep = (typeof filingSteps)[number];

/** A court's page map: one rule per step, kept as data (`profiles/<court>.pages.json`). */
export const pageMap = z
  .object({
    court: z.string().min(1).max(100),
    description: z.string().max(1000).optional(),
    pages: z.object(
      Object.fromEntries(filingSteps.map((step) => [step, pageRule])) as Record<FilingStep, typeof pageRule>,
    ),
  })
  .strict();
/** A court's page map. */
export type PageMap = z.infer<typeof pageMap>;

/** The page maps shipped with the app, read and checked once. */
const shippedPageMaps: Partial<Record<CourtProfileId, PageMap>> = {
  'cit-training': pageMap.parse(citTrainingPages),
};

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
