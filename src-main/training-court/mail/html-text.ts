/**
 * Text inside the NEF's HTML. The notice goes out as 7bit `text/html` with no charset, as CM/ECF
 * sends it, so every character outside ASCII becomes a numeric reference and no line may reach
 * the 998-byte limit of RFC 5322 §2.1.1.
 */

/** CM/ECF wraps the variable text of a notice at about this width; only looks, never correctness. */
const noticeTextWidth = 76;

/** RFC 5322 §2.1.1: a line is at most 998 characters before its CRLF; keep a margin below it. */
const longestSafeLine = 990;

const namedReferences: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Plain text as HTML that is pure ASCII: markup characters escaped, the rest as numeric references, control characters as spaces. */
export function escapeHtml(text: string): string {
  let html = '';
  for (const character of text.replace(/\r\n?/g, '\n')) {
    const codePoint = character.codePointAt(0) ?? 0;
    const named = namedReferences[character];
    if (named !== undefined) {
      html += named;
    } else if (character === '\n' || character === '\t') {
      html += character;
    } else if (codePoint < 0x20 || codePoint === 0x7f) {
      html += ' ';
    } else if (codePoint > 0x7e) {
      html += `&#${codePoint};`;
    } else {
      html += character;
    }
  }
  return html;
}

/**
 * Escaped text broken into lines of about `width` characters at spaces, the space kept at the end of
 * the line as CM/ECF does; a word longer than a line is cut, but never inside a character reference.
 */
export function wrapEscapedText(html: string, width = noticeTextWidth): string {
  return html
    .split('\n')
    .map((line) => breakLine(line, width).join('\n'))
    .join('\n');
}

/** Every line of an HTML document kept under the RFC 5322 limit, whatever the fields held. */
export function keepLinesShort(html: string): string[] {
  return html
    .split(/\r\n|\r|\n/)
    .flatMap((line) => (line.length > longestSafeLine ? breakLine(line, longestSafeLine) : [line]));
}

function breakLine(line: string, width: number): string[] {
  const pieces: string[] = [];
  let rest = line;
  while (rest.length > width) {
    const cut = cutPosition(rest, width);
    pieces.push(rest.slice(0, cut));
    rest = rest.slice(cut);
  }
  pieces.push(rest);
  return pieces;
}

/** After the last space that fits; failing that, before a tag or reference; failing that, at the width. */
function cutPosition(line: string, width: number): number {
  const space = line.lastIndexOf(' ', width - 1);
  if (space > 0) {
    return space + 1;
  }
  const boundary = Math.max(line.lastIndexOf('<', width), line.lastIndexOf('&', width));
  if (boundary > 0) {
    return boundary;
  }
  return width;
}
