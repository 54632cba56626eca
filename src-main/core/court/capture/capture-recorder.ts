import { readPageOutline, type PageField, type PageForm, type PageOutline } from '../../html/read-page-outline';
import { tokenizeHtml } from '../../html/tokenize-html';
import { filingSteps, pageMap, type FilingStep, type PageFields, type PageMap, type PageRule } from '../page-map';

/**
 * What `ecf-desk capture` keeps while someone files by hand (docs/court-pages.md#capturing-a-page-map): the structure
 * of each page the court served (its forms, field names and types, headings and the words it says) and, for each form
 * posted, which fields were filled. Values posted are looked at only to tell filled fields from untouched ones and to
 * keep the filing's own words out of the draft; none is kept in the draft or written anywhere.
 */

/** One field as a form posted it: a file (its name and size only) or text. */
export interface PostedField {
  readonly name: string;
  readonly isFile: boolean;
  /** A text field's value, or a file's name. */
  readonly value: string;
  readonly size: number;
}

/** One page the court served, as captured. */
interface CapturedPage {
  readonly method: 'GET' | 'POST';
  /** The path and query it was asked for. */
  readonly path: string;
  readonly outline: PageOutline;
  /** The page's runs of words between tags, in order (its sentences and labels). */
  readonly runs: readonly string[];
  /** The form posted from this page, with what was filled; null while none was. */
  posted: { readonly form: PageForm; readonly filled: readonly PageField[] } | null;
}

/** The most pages one capture keeps (a filing is a dozen screens; a person may wander). */
export const maxCapturedPages = 200;
/** Words a rule may take from a page: a run between tags, not too short to be telling or too long to be stable. */
const runLength = { min: 8, max: 200 } as const;
/** The name given to a field the capture did not see; a filing that needs it stops before the commit. */
export const notCapturedField = 'not-captured';
/** Words no court page says: the rule of a screen the capture did not see. */
export const notCapturedWords = 'ECF Desk capture: this screen was not seen';

/** The field names of a draft before the capture has seen any: names no court uses (rows keep their `{n}`). */
const uncapturedFields: PageFields = {
  event: notCapturedField,
  caseNumber: notCapturedField,
  caseIds: notCapturedField,
  caption: notCapturedField,
  newPartyId: notCapturedField,
  newPartyName: notCapturedField,
  newPartyRole: notCapturedField,
  party: notCapturedField,
  mainDocument: notCapturedField,
  complaintDocument: notCapturedField,
  attachmentFile: `${notCapturedField}-{n}`,
  attachmentDescription: `${notCapturedField}-description-{n}`,
  firstAttachment: 2,
  attachmentsQuestion: notCapturedField,
  jointFiling: notCapturedField,
  referToExisting: notCapturedField,
  related: notCapturedField,
  freeText: notCapturedField,
  feeAcknowledged: notCapturedField,
};

/** The draft of a page map a capture makes, and what it saw. */
export interface CaptureDraft {
  readonly map: PageMap;
  /** Each filing screen recognised, in the order the court showed it, with the page's path. */
  readonly screens: readonly { readonly step: FilingStep; readonly path: string }[];
  /** The steps the capture did not see: their rules never match, and a filing that meets them stops before the commit. */
  readonly notCaptured: readonly FilingStep[];
}

/** Why a capture cannot make a draft. */
export class CaptureIncompleteError extends Error {}

/** The most runs of words kept of one page (a filing screen has a few dozen). */
const maxRunsPerPage = 2000;
/** How much of each other page's words a candidate run is looked for in (a filing screen says a few kilobytes). */
const maxComparedText = 64 * 1024;
/** The most runs of one page looked for in the other pages. */
const maxExaminedRuns = 200;
/** The most of the filing's own words remembered, to keep them out of the draft. */
const maxFilingWords = 10_000;

/**
 * The runs of words between tags of a page that could become a rule's words (long enough to tell, short enough to be
 * stable), scripts and styles left out, spaces collapsed; at most `maxRunsPerPage`.
 */
function runsOf(html: string): string[] {
  const runs: string[] = [];
  for (const token of tokenizeHtml(html)) {
    if (token.kind === 'text') {
      const run = token.text.replace(/\s+/g, ' ').trim();
      if (run.length >= runLength.min && run.length <= runLength.max) {
        runs.push(run);
        if (runs.length >= maxRunsPerPage) {
          break;
        }
      }
    }
  }
  return runs;
}

