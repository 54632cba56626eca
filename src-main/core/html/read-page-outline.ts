import { readAttribute, tokenizeHtml, type HtmlStartTag } from './tokenize-html';

/** A link of a page: its address resolved against the page's own, and its words. */
export interface PageLink {
  readonly url: string;
  readonly text: string;
}

/** A table cell (`td`): its words and its links. */
export interface PageCell {
  readonly text: string;
  readonly links: readonly PageLink[];
}

/** A table row: its words (header cells included) and its `td` cells; a row without any is one cell of its own. */
export interface PageRow {
  readonly text: string;
  readonly cells: readonly PageCell[];
}

/** A choice of a `select`. */
export interface PageOption {
  readonly value: string;
  readonly text: string;
  readonly isSelected: boolean;
}

/** A control of a form, as a person filling it in sees it. */
export interface PageField {
  /** `input`, `select`, `textarea` or `button`. */
  readonly element: string;
  readonly name: string;
  /** An input's or button's type, in lower case (`text` for an input without one); the element's name otherwise. */
  readonly type: string;
  readonly id: string;
  /** As written (a textarea's content; a select's value is its selected option's). */
  readonly value: string;
  readonly isChecked: boolean;
  /** A select that takes more than one choice (`multiple`). */
  readonly isMultiple: boolean;
  /** A select shown as a list (`multiple`, or `size` over 1): nothing is chosen until someone chooses. */
  readonly isListBox: boolean;
  /** The words of its label (the `label` around it or the one whose `for` names it); a button's own words. */
  readonly label: string;
  readonly options: readonly PageOption[];
}

/** A form: where it posts and what it asks. */
export interface PageForm {
  /** As written (references decoded, not resolved). */
  readonly action: string;
  /** In upper case; GET when not said. */
  readonly method: string;
  /** In lower case; empty when not said. */
  readonly enctype: string;
  readonly fields: readonly PageField[];
}

/** What a page shows, read in one pass over its tokens: what the page readers recognise a page by. */
export interface PageOutline {
  /** The words a reader sees: scripts, styles and frames left out, tags as spaces, spaces collapsed. */
  readonly text: string;
  readonly title: string;
  /** The words of each heading (`h1` to `h4`), in order. */
  readonly headings: readonly string[];
  /**
   * A CM/ECF error page's message: the bold words of the main content (`div#cmecfMainContent`) of a page whose only
   * control is a Back button, as CM/ECF answers a request it refuses. Null on any other page.
   */
  readonly errorText: string | null;
  /** The `src` of the first `iframe` that has one, as written (references decoded, not resolved). */
  readonly frameSource: string | null;
  readonly hasPasswordField: boolean;
  /** Some form (or other element) has an `action` that names CM/ECF's `login.pl`. */
  readonly postsToLogin: boolean;
  readonly links: readonly PageLink[];
  /** Every `tr`; a page without any is one row holding the whole page. */
  readonly rows: readonly PageRow[];
  /** Its forms, in order; fields outside any form are not kept (a browser would not send them). */
  readonly forms: readonly PageForm[];
  /** The links of CM/ECF's menu bar (`div#topmenu`): what the account may do. */
  readonly menuLinks: readonly PageLink[];
  /** The `PRTYPE` cookie a CM/ECF page sets in its own script (`aty` for a filer, `web` for a public user), or null. */
  readonly prType: string | null;
}

/** The most of each kind an outline keeps: a page with more is not a CM/ECF page anyone fills in. */
export const outlineLimits = { forms: 50, fields: 2000, options: 5000, headings: 100, fieldText: 2000 } as const;

/** Raw-text content a browser does not show as the page's words. */
const unseenRawText = new Set(['script', 'style', 'iframe', 'noembed', 'noframes']);

/** Words and links gathered for one part of a page (the page, a row, a cell, a link, a heading, a label, an option, a button, an error). */
class Gathering {
  private readonly pieces: string[] = [];
  readonly links: PageLink[] = [];

  add(text: string): void {
    this.pieces.push(text);
  }

