import { decodeEntities } from './decode-entities';

/** One attribute of a tag: the name in lower case, the value with its character references decoded. */
export interface HtmlAttribute {
  readonly name: string;
  readonly value: string;
}

/** A start tag, as `tokenizeHtml` gives it. */
export interface HtmlStartTag {
  readonly kind: 'start-tag';
  /** In lower case. */
  readonly name: string;
  /** In source order; a repeated attribute keeps its first value, as the standard says. */
  readonly attributes: readonly HtmlAttribute[];
  readonly isSelfClosing: boolean;
}

/**
 * A token of HTML. Characters come as one `text` token per run between two pieces of markup, with character
 * references decoded; the content of a raw-text element (`script`, `style`, `title`, …) comes whole as one
 * `raw-text` token, so a reader can drop what a browser never shows.
 */
export type HtmlToken =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'raw-text'; readonly element: string; readonly text: string }
  | HtmlStartTag
  | { readonly kind: 'end-tag'; readonly name: string }
  | { readonly kind: 'comment'; readonly text: string }
  | { readonly kind: 'doctype' };

/**
 * Elements whose content is text up to their own end tag (WHATWG HTML, "parsing HTML documents": the tree builder
 * switches the tokenizer to the RAWTEXT or script data state for these). `noscript` is not among them: mail and
 * court pages are read as with scripting off.
 */
const rawTextElements = new Set(['script', 'style', 'xmp', 'iframe', 'noembed', 'noframes']);
/** RCDATA elements: text up to their end tag, but character references are still decoded. */
const escapableRawTextElements = new Set(['title', 'textarea']);

const tab = 0x09;
const lineFeed = 0x0a;
const formFeed = 0x0c;
const carriageReturn = 0x0d;
const space = 0x20;
const exclamationMark = 0x21;
const doubleQuote = 0x22;
const apostrophe = 0x27;
const solidus = 0x2f;
const equalsSign = 0x3d;
const greaterThan = 0x3e;
const questionMark = 0x3f;

/** What reading one piece of markup gave: a token (or none: markup the standard drops) and where it ended. */
interface Markup {
  readonly token: HtmlToken | null;
  readonly end: number;
}

/**
 * Splits HTML into tokens following the WHATWG tokenizer's states (HTML Living Standard §13.2.5): data, tag open,
 * tag name, the attribute states (double-quoted, single-quoted, unquoted and valueless), end tags, comments (an
 * unclosed one runs to the end, `<!-->` and `<!--->` are empty, `--!>` also closes one), bogus comments (`<?…>`,
 * `</3…>`, `<!…>`, and `<![CDATA[…` outside SVG and MathML), DOCTYPE, and the raw-text elements, whose content
 * runs to the matching end tag or to the end of the input. A tag cut off by the end of the input is dropped, as
 * the standard says. Two simplifications, neither of which changes what text a reader sees: script data's escape
 * states are not followed (a script ends at its first `</script`), and SVG and MathML content is tokenized as HTML.
 *
 * Every character is looked at a bounded number of times, so the time is linear in the input, whatever it holds.
 */
export function* tokenizeHtml(html: string): Generator<HtmlToken, void, undefined> {
  let position = 0;
  let textStart = 0;
  while (position < html.length) {
    const open = html.indexOf('<', position);
    if (open < 0) {
      break;
    }
    const markup = readMarkup(html, open);
    if (markup === null) {
      position = open + 1;
      continue;
    }
    if (open > textStart) {
      yield { kind: 'text', text: decodeEntities(html.slice(textStart, open)) };
    }
    position = markup.end;
    textStart = position;
    if (markup.token === null) {
      continue;
    }
    yield markup.token;
    if (markup.token.kind !== 'start-tag') {
      continue;
    }
    const contentEnd = rawTextEnd(html, position, markup.token.name);
    if (contentEnd === null) {
      continue;
    }
    if (contentEnd > position) {
      const content = html.slice(position, contentEnd);
      yield {
        kind: 'raw-text',
        element: markup.token.name,
        text: escapableRawTextElements.has(markup.token.name) ? decodeEntities(content) : content,
      };
    }
    position = contentEnd;
    textStart = contentEnd;
  }
  if (textStart < html.length) {
    yield { kind: 'text', text: decodeEntities(html.slice(textStart)) };
  }
}