/** The value a field holds before anyone touches it (a browser would post it as it is). */
function defaultValues(field: PageField): string[] {
  if (field.element === 'select') {
    const selected = field.options.filter((option) => option.isSelected).map((option) => option.value);
    // A drop-down posts its first option untouched; a list posts nothing until someone chooses.
    return selected.length > 0 || field.isListBox ? selected : field.options.slice(0, 1).map((option) => option.value);
  }
  if (field.type === 'checkbox' || field.type === 'radio') {
    return field.isChecked ? [field.value || 'on'] : [];
  }
  return field.value === '' ? [] : [field.value];
}

/** Whether a control is one a person fills (not a button, not an image). */
function isFillable(field: PageField): boolean {
  return !['submit', 'button', 'reset', 'image'].includes(field.type) && field.name !== '';
}

/** The fields of a form a post filled: a file sent, a value other than the one the page gave, a box ticked. */
function filledFields(form: PageForm, posted: readonly PostedField[]): PageField[] {
  const filled: PageField[] = [];
  const seen = new Set<string>();
  const byName = new Map<string, PostedField[]>();
  for (const each of posted) {
    const named = byName.get(each.name);
    if (named) {
      named.push(each);
    } else {
      byName.set(each.name, [each]);
    }
  }
  for (const field of form.fields.filter(isFillable)) {
    const key = `${field.name}\u0000${field.type}\u0000${field.value}`;
    if (seen.has(key)) {
      continue;
    }
    seen.add(key);
    const values = byName.get(field.name) ?? [];
    let isFilled: boolean;
    if (field.type === 'file') {
      isFilled = values.some((each) => each.isFile && each.size > 0);
    } else if (field.type === 'checkbox' || field.type === 'radio') {
      const mine = values.filter((each) => each.value === (field.value || 'on'));
      isFilled = mine.length > 0 && !field.isChecked;
    } else {
      const defaults = defaultValues(field);
      const given = values.map((each) => each.value).filter((value) => value !== '');
      isFilled = given.length > 0 && given.some((value) => !defaults.includes(value));
    }
    if (isFilled) {
      filled.push(field);
    }
  }
  return filled;
}

/**
 * A list to choose one event from: shown as a list, or a drop-down of more choices than a yes/no question has (a list
 * taking several choices is the filer's parties).
 */
function isEventList(field: PageField): boolean {
  return field.element === 'select' && !field.isMultiple && (field.isListBox || field.options.length > 3);
}

/** The words of a text worth telling apart (four letters or more), in lower case. */
function wordsOf(text: string): string[] {
  return (text.toLowerCase().match(/[\p{L}\p{N}]{4,}/gu) ?? []).slice(0, 200);
}

/** A name as CM/ECF prints a person ("Walsh, Thomas"): never taken into a rule, whoever it names. */
const personName = /\b\p{Lu}[\p{L}'-]+, \p{Lu}[\p{L}'-]+/u;

/** The number a field's name ends its row with (`file_2` → "2"), or null. */
function rowNumber(name: string): string | null {
  return /(\d+)(?!.*\d)/.exec(name)?.[1] ?? null;
}

/** A row's field name with its number as `{n}` (`description_2` → `description_{n}`). */
function rowPattern(name: string, row: string): string {
  const at = name.lastIndexOf(row);
  return `${name.slice(0, at)}{n}${name.slice(at + row.length)}`;
}

