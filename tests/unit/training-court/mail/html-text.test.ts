import { describe, expect, it } from 'vitest';
import { escapeHtml, keepLinesShort, wrapEscapedText } from '../../../../src-main/training-court/mail/html-text';

describe('escapeHtml', () => {
  it('turns markup into text and everything outside ASCII into numeric references', () => {
    expect(escapeHtml(`<b>"Ünited" & 'Steel'</b> 🚢`)).toBe(
      '&lt;b&gt;&quot;&#220;nited&quot; &amp; &#39;Steel&#39;&lt;/b&gt; &#128674;',
    );
  });

  it('replaces control characters, which a 7bit body may not carry, with spaces', () => {
    expect(escapeHtml('a\u0000b\u001bc\r\nd')).toBe('a b c\nd');
  });
});

describe('wrapEscapedText', () => {
  it('breaks after a space so each line stays near the CM/ECF width', () => {
    const lines = wrapEscapedText(escapeHtml('word '.repeat(40).trim())).split('\n');
    expect(lines.length).toBeGreaterThan(2);
    expect(lines.every((line) => line.length <= 76)).toBe(true);
    expect(lines.join('')).toBe('word '.repeat(40).trim());
  });

  it('cuts a word longer than a line, but never inside a character reference', () => {
    const lines = wrapEscapedText(escapeHtml('é'.repeat(100))).split('\n');
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.every((line) => /^(&#233;)+$/.test(line))).toBe(true);
  });
});

describe('keepLinesShort', () => {
  it('cuts a spaceless line that is too long before a tag, where a break changes nothing on screen', () => {
    const first = `<td>${'x'.repeat(600)}</td>`;
    const second = `<td>${'y'.repeat(600)}</td>`;
    expect(keepLinesShort(first + second)).toEqual([first, second]);
  });

  it('cuts a line with no space or tag at all under the RFC 5322 limit', () => {
    const lines = keepLinesShort('z'.repeat(3000));
    expect(lines.every((piece) => piece.length < 998)).toBe(true);
    expect(lines.join('')).toBe('z'.repeat(3000));
  });

  it('leaves short lines alone', () => {
    expect(keepLinesShort('<p>one</p>\r\n<p>two</p>')).toEqual(['<p>one</p>', '<p>two</p>']);
  });
});
