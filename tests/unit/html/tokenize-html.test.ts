import { describe, expect, it } from 'vitest';
import {
  readAttribute,
  tokenizeHtml,
  type HtmlStartTag,
  type HtmlToken,
} from '../../../src-main/core/html/tokenize-html';

function tokens(html: string): HtmlToken[] {
  return [...tokenizeHtml(html)];
}

function startTag(html: string): HtmlStartTag {
  const tag = tokens(html).find((token): token is HtmlStartTag => token.kind === 'start-tag');
  if (!tag) {
    throw new Error(`no start tag in ${html}`);
  }
  return tag;
}

const start = (name: string, attributes: Record<string, string> = {}, isSelfClosing = false): HtmlToken => ({
  kind: 'start-tag',
  name,
  attributes: Object.entries(attributes).map(([attributeName, value]) => ({ name: attributeName, value })),
  isSelfClosing,
});
const end = (name: string): HtmlToken => ({ kind: 'end-tag', name });
const text = (words: string): HtmlToken => ({ kind: 'text', text: words });

describe('tokenizeHtml: text and tags (WHATWG HTML §13.2.5)', () => {
  it('splits text from tags, lower-cases names and decodes character references in text and attribute values', () => {
    expect(tokens('<P Class=x>AT&amp;T &nbsp &#8212; &#x2014;</P>')).toEqual([
      start('p', { class: 'x' }),
      text('AT&T   — —'),
      end('p'),
    ]);
  });

  it('reads double-quoted, single-quoted, unquoted and valueless attributes, with spaces around the "="', () => {
    expect(startTag(`<a href = "/doc1/1?a=1&amp;b=2" title='it''s' data-x=1>b</a><input disabled>`)).toEqual(
      start('a', { href: '/doc1/1?a=1&b=2', title: 'it', "'s'": '', 'data-x': '1' }),
    );
    expect(startTag('<input disabled type=password>')).toEqual(start('input', { disabled: '', type: 'password' }));
    expect(
      readAttribute(startTag('<A HREF=https://ecf.cit.uscourts.gov/doc1/0141?caseid=1&de_seq_num=2>'), 'href'),
    ).toBe('https://ecf.cit.uscourts.gov/doc1/0141?caseid=1&de_seq_num=2');
  });

  it('keeps the first of repeated attributes, accepts a tag across lines and a ">" inside a quoted value', () => {
    expect(startTag('<a href="first" HREF="second">')).toEqual(start('a', { href: 'first' }));
    expect(startTag('<A \r\nHREF="x>y" \n>')).toEqual(start('a', { href: 'x>y' }));
  });

  it('marks "/>" as self-closing and skips a stray "/"', () => {
    expect(tokens('<br/><img / src=x />')).toEqual([start('br', {}, true), start('img', { src: 'x' }, true)]);
  });

  it('takes "<" that does not open markup as a character', () => {
    expect(tokens('a < b <3 c<')).toEqual([text('a < b <3 c<')]);
    expect(tokens('x </')).toEqual([text('x </')]);
  });

  it('drops "</>" and a tag cut off by the end of the input', () => {
    expect(tokens('a</>b<a href="x')).toEqual([text('a'), text('b')]);
    expect(tokens('<p>a<a href=x')).toEqual([start('p'), text('a')]);
  });

  it('ignores the attributes of an end tag', () => {
    expect(tokens('</td class=x>')).toEqual([end('td')]);
  });
});

describe('tokenizeHtml: comments, declarations and bogus comments', () => {
  it('ends a comment at "-->" or "--!>", and reads "<!-->" and "<!--->" as empty comments', () => {
    expect(tokens('a<!-- b -- c --->d<!--e--!>f<!-->g<!--->h')).toEqual([
      text('a'),
      { kind: 'comment', text: ' b -- c -' },
      text('d'),
      { kind: 'comment', text: 'e' },
      text('f'),
      { kind: 'comment', text: '' },
      text('g'),
      { kind: 'comment', text: '' },
      text('h'),
    ]);
  });

  it('runs an unclosed comment to the end of the input', () => {
    expect(tokens('a<!-- b <p>c</p>')).toEqual([text('a'), { kind: 'comment', text: ' b <p>c</p>' }]);
    expect(tokens('<!--'.repeat(3))).toEqual([{ kind: 'comment', text: '<!--<!--' }]);
  });

  it('reads a DOCTYPE, and Outlook conditional comments, "<?xml …?>", "</3>" and CDATA outside SVG as bogus comments', () => {
    expect(tokens('<!DOCTYPE html><![if !supportLists]>x<![endif]><?xml version="1.0"?></3 x><![CDATA[a]]>b')).toEqual([
      { kind: 'doctype' },
      { kind: 'comment', text: '[if !supportLists]' },
      text('x'),
      { kind: 'comment', text: '[endif]' },
      { kind: 'comment', text: '?xml version="1.0"?' },
      { kind: 'comment', text: '3 x' },
      { kind: 'comment', text: '[CDATA[a]]' },
      text('b'),
    ]);
  });
});

describe('tokenizeHtml: raw-text elements', () => {
  it('gives the content of script and style whole, markup and references left as they are', () => {
    expect(tokens('<script>if (a < b) x = "</p>&amp;";</script>after')).toEqual([
      start('script'),
      { kind: 'raw-text', element: 'script', text: 'if (a < b) x = "</p>&amp;";' },
      end('script'),
      text('after'),
    ]);
  });

  it('ends raw text only at its own end tag followed by space, "/" or ">", in any case', () => {
    expect(tokens('<style>a</styles>b</STYLE >c')).toEqual([
      start('style'),
      { kind: 'raw-text', element: 'style', text: 'a</styles>b' },
      end('style'),
      text('c'),
    ]);
  });

  it('runs an unclosed raw-text element to the end of the input', () => {
    expect(tokens('<script><p>Notice</p>')).toEqual([
      start('script'),
      { kind: 'raw-text', element: 'script', text: '<p>Notice</p>' },
    ]);
    expect(tokens('<script>'.repeat(3))).toEqual([
      start('script'),
      { kind: 'raw-text', element: 'script', text: '<script><script>' },
    ]);
  });

  it('decodes references in title and textarea (RCDATA), not in xmp or iframe (RAWTEXT)', () => {
    expect(tokens('<title>A &amp; B <b></title><xmp>&amp;<b></xmp>')).toEqual([
      start('title'),
      { kind: 'raw-text', element: 'title', text: 'A & B <b>' },
      end('title'),
      start('xmp'),
      { kind: 'raw-text', element: 'xmp', text: '&amp;<b>' },
      end('xmp'),
    ]);
  });

  it('runs plaintext to the end, whatever follows', () => {
    expect(tokens('<plaintext>a</plaintext>b')).toEqual([
      start('plaintext'),
      { kind: 'raw-text', element: 'plaintext', text: 'a</plaintext>b' },
    ]);
  });
});