/** Records what a court serves and what is posted, and makes a page map draft from a filing made by hand. */
export function createCaptureRecorder() {
  const pages: CapturedPage[] = [];
  /** Words of the filing itself (typed, chosen, file names), in lower case: no run with one is taken into a rule. */
  const filingWords = new Set<string>();

  /** The latest page with a form posting to this path. */
  const pageFormFor = (path: string): { page: CapturedPage; form: PageForm } | null => {
    for (let index = pages.length - 1; index >= 0; index -= 1) {
      const page = pages[index];
      const form = page?.outline.forms.find((candidate) => {
        const action = new URL(candidate.action || page.path, `http://court.invalid${page.path}`);
        return `${action.pathname}${action.search}` === path;
      });
      if (page && form) {
        return { page, form };
      }
    }
    return null;
  };

  return {
    /** A page the court served (HTML only), in answer to a GET or a POST of that path. */
    page(method: 'GET' | 'POST', path: string, html: string): void {
      if (pages.length >= maxCapturedPages) {
        return;
      }
      pages.push({
        method,
        path,
        outline: readPageOutline(html, `http://court.invalid${path}`),
        runs: runsOf(html),
        posted: null,
      });
    },

    /** A form posted to a path, field by field (before the court answers it). */
    post(path: string, fields: readonly PostedField[]): void {
      const from = pageFormFor(path);
      // A post from no page captured, or a login form (it asks a password), is not a filing screen: nothing of it is
      // looked at or remembered.
      if (!from || from.form.fields.some((field) => field.type === 'password')) {
        return;
      }
      const remember = (text: string): void => {
        for (const word of wordsOf(text)) {
          if (filingWords.size < maxFilingWords) {
            filingWords.add(word);
          }
        }
      };
      fields.forEach((field) => remember(field.value));
      const filled = filledFields(from.form, fields);
      // The choices made are the filing's words (the parties filed for, the entries referred to), except the event: its
      // name is the court's own.
      for (const field of filled.filter((each) => !isEventList(each))) {
        for (const option of field.options) {
          if (fields.some((each) => each.name === field.name && each.value === option.value)) {
            remember(option.text);
          }
        }
      }
      from.page.posted = { form: from.form, filled };
    },

    /** How many pages were captured. */
    pageCount: (): number => pages.length,

    /** Whether the last page captured answered a post and has no form at all: the receipt of a filing. */
    hasReceipt(): boolean {
      const last = pages.at(-1);
      return last !== undefined && isReceipt(last) && pages.some((page) => page.posted);
    },

    /** The draft page map of the filing captured, for the court profile named. */
    draft(court: string, capturedAt: Date): CaptureDraft {
      return makeDraft(court, capturedAt, pages, filingWords);
    },
  };
}

/** The fields of a form whose name it gives more than once (the rows of a table of parties), buttons and hidden ones left out. */
function repeatedOf(all: readonly PageField[]): PageField[] {
  const counts = new Map<string, number>();
  for (const field of all) {
    counts.set(field.name, (counts.get(field.name) ?? 0) + 1);
  }
  return all.filter((field) => field.type !== 'hidden' && (counts.get(field.name) ?? 0) > 1);
}

/**
 * Which filing screen a posted page was, told by what its form asks and what the person filled in
 * (docs/court-pages.md#capturing-a-page-map); null for one it cannot tell. `hasDocuments`: a page of files seen earlier
 * makes this one the attachments screen.
 */
function screenOf(posted: NonNullable<CapturedPage['posted']>, hasDocuments: boolean): FilingStep | null {
  const { form, filled } = posted;
  const all = form.fields.filter(isFillable);
  const has = (type: string): boolean => all.some((field) => field.type === type);
  const filledAs = (type: string): boolean => filled.some((field) => field.type === type);
  if (filledAs('file') || (has('file') && filledAs('radio'))) {
    return hasDocuments ? 'attachments' : 'documents';
  }
  if (filled.some((field) => field.isMultiple)) {
    return 'filer';
  }
  if (repeatedOf(all).length > 0 && (filledAs('text') || filledAs('textarea'))) {
    return 'new-case';
  }
  if (filledAs('hidden') && filledAs('text')) {
    return 'case';
  }
  if (filledAs('text') || filledAs('textarea')) {
    return 'docket-text';
  }
  if (filled.some(isEventList)) {
    return 'events';
  }
  // A question on its own screen (a few choices: yes, no), answered even when left at the court's own choice.
  if (has('radio') || filled.some((field) => field.element === 'select')) {
    return 'joint-filing';
  }
  if (has('checkbox')) {
    const boxes = new Set(all.filter((field) => field.type === 'checkbox').map((field) => field.name));
    // One box, ticked: an acknowledgement (the fee); boxes left empty or several: the entries to refer to.
    return boxes.size === 1 && filledAs('checkbox') ? 'fee' : 'related';
  }
  // Text offered and left as the court wrote it: the docket text, with nothing added to it.
  return has('textarea') || has('text') ? 'docket-text' : null;
}

