import { escapeXml } from '../html/escape-markup';
import { readAttribute, tokenizeHtml, type HtmlStartTag } from '../html/tokenize-html';

/**
 * A copy of a court page that keeps what shows how the page is built, and nothing a filing put in it
 * (docs/court-pages.md#redacted-copies): the tags and the names of forms and fields, the words of its headings, labels,
 * bold captions, table headers and buttons, the menu bar. It drops passwords, tokens and cookies (every field value but
 * a button's, every script, every address's query), the rest of the page's words, and in the words it keeps, every
 * digit, e-mail address and value the caller names (the case number, the caption, the parties, the file names).
 *
 * What a copy is for: the page ECF Desk did not recognise, kept so that someone can see why without seeing the case,
 * and the pages a capture records for a court profile.
 */
export function redactCourtPage(html: string, knownValues: readonly string[]): string {
  const scrub = scrubber(knownValues);
  const out: string[] = [];
  /** Open elements whose words are kept (a heading, a label, a button, …), counted; zero when words are dropped. */
  let keptDepth = 0;
  let menuDepth = 0;
  for (const token of tokenizeHtml(html)) {
    switch (token.kind) {
      case 'doctype':
        out.push('<!DOCTYPE html>');
        break;
      case 'comment':
        // CM/ECF's own markers (`<!---ShowPage(DktRpt.htm)--->`) name the page's template; kept without digits.
        out.push(`<!--${scrub(token.text).replace(/--/g, '- -')}-->`);
        break;
      case 'raw-text':
        out.push(token.element === 'title' ? escapeXml(scrub(token.text)) : rawTextPlaceholder(token.element));
        break;
      case 'text':
        if (token.text.trim() === '') {
          out.push(token.text.length > 0 ? ' ' : '');
        } else {
          out.push(keptDepth > 0 || menuDepth > 0 ? escapeXml(scrub(token.text)) : '[text]');
        }
        break;
      case 'end-tag':
        if (wordsKeptIn.has(token.name) && keptDepth > 0) {
          keptDepth -= 1;
        }
        if (token.name === 'div' && menuDepth > 0) {
          menuDepth -= 1;
        }
        out.push(`</${token.name}>`);
        break;
      case 'start-tag':
        if (wordsKeptIn.has(token.name) && !token.isSelfClosing) {
          keptDepth += 1;
        }
        if (token.name === 'div' && (menuDepth > 0 || readAttribute(token, 'id') === 'topmenu')) {
          menuDepth += 1;
        }
        out.push(startTag(token, scrub, menuDepth > 0));
        break;
    }
  }
  return out.join('');
}

/** Takes case data out of words that are kept: every digit, or only runs of three or more (in a name or id). */
type Scrub = (words: string, digits?: 'long numbers') => string;

/** Elements whose words say what the page asks, not what a filing holds. */
const wordsKeptIn = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'label', 'th', 'legend', 'button', 'b', 'strong']);

/** Attributes copied as they are: they say what an element is, never what a filing holds. */
const structuralAttributes = new Set([
  'id',
  'class',
  'name',
  'type',
  'method',
  'enctype',
  'for',
  'multiple',
  'checked',
  'selected',
  'disabled',
  'readonly',
  'size',
  'maxlength',
  'align',
  'colspan',
  'rowspan',
]);

/** Attributes that hold an address: its path is kept, its query (transaction numbers, case ids, magic numbers) is not. */
const addressAttributes = new Set(['action', 'href', 'src']);

/** Input types whose value is the words on a button. */
const buttonTypes = new Set(['submit', 'button', 'reset', 'image']);

function startTag(tag: HtmlStartTag, scrub: Scrub, isInMenuBar: boolean): string {
  const type = readAttribute(tag, 'type')?.toLowerCase() ?? '';
  const kept: string[] = [];
  for (const { name, value } of tag.attributes) {
    if (!/^[a-z][a-z0-9_:-]{0,40}$/.test(name)) {
      continue;
    }
    if (structuralAttributes.has(name)) {
      // Names and ids are how a profile finds a field (`button1`, `file_1`): short numbers stay; a long one is an id.
      kept.push(`${name}="${escapeXml(scrub(value, 'long numbers'))}"`);
    } else if (addressAttributes.has(name)) {
      kept.push(`${name}="${escapeXml(redactAddress(value, isInMenuBar))}"`);
    } else if (name === 'value') {
      // A button's words are kept; any other value (a typed entry, a hidden token, a password) is not.
      kept.push(`value="${tag.name === 'option' || !buttonTypes.has(type) ? '' : escapeXml(scrub(value))}"`);
    }
  }
  return `<${tag.name}${kept.length > 0 ? ` ${kept.join(' ')}` : ''}${tag.isSelfClosing ? ' /' : ''}>`;
}

/** A script, style or frame's content: gone, marked as gone (a script can set a cookie or hold a token). */
function rawTextPlaceholder(element: string): string {
  return element === 'textarea' ? '[text]' : element === 'script' ? '/* script removed */' : '';
}

/**
 * The path of an address, without digits; its query only where it names a page rather than a case (a word, as in
 * `login.pl?logout`, or anything in the menu bar, whose links are the court's, digits masked); a `javascript:` address
 * keeps only its scheme.
 */
function redactAddress(value: string, isInMenuBar: boolean): string {
  const trimmed = value.trim();
  if (/^javascript:/i.test(trimmed)) {
    return 'javascript:';
  }
  const end = trimmed.search(/[?#]/);
  const path = (end < 0 ? trimmed : trimmed.slice(0, end)).replace(/\d/g, '#');
  if (end < 0) {
    return path;
  }
  const query = trimmed.slice(end);
  return /^\?[A-Za-z]{1,40}$/.test(query) || (isInMenuBar && query.startsWith('?'))
    ? `${path}${query.replace(/\d/g, '#')}`
    : `${path}?…`;
}

/**
 * Removes the named values (longest first, any case), e-mail addresses and digits from words that are kept; from a
 * name or id, only runs of three digits or more.
 */
function scrubber(knownValues: readonly string[]): Scrub {
  const values = [
    ...new Set(knownValues.map((value) => value.trim().toLowerCase()).filter((value) => value.length >= 2)),
  ]
    .sort((a, b) => b.length - a.length)
    .slice(0, 500);
  return (words, digits) => {
    let scrubbed = words;
    for (const value of values) {
      scrubbed = replaceAllIgnoringCase(scrubbed, value, '[case data]');
    }
    return scrubbed
      .replace(/[^\s@<>"]{1,64}@[^\s@<>"]{1,255}/g, '[e-mail]')
      .replace(digits === 'long numbers' ? /\d{3,}/g : /\d/g, '#');
  };
}

/** Every occurrence of `value` (already in lower case) in `words`, whatever its case, replaced. */
function replaceAllIgnoringCase(words: string, value: string, replacement: string): string {
  const lower = words.toLowerCase();
  // Lower-casing can change a string's length (a few Unicode letters): then the whole words are replaced, to be safe.
  if (lower.length !== words.length) {
    return lower.includes(value) ? replacement : words;
  }
  const pieces: string[] = [];
  let from = 0;
  for (let at = lower.indexOf(value); at >= 0; at = lower.indexOf(value, from)) {
    pieces.push(words.slice(from, at), replacement);
    from = at + value.length;
  }
  pieces.push(words.slice(from));
  return pieces.join('');
}