/** The value of a tag's attribute, or null when the tag has none of that name. */
export function readAttribute(tag: HtmlStartTag, name: string): string | null {
  return tag.attributes.find((attribute) => attribute.name === name)?.value ?? null;
}

/** Where the content of a raw-text element that starts at `from` ends; null when `element` is not one. */
function rawTextEnd(html: string, from: number, element: string): number | null {
  if (element === 'plaintext') {
    return html.length;
  }
  if (!rawTextElements.has(element) && !escapableRawTextElements.has(element)) {
    return null;
  }
  // An "appropriate end tag": `</` and the element's name, then whitespace, `/` or `>`.
  for (let search = from; ;) {
    const candidate = html.indexOf('</', search);
    if (candidate < 0) {
      return html.length;
    }
    if (hasNameAt(html, candidate + 2, element) && endsTagName(html.charCodeAt(candidate + 2 + element.length))) {
      return candidate;
    }
    search = candidate + 2;
  }
}

/** Tag open state: what follows a `<`. Null when the `<` is only a character. */
function readMarkup(html: string, open: number): Markup | null {
  const next = html.charCodeAt(open + 1);
  if (isAsciiLetter(next)) {
    return readTag(html, open + 1, 'start-tag');
  }
  if (next === solidus) {
    const afterSolidus = html.charCodeAt(open + 2);
    if (isAsciiLetter(afterSolidus)) {
      return readTag(html, open + 2, 'end-tag');
    }
    // `</>` is dropped; `</` at the very end is text; anything else opens a bogus comment.
    if (afterSolidus === greaterThan) {
      return { token: null, end: open + 3 };
    }
    if (Number.isNaN(afterSolidus)) {
      return null;
    }
    return readBogusComment(html, open + 2);
  }
  if (next === exclamationMark) {
    return readMarkupDeclaration(html, open + 2);
  }
  if (next === questionMark) {
    return readBogusComment(html, open + 1);
  }
  return null;
}

/** Markup declaration open state: `<!--`, `<!DOCTYPE`, or else a bogus comment. */
function readMarkupDeclaration(html: string, start: number): Markup {
  if (html.startsWith('--', start)) {
    return readComment(html, start + 2);
  }
  if (hasNameAt(html, start, 'doctype')) {
    const close = html.indexOf('>', start);
    return { token: { kind: 'doctype' }, end: close < 0 ? html.length : close + 1 };
  }
  return readBogusComment(html, start);
}

/** The comment states: closed by `-->` or `--!>`, empty when `>` or `->` comes at once, unclosed to the end. */
function readComment(html: string, start: number): Markup {
  if (html.charCodeAt(start) === greaterThan) {
    return { token: { kind: 'comment', text: '' }, end: start + 1 };
  }
  if (html.startsWith('->', start)) {
    return { token: { kind: 'comment', text: '' }, end: start + 2 };
  }
  for (let search = start; ;) {
    const dashes = html.indexOf('--', search);
    if (dashes < 0) {
      return { token: { kind: 'comment', text: html.slice(start) }, end: html.length };
    }
    if (html.charCodeAt(dashes + 2) === greaterThan) {
      return { token: { kind: 'comment', text: html.slice(start, dashes) }, end: dashes + 3 };
    }
    if (html.startsWith('!>', dashes + 2)) {
      return { token: { kind: 'comment', text: html.slice(start, dashes) }, end: dashes + 4 };
    }
    search = dashes + 1;
  }
}

/** Bogus comment state: everything up to the first `>`, or to the end. */
function readBogusComment(html: string, start: number): Markup {
  const close = html.indexOf('>', start);
  if (close < 0) {
    return { token: { kind: 'comment', text: html.slice(start) }, end: html.length };
  }
  return { token: { kind: 'comment', text: html.slice(start, close) }, end: close + 1 };
}

