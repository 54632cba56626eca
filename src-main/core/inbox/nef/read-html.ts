import { readAttribute, tokenizeHtml, type HtmlToken } from '../../html/tokenize-html';
import type { NoticeLink, NoticeText } from './notice-text';

/** Elements whose content is never shown: their text must not leak into the notice lines. */
const hiddenElements = new Set(['head', 'style', 'script', 'title', 'xml']);
/**
 * Hidden elements that are not raw text, so the tokenizer reads their content as markup: they hide what lies between
 * them and their own end tag, and a start tag that is never closed hides nothing (Outlook's `<xml>` blocks, a `<head>`).
 */
const hiddenContainers = ['head', 'xml'] as const;
/** Elements that start a new line (a table row, a division). */
const lineElements = new Set([
  'div',
  'tr',
  'table',
  'tbody',
  'thead',
  'li',
  'ul',
  'ol',
  'center',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'dt',
  'dd',
  'hr',
]);
/** Elements that start a paragraph: a blank line before and after, as a mail client shows them. */
const paragraphElements = new Set(['p', 'blockquote']);

/**
 * Reduces an HTML notice to lines of text, the way a mail client lays it out: `<br>` and block
 * elements end a line, table cells on one row share a line, runs of spaces and source line breaks
 * collapse (an HTML case name may be split across source lines). Tags are matched case-blind and
 * unquoted attributes are accepted, as CM/ECF writes `<A HREF=https://…>`. The HTML is read by
 * `tokenizeHtml`, so the time is linear in its length whatever it holds.
 */
export function readHtml(html: string): NoticeText {
  const builder = new LineBuilder();
  const endTagsAhead = countContainerEndTags(html);
  let hiddenUntil: string | null = null;
  let openLink: { href: string; text: string } | null = null;
  const addText = (text: string): void => {
    const flat = text.replace(/\s+/g, ' ');
    builder.addText(flat);
    if (openLink) {
      openLink.text += flat;
    }
  };
  for (const token of tokenizeHtml(html)) {
    if (token.kind === 'end-tag' && endTagsAhead.has(token.name)) {
      endTagsAhead.set(token.name, (endTagsAhead.get(token.name) ?? 0) - 1);
    }
    if (hiddenUntil !== null) {
      if (token.kind === 'end-tag' && token.name === hiddenUntil) {
        hiddenUntil = null;
      }
      continue;
    }
    if (token.kind === 'text') {
      addText(token.text);
    } else if (token.kind === 'raw-text' && !hiddenElements.has(token.element)) {
      addText(token.text);
    } else if (token.kind === 'start-tag' && (endTagsAhead.get(token.name) ?? 0) > 0) {
      hiddenUntil = token.name;
    } else if (token.kind === 'start-tag' || token.kind === 'end-tag') {
      openLink = layOut(builder, token, openLink);
    }
  }
  if (openLink) {
    builder.addLink(openLink);
  }
  return builder.finish();
}

/** What a tag does to the lines; returns the link left open after it. */
function layOut(
  builder: LineBuilder,
  tag: Extract<HtmlToken, { kind: 'start-tag' | 'end-tag' }>,
  openLink: { href: string; text: string } | null,
): { href: string; text: string } | null {
  const { name } = tag;
  if (name === 'br') {
    builder.endLine();
  } else if (paragraphElements.has(name)) {
    builder.endParagraph();
  } else if (lineElements.has(name)) {
    builder.endLine(true);
  } else if (name === 'td' || name === 'th') {
    builder.addText(' ');
  } else if (name === 'a' && tag.kind === 'start-tag') {
    const href = readAttribute(tag, 'href');
    if (openLink) {
      builder.addLink(openLink);
    }
    return href === null ? null : { href: href.trim(), text: '' };
  } else if (name === 'a' && openLink) {
    builder.addLink(openLink);
    return null;
  }
  return openLink;
}

/** How many end tags of each hidden container the HTML has, so a start tag knows whether one follows it. */
function countContainerEndTags(html: string): Map<string, number> {
  const counts = new Map<string, number>(hiddenContainers.map((name) => [name, 0]));
  for (const token of tokenizeHtml(html)) {
    if (token.kind === 'end-tag' && counts.has(token.name)) {
      counts.set(token.name, (counts.get(token.name) ?? 0) + 1);
    }
  }
  return counts;
}

class LineBuilder {
  private readonly lines: string[] = [];
  private readonly links: NoticeLink[] = [];
  private current = '';

  addText(text: string): void {
    this.current += text;
  }

  addLink(link: { href: string; text: string }): void {
    this.links.push({ href: link.href, text: link.text.replace(/\s+/g, ' ').trim(), line: this.lines.length });
  }

  /** Ends the current line; with `onlyIfStarted`, a block element does not add an empty line. */
  endLine(onlyIfStarted = false): void {
    const line = this.current.replace(/\s+/g, ' ').trim();
    this.current = '';
    if (onlyIfStarted && line === '') {
      return;
    }
    this.push(line);
  }

  endParagraph(): void {
    this.endLine(true);
    this.push('');
  }

  finish(): NoticeText {
    this.endLine(true);
    return { lines: this.lines, links: this.links, wrapsValues: false };
  }

  private push(line: string): void {
    if (line === '' && (this.lines.length === 0 || this.lines.at(-1) === '')) {
      return;
    }
    this.lines.push(line);
  }
}
