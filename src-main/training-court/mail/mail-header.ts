import { MailError } from './mail-error';

/** RFC 5322 §2.1.1 recommends lines of at most 78 characters; headers fold at whitespace to stay there. */
const foldWidth = 78;

/** RFC 2047 §2: an encoded-word is at most 75 characters; 42 bytes of UTF-8 make 56 of base64 plus 12 of framing. */
const encodedWordBytes = 42;

/**
 * One header field, folded at spaces so its lines stay short (RFC 5322 §2.2.3). Runs of whitespace,
 * line breaks included, collapse to one space first: a case name can never inject a header.
 */
export function formatHeader(name: string, value: string): string {
  const flat = value.replace(/\s+/g, ' ').trim();
  const words = needsEncoding(flat) ? encodeWords(flat) : flat.split(' ');
  const lines: string[] = [];
  let line = `${name}:`;
  for (const word of words) {
    if (line.length + 1 + word.length > foldWidth && line.length > name.length + 1) {
      lines.push(line);
      line = '';
    }
    line += ` ${word}`;
  }
  lines.push(line);
  return lines.join('\r\n');
}

/**
 * RFC 2047 encoded-words for non-ASCII text, for text a reader would mistake for encoded-words, and for
 * a word too long to fold (an encoded-word may be cut anywhere, a plain word may not).
 */
function needsEncoding(text: string): boolean {
  return (
    !/^[\x20-\x7e]*$/.test(text) || text.includes('=?') || text.split(' ').some((word) => word.length > foldWidth - 2)
  );
}

/** UTF-8 base64 encoded-words, split between characters so no word holds half of one. */
function encodeWords(text: string): string[] {
  const words: string[] = [];
  let chunk = '';
  for (const character of text) {
    if (Buffer.byteLength(chunk + character) > encodedWordBytes) {
      words.push(encodedWord(chunk));
      chunk = '';
    }
    chunk += character;
  }
  if (chunk !== '') {
    words.push(encodedWord(chunk));
  }
  return words;
}

function encodedWord(text: string): string {
  return `=?UTF-8?B?${Buffer.from(text, 'utf8').toString('base64')}?=`;
}

/** An address fit for a From or To header: one plain ASCII addr-spec, nothing that could add a header or a second recipient. */
export function checkHeaderAddress(email: string): string {
  if (!/^[\x21-\x7e]+@[\x21-\x7e]+$/.test(email) || /[<>()[\]\\,;:"@]/.test(email.replace(/@(?=[^@]*$)/, ''))) {
    throw new MailError(
      'mail.unsafe-address',
      `"${email}" is not a plain email address, so the training court cannot send a notice to it.`,
    );
  }
  return email;
}