  text(): string {
    return this.pieces.join('').replace(/\s+/g, ' ').trim();
  }
}

/**
 * Reads the parts of a CM/ECF page that tell what it is (its words, title, headings, error, frame, login fields, forms,
 * menu bar) and the links of its table rows, in one pass over `tokenizeHtml`'s tokens: linear in the page's length, however
 * its tags are left open. Rows and cells end where a browser ends them (the next `tr` or `td`, the table's end).
 */
export function readPageOutline(html: string, pageUrl: string): PageOutline {
  const page = new Gathering();
  const rows: PageRow[] = [];
  const cellsOutsideRows: PageCell[] = [];
  let row: { words: Gathering; cells: PageCell[] } | null = null;
  let cell: Gathering | null = null;
  let link: { url: string; words: Gathering } | null = null;
  let title: string | null = null;
  let frameSource: string | null = null;
  let hasPasswordField = false;
  let postsToLogin = false;
  const headings: string[] = [];
  // Opened by readFormPart below, a function TypeScript's narrowing does not follow: typed by assertion, not narrowed.
  let heading = null as Gathering | null;
  const forms: { action: string; method: string; enctype: string; fields: MutableField[] }[] = [];
  let form: (typeof forms)[number] | null = null;
  let fieldCount = 0;
  let optionCount = 0;
  let label: { words: Gathering; fields: MutableField[]; target: string | null } | null = null;
  const labelsFor = new Map<string, string>();
  let select: MutableField | null = null;
  let option: { value: string | null; words: Gathering; isSelected: boolean } | null = null;
  let button: MutableField | null = null;
  let textarea = null as MutableField | null;
  const menuLinks: PageLink[] = [];
  /** Open `div`s inside the menu bar, counting its own; zero outside it. */
  let menuDepth = 0;
  let mainDepth = 0;
  let mainBold = null as Gathering | null;
  let mainBoldText: string | null = null;
  let mainControls = 0;
  let mainHasBack = false;
  let prType: string | null = null;

  const gatherings = (): Gathering[] =>
    [page, row?.words, cell, link?.words, heading, label?.words, option?.words, button?.words, mainBold].filter(
      (part): part is Gathering => part !== undefined && part !== null,
    );
  const addWords = (text: string): void => {
    for (const gathering of gatherings()) {
      gathering.add(text);
    }
  };
  const closeLink = (): void => {
    if (!link) {
      return;
    }
    const finished = { url: link.url, text: link.words.text() };
    for (const owner of [page, row?.words, cell]) {
      owner?.links.push(finished);
    }
    if (menuDepth > 0) {
      menuLinks.push(finished);
    }
    link = null;
  };
  const closeCell = (): void => {
    closeLink();
    if (!cell) {
      return;
    }
    (row ? row.cells : cellsOutsideRows).push({ text: cell.text(), links: cell.links });
    cell = null;
  };
  const closeRow = (): void => {
    closeCell();
    if (!row) {
      return;
    }
    const text = row.words.text();
    rows.push({ text, cells: row.cells.length > 0 ? row.cells : [{ text, links: row.words.links }] });
    row = null;
  };

  const closeOption = (): void => {
    if (option && select && optionCount < outlineLimits.options) {
      optionCount += 1;
      const text = option.words.text();
      select.options.push({ value: option.value ?? text, text: bounded(text), isSelected: option.isSelected });
    }
    option = null;
  };
  const closeSelect = (): void => {
    closeOption();
    if (select) {
      const chosen = select.options.find((choice) => choice.isSelected) ?? select.options[0];
      select.value = chosen?.value ?? '';
    }
    select = null;
  };
  const closeButton = (): void => {
    if (button) {
      button.label = bounded(button.words?.text() ?? '');
      button.words = undefined;
    }
    button = null;
  };
  const closeLabel = (): void => {
    if (label) {
      const words = bounded(label.words.text());
      for (const field of label.fields) {
        field.label ||= words;
      }
      if (label.target !== null && !labelsFor.has(label.target)) {
        labelsFor.set(label.target, words);
      }
    }
    label = null;
  };
  const closeForm = (): void => {
    closeSelect();
    closeButton();
    textarea = null;
    form = null;
  };
  const addField = (tag: HtmlStartTag): MutableField | null => {
    const type =
      tag.name === 'input' || tag.name === 'button' ? readAttribute(tag, 'type')?.trim().toLowerCase() : null;
    const isControl = tag.name !== 'input' || type !== 'hidden';
    if (mainDepth > 0 && isControl) {
      mainControls += 1;
      const words = `${readAttribute(tag, 'value') ?? ''} ${readAttribute(tag, 'onclick') ?? ''}`;
      mainHasBack ||= /\bBack\b/.test(words) && /history\.back\(\)/.test(words);
    }
    if (!form || fieldCount >= outlineLimits.fields) {
      return null;
    }
    fieldCount += 1;
    const field: MutableField = {
      element: tag.name,
      name: readAttribute(tag, 'name') ?? '',
      type: type || (tag.name === 'input' ? 'text' : tag.name === 'button' ? 'submit' : tag.name),
      id: readAttribute(tag, 'id') ?? '',
      value: bounded(readAttribute(tag, 'value') ?? ''),
      isChecked: readAttribute(tag, 'checked') !== null,
      isMultiple: tag.name === 'select' && readAttribute(tag, 'multiple') !== null,
      isListBox:
        tag.name === 'select' &&
        (readAttribute(tag, 'multiple') !== null || Number(readAttribute(tag, 'size') ?? '1') > 1),
      label: '',
      options: [],
    };
    form.fields.push(field);
    label?.fields.push(field);
    return field;
  };

  for (const token of tokenizeHtml(html)) {
    if (token.kind === 'text') {
      addWords(token.text);
      continue;
    }
    if (token.kind === 'raw-text') {
      if (token.element === 'title' && title === null) {
        title = token.text.replace(/\s+/g, ' ').trim();
      }
      if (token.element === 'textarea' && textarea) {
        textarea.value = bounded(token.text);
        textarea = null;
      }
      if (token.element === 'script' && prType === null) {
        prType = /PRTYPE=(\w{1,20})/.exec(token.text)?.[1] ?? null;
      }
      if (!unseenRawText.has(token.element)) {
        addWords(token.text);
      }
      continue;
    }
    // Every piece of markup separates words, as a tag does on screen.
    addWords(' ');
    if (token.kind === 'end-tag') {
      if (token.name === 'a') {
        closeLink();
      } else if (token.name === 'td') {
        closeCell();
      } else if (token.name === 'tr' || token.name === 'table') {
        closeRow();
      } else if (/^h[1-4]$/.test(token.name) && heading) {
        if (headings.length < outlineLimits.headings) {
          headings.push(bounded(heading.text()));
        }
        heading = null;
      } else if (token.name === 'label') {
        closeLabel();
      } else if (token.name === 'option') {
        closeOption();
      } else if (token.name === 'select') {
        closeSelect();
      } else if (token.name === 'button') {
        closeButton();
      } else if (token.name === 'form') {
        closeForm();
      } else if (token.name === 'b' && mainBold) {
        mainBoldText = mainBold.text();
        mainBold = null;
      } else if (token.name === 'div') {
        menuDepth = menuDepth > 0 ? menuDepth - 1 : 0;
        mainDepth = mainDepth > 0 ? mainDepth - 1 : 0;
      }
      continue;
    }
    if (token.kind !== 'start-tag') {
      continue;
    }
    if (token.name === 'tr') {
      closeRow();
      row = { words: new Gathering(), cells: [] };
    } else if (token.name === 'td' || token.name === 'th') {
      closeCell();
      if (token.name === 'td') {
        cell = new Gathering();
      }
    } else if (token.name === 'a') {
      closeLink();
      const href = readAttribute(token, 'href');
      const url = href === null ? null : resolveUrl(href, pageUrl);
      if (url !== null) {
        link = { url, words: new Gathering() };
      }
    }
    frameSource ??= token.name === 'iframe' ? readAttribute(token, 'src') || null : null;
    hasPasswordField ||= token.name === 'input' && readAttribute(token, 'type')?.trim().toLowerCase() === 'password';
    postsToLogin ||= /login\.pl/i.test(readAttribute(token, 'action') ?? '');
    readFormPart(token);
  }
  closeRow();
  closeCell();
  closeForm();
  closeLabel();
  // Bold words left open run to the end of the page, as a browser shows them.
  if (mainBold !== null) {
    mainBoldText = mainBold.text();
  }
  const wholePage = page.text();
  return {
    text: wholePage,
    title: title ?? '',
    headings,
    errorText: mainBoldText !== null && mainHasBack && mainControls === 1 ? bounded(mainBoldText) : null,
    frameSource,
    hasPasswordField,
    postsToLogin,
    links: page.links,
    rows:
      rows.length > 0
        ? rows
        : [
            {
              text: wholePage,
              cells: cellsOutsideRows.length > 0 ? cellsOutsideRows : [{ text: wholePage, links: page.links }],
            },
          ],
    forms: forms.map((finished) => ({
      ...finished,
      fields: finished.fields.map(({ words: _, ...field }) => ({
        ...field,
        label: field.label || (labelsFor.get(field.id) ?? ''),
      })),
    })),
    menuLinks,
    prType,
  };

  /** Headings, forms and their fields, the menu bar and the main content, as each start tag opens them. */
  function readFormPart(tag: HtmlStartTag): void {
    const id = readAttribute(tag, 'id');
    switch (tag.name) {
      case 'h1':
      case 'h2':
      case 'h3':
      case 'h4':
        heading = new Gathering();
        return;
      case 'div':
        if (menuDepth > 0 || id === 'topmenu') {
          menuDepth += 1;
        }
        if (mainDepth > 0 || id === 'cmecfMainContent') {
          mainDepth += 1;
        }
        return;
      case 'b':
        if (mainDepth > 0 && mainBold === null && mainBoldText === null) {
          mainBold = new Gathering();
        }
        return;
      case 'form':
        closeForm();
        if (forms.length < outlineLimits.forms) {
          form = {
            action: readAttribute(tag, 'action') ?? '',
            method: (readAttribute(tag, 'method') ?? 'GET').trim().toUpperCase(),
            enctype: (readAttribute(tag, 'enctype') ?? '').trim().toLowerCase(),
            fields: [],
          };
          forms.push(form);
        }
        return;
      case 'label': {
        closeLabel();
        label = { words: new Gathering(), fields: [], target: readAttribute(tag, 'for') || null };
        return;
      }
      case 'input':
        addField(tag);
        return;
      case 'textarea':
        textarea = addField(tag);
        return;
      case 'select':
        closeSelect();
        select = addField(tag);
        return;
      case 'option':
        closeOption();
        if (select) {
          option = {
            value: readAttribute(tag, 'value'),
            words: new Gathering(),
            isSelected: readAttribute(tag, 'selected') !== null,
          };
        }
        return;
      case 'button':
        closeButton();
        button = addField(tag);
        if (button) {
          button.words = new Gathering();
        }
        return;
      default:
        return;
    }
  }
}

/** A field while its page is read: a button gathers its own words. */
interface MutableField {
  element: string;
  name: string;
  type: string;
  id: string;
  value: string;
  isChecked: boolean;
  isMultiple: boolean;
  isListBox: boolean;
  label: string;
  options: PageOption[];
  words?: Gathering | undefined;
}

/** Words kept of one field or heading. */
function bounded(words: string): string {
  return words.length > outlineLimits.fieldText ? words.slice(0, outlineLimits.fieldText) : words;
}

/** `href` resolved against the page's own address; null when it is no address at all. */
export function resolveUrl(href: string, pageUrl: string): string | null {
  try {
    return new URL(href.trim(), pageUrl).href;
  } catch {
    return null;
  }
}