/** Tag name state and the attribute states, from the first letter of the name to the closing `>`. */
function readTag(html: string, nameStart: number, kind: 'start-tag' | 'end-tag'): Markup {
  const dropped: Markup = { token: null, end: html.length };
  let position = nameStart;
  while (position < html.length && !endsTagName(html.charCodeAt(position))) {
    position += 1;
  }
  if (position >= html.length) {
    return dropped;
  }
  const name = toAsciiLowerCase(html.slice(nameStart, position));
  const attributes: HtmlAttribute[] = [];
  const names = new Set<string>();
  let isSelfClosing = false;
  for (;;) {
    position = skipWhitespace(html, position);
    if (position >= html.length) {
      return dropped;
    }
    const character = html.charCodeAt(position);
    if (character === greaterThan) {
      position += 1;
      break;
    }
    if (character === solidus) {
      // Self-closing start tag state: `/>` closes the tag; a stray `/` is skipped.
      position += 1;
      if (html.charCodeAt(position) === greaterThan) {
        isSelfClosing = true;
        position += 1;
        break;
      }
      continue;
    }
    // Attribute name state; a leading `=` is part of the name.
    const attributeStart = position;
    position += 1;
    while (position < html.length && !endsAttributeName(html.charCodeAt(position))) {
      position += 1;
    }
    const attributeName = toAsciiLowerCase(html.slice(attributeStart, position));
    position = skipWhitespace(html, position);
    if (position >= html.length) {
      return dropped;
    }
    let value = '';
    if (html.charCodeAt(position) === equalsSign) {
      position = skipWhitespace(html, position + 1);
      if (position >= html.length) {
        return dropped;
      }
      const quote = html.charCodeAt(position);
      if (quote === doubleQuote || quote === apostrophe) {
        const close = html.indexOf(quote === doubleQuote ? '"' : "'", position + 1);
        if (close < 0) {
          return dropped;
        }
        value = html.slice(position + 1, close);
        position = close + 1;
      } else if (quote !== greaterThan) {
        const valueStart = position;
        while (
          position < html.length &&
          !isWhitespace(html.charCodeAt(position)) &&
          html.charCodeAt(position) !== greaterThan
        ) {
          position += 1;
        }
        if (position >= html.length) {
          return dropped;
        }
        value = html.slice(valueStart, position);
      }
    }
    if (!names.has(attributeName)) {
      names.add(attributeName);
      attributes.push({ name: attributeName, value: decodeEntities(value) });
    }
  }
  // The standard drops an end tag's attributes (an end-tag-with-attributes parse error).
  const token: HtmlToken = kind === 'start-tag' ? { kind, name, attributes, isSelfClosing } : { kind, name };
  return { token, end: position };
}

function skipWhitespace(html: string, from: number): number {
  let position = from;
  while (position < html.length && isWhitespace(html.charCodeAt(position))) {
    position += 1;
  }
  return position;
}

/** Whether `html` has `lowerCaseName` at `at`, compared ASCII case-blind as the standard compares tag names. */
function hasNameAt(html: string, at: number, lowerCaseName: string): boolean {
  if (at + lowerCaseName.length > html.length) {
    return false;
  }
  for (let index = 0; index < lowerCaseName.length; index += 1) {
    let character = html.charCodeAt(at + index);
    if (character >= 0x41 && character <= 0x5a) {
      character += 0x20;
    }
    if (character !== lowerCaseName.charCodeAt(index)) {
      return false;
    }
  }
  return true;
}

/** ASCII lower case only, as the standard lower-cases tag and attribute names. */
function toAsciiLowerCase(text: string): string {
  return text.replace(/[A-Z]+/g, (letters) => letters.toLowerCase());
}

function isWhitespace(character: number): boolean {
  return (
    character === space ||
    character === lineFeed ||
    character === tab ||
    character === formFeed ||
    character === carriageReturn
  );
}

function endsTagName(character: number): boolean {
  return isWhitespace(character) || character === solidus || character === greaterThan;
}

function endsAttributeName(character: number): boolean {
  return endsTagName(character) || character === equalsSign;
}

function isAsciiLetter(character: number): boolean {
  return (character >= 0x41 && character <= 0x5a) || (character >= 0x61 && character <= 0x7a);
}
