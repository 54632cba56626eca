import type { Finding } from '../../../shared/preflight';
import type { InspectedPdf } from '../check';
import { describePages, dictionaryOf, distinctPages, itemsOf, valueOf } from '../dictionary-entries';

/**
 * Finds fillable forms: an AcroForm with fields, an XFA form, or form widgets on pages. NextGen CM/ECF 1.8
 * says "Fillable PDF forms must be flattened before filing"; some courts reject them, others accept them,
 * so the court profile decides whether this blocks (docs/court-rules.md#pdf-rules).
 */
export function findForms(pdf: InspectedPdf): Finding[] {
  const census = pdf.census;
  if (census === null) {
    return [];
  }
  const form = census.catalog === null ? null : dictionaryOf(census.catalog, 'AcroForm');
  const fieldCount = form === null ? 0 : itemsOf(form, 'Fields').length;
  const hasXfa = form !== null && valueOf(form, 'XFA') !== undefined;
  const widgets = census.annotations.filter((annotation) => annotation.subtype === 'Widget');
  if (fieldCount === 0 && !hasXfa && widgets.length === 0) {
    return [];
  }
  const pages = distinctPages(widgets.map((widget) => widget.page));
  const mustFlatten = pdf.options.formsMustBeFlattened;
  const parts = [
    ...(fieldCount > 0 ? [`${fieldCount} form field${fieldCount === 1 ? '' : 's'}`] : []),
    ...(hasXfa ? ['an XFA (LiveCycle) form'] : []),
    ...(pages.length > 0 ? [`fields on ${describePages(pages)}`] : []),
  ];
  return [
    {
      code: 'forms',
      severity: mustFlatten ? 'block' : 'warn',
      message:
        `This PDF is a fillable form (${parts.join(', ')}). ` +
        'NextGen CM/ECF asks that "Fillable PDF forms must be flattened before filing in CM/ECF"' +
        `${mustFlatten ? ', and this court rejects forms that are not flattened. ' : '; this court accepts them, but a flattened copy is safer. '}` +
        'Flattening turns the typed answers into ordinary page content so they cannot change or disappear. ECF Desk can flatten it; check the flattened copy before filing.',
      ...(pages.length > 0 ? { pages } : {}),
      fixes: ['flatten-forms'],
    },
  ];
}
