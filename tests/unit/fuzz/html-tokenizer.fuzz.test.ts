import { describe, expect, it } from 'vitest';
import { tokenizeHtml, type HtmlToken } from '../../../src-main/core/html/tokenize-html';
import { seededRandom, type SeededRandom } from '../../support/seeded-random';

/**
 * Random tag soup for the HTML tokenizer: pieces of every kind of markup it knows (tags, quotes, comments, raw-text
 * elements, declarations, references), put together at random, open and unclosed. Whatever the soup, tokenizing
 * never throws and gives back no more than it was given. Fixed seeds: a failure names its seed and case.
 */
const pieces = [
  '<',
  '>',
  '</',
  '/>',
  '<!--',
  '-->',
  '--!>',
  '<!-->',
  '<!',
  '<?',
  '<![CDATA[',
  ']]>',
  '<!DOCTYPE html>',
  '"',
  "'",
  '=',
  ' ',
  '\n',
  '\t',
  '/',
  '-',
  '!',
  'a',
  'p',
  'br',
  'td',
  'tr',
  'table',
  'script',
  'style',
  'title',
  'textarea',
  'xmp',
  'iframe',
  'plaintext',
  'head',
  'xml',
  '<a href=',
  '<a href="/doc1/1">',
  '</a>',
  '<script>',
  '</script>',
  '<style>',
  '</style >',
  '<title>',
  '</TITLE>',
  '<tr><td>',
  '</td>',
  '&amp;',
  '&nbsp',
  '&#x1F600;',
  '&#99999999;',
  '&lt;',
  '&',
  '#',
  ';',
  'Case Name:',
  'Docket Text:',
  '\u0000',
  '\u00a0',
  'é',
];

function soup(random: SeededRandom, count: number): string {
  return Array.from({ length: count }, () => random.pick(pieces)).join('');
}

/** Every character of output a token carries. */
function outputLength(token: HtmlToken): number {
  switch (token.kind) {
    case 'text':
    case 'raw-text':
    case 'comment':
      return token.text.length;
    case 'start-tag':
      return (
        token.name.length +
        token.attributes.reduce((total, attribute) => total + attribute.name.length + attribute.value.length, 0)
      );
    case 'end-tag':
      return token.name.length;
    case 'doctype':
      return 0;
  }
}

/** What is wrong with the tokens of `html`, or null: more tokens or characters than the input, a bad name. */
function problemWith(html: string): string | null {
  let count = 0;
  let characters = 0;
  for (const token of tokenizeHtml(html)) {
    count += 1;
    characters += outputLength(token);
    if ((token.kind === 'start-tag' || token.kind === 'end-tag') && !/^[a-z][^A-Z\t\n\f\r />]*$/.test(token.name)) {
      return `tag name ${JSON.stringify(token.name)}`;
    }
    if (
      token.kind === 'start-tag' &&
      new Set(token.attributes.map((attribute) => attribute.name)).size !== token.attributes.length
    ) {
      return `repeated attribute in <${token.name}>`;
    }
  }
  if (count > html.length) {
    return `${count} tokens from ${html.length} characters`;
  }
  if (characters > html.length) {
    return `${characters} characters out of ${html.length}`;
  }
  return null;
}

describe('the HTML tokenizer on random tag soup', () => {
  it.each([1, 2, 3, 4])('never throws, and gives back no more than it was given (seed %i)', (seed) => {
    const random = seededRandom(seed);
    for (let index = 0; index < 500; index += 1) {
      const html = soup(random, random.int(0, 200));
      expect(problemWith(html), `seed ${seed}, case ${index}: ${JSON.stringify(html)}`).toBeNull();
    }
  });

  it('reads floods of one piece, left open, and gives back no more than it was given', () => {
    const random = seededRandom(5);
    for (let index = 0; index < 40; index += 1) {
      const piece = soup(random, random.int(1, 3));
      const html = piece.repeat(Math.floor(200_000 / piece.length));
      expect(problemWith(html), `seed 5, case ${index}: ${JSON.stringify(piece)} repeated`).toBeNull();
    }
  });
});
