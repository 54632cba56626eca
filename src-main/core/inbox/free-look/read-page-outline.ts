import { readAttribute, tokenizeHtml, type HtmlStartTag } from '../../html/tokenize-html';

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

/** What the court-page reader needs from a page, read in one pass over its tokens. */
export interface PageOutline {
  /** The words a reader sees: scripts, styles and frames left out, tags as spaces, spaces collapsed. */
  readonly text: string;
  /** `<meta name="ecf-page" content="…">`, in lower case: the training court names its pages so. */
  readonly ecfPage: string | null;
  readonly title: string;
  /** The words of the element with `id="ecf-error"`, up to the first end tag after it. */
  readonly errorText: string | null;
  /** The `src` of the first `iframe` that has one, as written (references decoded, not resolved). */
  readonly frameSource: string | null;
  readonly hasPasswordField: boolean;
  /** Some form (or other element) has an `action` that names CM/ECF's `login.pl`. */
  readonly postsToLogin: boolean;
  readonly links: readonly PageLink[];
  /** Every `tr`; a page without any is one row holding the whole page. */
  readonly rows: readonly PageRow[];
}

/** Raw-text content a browser does not show as the page's words. */
const unseenRawText = new Set(['script', 'style', 'iframe', 'noembed', 'noframes']);

/** Words and links gathered for one part of a page (the page, a row, a cell, a link, the error element). */
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
 * Reads the parts of a CM/ECF page that tell what it is (its words, meta tag, title, error, frame, login fields)
 * and the links of its table rows, in one pass over `tokenizeHtml`'s tokens: linear in the page's length, however
 * its tags are left open. Rows and cells end where a browser ends them (the next `tr` or `td`, the table's end).
 */
export function readPageOutline(html: string, pageUrl: string): PageOutline {
  const page = new Gathering();
  const rows: PageRow[] = [];
  const cellsOutsideRows: PageCell[] = [];
  let row: { words: Gathering; cells: PageCell[] } | null = null;
  let cell: Gathering | null = null;
  let link: { url: string; words: Gathering } | null = null;
  let error: Gathering | null = null;
  let errorText: string | null = null;
  let ecfPage: string | null = null;
  let title: string | null = null;
  let frameSource: string | null = null;
  let hasPasswordField = false;
  let postsToLogin = false;

  const gatherings = (): Gathering[] =>
    [page, row?.words, cell, link?.words, error ?? undefined].filter(
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

  for (const token of tokenizeHtml(html)) {
    if (token.kind === 'text') {
      addWords(token.text);
      continue;
    }
    if (token.kind === 'raw-text') {
      if (token.element === 'title' && title === null) {
        title = token.text.replace(/\s+/g, ' ').trim();
      }
      if (!unseenRawText.has(token.element)) {
        addWords(token.text);
      }
      continue;
    }
    // Every piece of markup separates words, as a tag does on screen.
    addWords(' ');
    if (token.kind === 'end-tag') {
      if (error) {
        errorText = error.text();
        error = null;
      }
      if (token.name === 'a') {
        closeLink();
      } else if (token.name === 'td') {
        closeCell();
      } else if (token.name === 'tr' || token.name === 'table') {
        closeRow();
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
    ecfPage ??= readEcfPage(token);
    frameSource ??= token.name === 'iframe' ? readAttribute(token, 'src') || null : null;
    hasPasswordField ||= token.name === 'input' && readAttribute(token, 'type')?.trim().toLowerCase() === 'password';
    postsToLogin ||= /login\.pl/i.test(readAttribute(token, 'action') ?? '');
    if (errorText === null && error === null && readAttribute(token, 'id')?.toLowerCase() === 'ecf-error') {
      error = new Gathering();
    }
  }
  closeRow();
  closeCell();
  if (error) {
    errorText = error.text();
  }
  const wholePage = page.text();
  return {
    text: wholePage,
    ecfPage,
    title: title ?? '',
    errorText,
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
  };
}

function readEcfPage(tag: HtmlStartTag): string | null {
  if (tag.name !== 'meta' || readAttribute(tag, 'name')?.toLowerCase() !== 'ecf-page') {
    return null;
  }
  return readAttribute(tag, 'content')?.toLowerCase() || null;
}

/** `href` resolved against the page's own address; null when it is no address at all. */
export function resolveUrl(href: string, pageUrl: string): string | null {
  try {
    return new URL(href.trim(), pageUrl).href;
  } catch {
    return null;
  }
}
