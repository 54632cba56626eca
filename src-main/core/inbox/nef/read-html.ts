import { decodeEntities } from './decode-entities';
import type { NoticeLink, NoticeText } from './notice-text';

/** Elements whose content is never shown: their text must not leak into the notice lines. */
const hiddenElements = /<(head|style|script|title|xml)\b[^>]*>[\s\S]*?<\/\1\s*>/gi;
/** Elements that start a new line (a table row, a division). */
const lineElements = new Set(['div', 'tr', 'table', 'tbody', 'thead', 'li', 'ul', 'ol', 'center', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'dt', 'dd', 'hr']);
/** Elements that start a paragraph: a blank line before and after, as a mail client shows them. */
const paragraphElements = new Set(['p', 'blockquote']);

const tokenPattern = /<!--[\s\S]*?-->|<!\[[\s\S]*?\]>|<!?[^<>]*>?|[^<]+|</g;

/**
 * Reduces an HTML notice to lines of text, the way a mail client lays it out: `<br>` and block
 * elements end a line, table cells on one row share a line, runs of spaces and source line breaks
 * collapse (an HTML case name may be split across source lines). Tags are matched case-blind and
 * unquoted attributes are accepted, as CM/ECF writes `<A HREF=https://…>`.
 */
export function readHtml(html: string): NoticeText {
  const builder = new LineBuilder();
  let openLink: { href: string; text: string } | null = null;
  for (const match of html.replace(hiddenElements, ' ').matchAll(tokenPattern)) {
    const token = match[0];
    if (!token.startsWith('<') || token === '<') {
      const text = decodeEntities(token).replace(/\s+/g, ' ');
      builder.addText(text);
      if (openLink) openLink.text += text;
      continue;
    }
    const tag = /^<(\/?)([a-z][\w:-]*)([\s\S]*?)\/?>?$/i.exec(token);
    if (!tag) continue;
    const [, slash, rawName, attributes] = tag;
    const name = (rawName ?? '').toLowerCase();
    const isClosing = slash === '/';
    if (name === 'br') builder.endLine();
    else if (paragraphElements.has(name)) builder.endParagraph();
    else if (lineElements.has(name)) builder.endLine(true);
    else if (name === 'td' || name === 'th') builder.addText(' ');
    else if (name === 'a' && !isClosing) {
      const href = readAttribute(attributes ?? '', 'href');
      if (openLink) builder.addLink(openLink);
      openLink = href === null ? null : { href, text: '' };
    } else if (name === 'a' && openLink) {
      builder.addLink(openLink);
      openLink = null;
    }
  }
  if (openLink) builder.addLink(openLink);
  return builder.finish();
}

function readAttribute(attributes: string, name: string): string | null {
  const pattern = new RegExp(`\\b${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i');
  const match = pattern.exec(attributes);
  if (!match) return null;
  return decodeEntities(match[1] ?? match[2] ?? match[3] ?? '').trim();
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
    if (onlyIfStarted && line === '') return;
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
    if (line === '' && (this.lines.length === 0 || this.lines.at(-1) === '')) return;
    this.lines.push(line);
  }
}