/** A page that answers a post and asks nothing more (no form at all): the court's receipt of a filing. */
function isReceipt(page: CapturedPage): boolean {
  return page.method === 'POST' && page.outline.forms.length === 0;
}

/** A page map draft from the pages of one filing made by hand. */
function makeDraft(
  court: string,
  capturedAt: Date,
  pages: readonly CapturedPage[],
  filingWords: ReadonlySet<string>,
): CaptureDraft {
  const receiptIndex = pages.findLastIndex(isReceipt);
  const receipt = pages[receiptIndex];
  if (!receipt) {
    throw new CaptureIncompleteError(
      pages.some((page) => page.posted !== null)
        ? "The court's receipt was not seen: file one filing through to its end while the capture runs."
        : 'No form was posted: file something by hand at the court while the capture runs.',
    );
  }
  const finalText = pages.slice(0, receiptIndex).findLast((page) => page.posted !== null);
  const firstScreen = pages.findIndex((page) => page.posted !== null);
  const categoriesIndex = pages
    .slice(0, firstScreen)
    .findLastIndex((page) => page.method === 'GET' && !page.outline.forms.some((form) => form.fields.some(isFillable)));
  const categories = pages[categoriesIndex];
  if (!finalText || !categories) {
    throw new CaptureIncompleteError(
      'The capture did not see a whole filing: from the menu of events, through every screen, to the receipt.',
    );
  }

  const steps = new Map<FilingStep, CapturedPage>();
  const fields: PageFields = { ...uncapturedFields };
  const screens: { step: FilingStep; path: string }[] = [];
  const name = (field: PageField | undefined): string => field?.name ?? notCapturedField;
  const take = (step: FilingStep, page: CapturedPage): boolean => {
    if (steps.has(step)) {
      return false;
    }
    steps.set(step, page);
    screens.push({ step, path: page.path });
    return true;
  };

  for (const page of pages.slice(firstScreen, receiptIndex)) {
    if (!page.posted) {
      continue;
    }
    const step = page === finalText ? 'final-text' : screenOf(page.posted, steps.has('documents'));
    // A screen seen again (posted twice, or a second page of the same kind) keeps what its first showing gave.
    if (step !== null && take(step, page)) {
      readFields(step, page.posted);
    }
  }

  /** Reads the names of the fields a step fills from its form and what the person filled in. */
  function readFields(step: FilingStep, posted: NonNullable<CapturedPage['posted']>): void {
    const { form, filled } = posted;
    const all = form.fields.filter(isFillable);
    const first = (type: string): PageField | undefined =>
      filled.find((field) => field.type === type) ?? all.find((field) => field.type === type);
    switch (step) {
      case 'documents': {
        const files = all.filter((field) => field.type === 'file');
        const main = files.find((field) => rowNumber(field.name) !== null) ?? files[0];
        fields.mainDocument = name(main);
        const complaint = filled.find(
          (field) => field.type === 'file' && field !== main && rowNumber(field.name) === null,
        );
        fields.complaintDocument = complaint?.name ?? fields.complaintDocument;
        fields.attachmentsQuestion = filled.find((field) => field.type === 'radio')?.name ?? fields.attachmentsQuestion;
        readRows(posted, main);
        return;
      }
      case 'attachments':
        readRows(posted, undefined);
        return;
      case 'filer':
        fields.party = name(filled.find((field) => field.isMultiple));
        return;
      case 'new-case': {
        const names = [...new Set(repeatedOf(all).map((field) => field.name))];
        fields.caption = name(
          filled.find((field) => (field.type === 'textarea' || field.type === 'text') && !names.includes(field.name)),
        );
        fields.newPartyId = names[0] ?? notCapturedField;
        fields.newPartyName = names[1] ?? notCapturedField;
        fields.newPartyRole = names[2] ?? notCapturedField;
        return;
      }
      case 'case':
        fields.caseNumber = name(filled.find((field) => field.type === 'text'));
        fields.caseIds = name(filled.find((field) => field.type === 'hidden'));
        return;
      case 'docket-text':
        fields.freeText = name(first('textarea') ?? first('text'));
        return;
      case 'events':
        fields.event = name(filled.find(isEventList));
        return;
      case 'joint-filing':
        fields.jointFiling = name(
          filled.find((field) => field.type === 'radio' || field.element === 'select') ?? first('radio'),
        );
        return;
      case 'fee':
        fields.feeAcknowledged = name(first('checkbox'));
        return;
      case 'related': {
        const boxes = [...new Set(all.filter((field) => field.type === 'checkbox').map((field) => field.name))];
        fields.referToExisting = boxes[0] ?? notCapturedField;
        fields.related = boxes[1] ?? notCapturedField;
        return;
      }
      default:
        return;
    }
  }

  function readRows(posted: NonNullable<CapturedPage['posted']>, main: PageField | undefined): void {
    const all = posted.form.fields.filter(isFillable);
    const rowFiles = all.filter((field) => field.type === 'file' && field !== main && rowNumber(field.name) !== null);
    const filledRow = rowFiles.find((field) => posted.filled.includes(field)) ?? rowFiles[0];
    const row = filledRow ? rowNumber(filledRow.name) : null;
    if (!filledRow || row === null) {
      return;
    }
    fields.attachmentFile = rowPattern(filledRow.name, row);
    fields.firstAttachment = Number(row);
    const description = all.find(
      (field) => field.type === 'text' && field.name !== filledRow.name && rowNumber(field.name) === row,
    );
    if (description) {
      fields.attachmentDescription = rowPattern(description.name, row);
    }
  }

  take('receipt', receipt);
  take('categories', categories);

  /** Runs of words of a page that are its own: on no other page captured, no digits, none of the filing's words. */
  const ownWords = (page: CapturedPage): string[] => {
    // The other pages' words, each cut to what a filing screen holds: a run found anywhere in them is not this page's.
    const elsewhere = pages
      .filter((other) => other !== page)
      .map((other) => other.outline.text.slice(0, maxComparedText))
      .join('\u0000');
    const words: string[] = [];
    let examined = 0;
    for (const run of page.runs) {
      if (
        !run.includes(' ') ||
        /\d/.test(run) ||
        words.includes(run) ||
        wordsOf(run).some((word) => filingWords.has(word)) ||
        personName.test(run)
      ) {
        continue;
      }
      // The search below is the costly one: at most `maxExaminedRuns` runs of a page come to it.
      examined += 1;
      if (examined > maxExaminedRuns) {
        break;
      }
      if (!elsewhere.includes(run) && page.outline.text.includes(run)) {
        words.push(run);
        if (words.length === 2) {
          break;
        }
      }
    }
    return words;
  };

  /** The fields a step's page is known by: those it fills. */
  const stepFields: Partial<Record<FilingStep, string[]>> = {
    case: [fields.caseNumber, fields.caseIds],
    'new-case': [fields.caption, fields.newPartyId],
    events: [fields.event],
    filer: [fields.party],
    documents: [fields.mainDocument],
    attachments: [fields.attachmentFile.replace('{n}', String(fields.firstAttachment))],
    'joint-filing': [fields.jointFiling],
    related: [fields.referToExisting],
    'docket-text': [fields.freeText],
    fee: [fields.feeAcknowledged],
  };

  const rules = Object.fromEntries(
    filingSteps.map((step): [FilingStep, PageRule] => {
      const page = steps.get(step);
      if (!page) {
        return [step, { words: [notCapturedWords] }];
      }
      const known = stepFields[step];
      if (known) {
        return [step, { fields: known.filter((field) => field !== notCapturedField) }];
      }
      const words = ownWords(page);
      const heading = page.outline.headings[0]?.trim();
      if (step === 'categories' && heading) {
        return [step, { heading }];
      }
      return [step, words.length > 0 ? { words } : heading ? { heading } : { words: [notCapturedWords] }];
    }),
  ) as Record<FilingStep, PageRule>;

  const notCaptured = filingSteps.filter((step) => !steps.has(step));
  const map = pageMap.parse({
    court,
    description: `Captured by ecf-desk capture on ${capturedAt.toISOString().slice(0, 10)} from a filing made by hand (${screens.length} screens). Not seen: ${notCaptured.join(', ') || 'none'}. Check it with ecf-desk profile check before use.`,
    start: categories.path,
    pages: rules,
    fields,
  });
  return { map, screens, notCaptured };
}

/** What a capture recorder offers. */
export type CaptureRecorder = ReturnType<typeof createCaptureRecorder>;
