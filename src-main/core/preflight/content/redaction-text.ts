/**
 * x-ray's text filters (`xray/text_utils.py`, `filter_redactions_by_text`): text under a box that is not a
 * leak — placeholders (XXXX), blanks, punctuation, a stray letter clipped at a box's edge, the words a proper
 * redaction leaves behind ("REDACTED", "Confidential"), and codes the font cannot turn into text.
 */

const letterOrDigit = /[\p{L}\p{N}_]/u;
const lettersOrDigits = /[\p{L}\p{N}_]/gu;
/** x-ray's OK words, longest first so "re" cannot eat the start of "redacted" (text_utils.is_ok_words). */
const okWords =
  /redacted +and +publicly +filed|name +redacted|confidential|privileged?|redacted|redacte|redact|redac|reda|red|re/gi;
/** x-ray's date shape (text_utils.looks_like_a_date): 1/2/2020, 01-02-20. */
const datePattern = /[0-3]?\d[/-][0-3]?\d[/-]\d{2,4}/g;

/** Whether the text under a box is something a reader could learn from, after x-ray's filters. */
export function isRecoverableText(text: string): boolean {
  if (text.trim() === '' || !letterOrDigit.test(text)) {
    return false;
  }
  if (isRepeatedCharacter(text) || isSingleCharacter(text)) {
    return false;
  }
  if (text.includes('\uFFFD')) {
    return false;
  }
  return !isOnlyOkWords(text);
}

/**
 * A single letter or digit on its own (with spaces or punctuation at most): x-ray drops it as a box edge touching
 * the next character, but a box can hide exactly one word, such as the article of "a number of" at a line's end.
 */
export function isLoneCharacter(text: string): boolean {
  return isSingleCharacter(text) && letterOrDigit.test(text) && !text.includes('\uFFFD');
}

/** Whether the text is, in its entirety, a date: x-ray clears a document whose every hit is one (v0.3.3). */
export function looksLikeDate(text: string): boolean {
  return text.replace(datePattern, '').trim() === '';
}

/** XXXX, "XXXXX XXXX": one character repeated, perhaps with spaces or punctuation between (is_repeated_chars). */
function isRepeatedCharacter(text: string): boolean {
  if (text.length <= 1) {
    return false;
  }
  if (new Set(text).size === 1) {
    return true;
  }
  const alphanumeric = text.replace(/[^a-zA-Z0-9]/g, '');
  return alphanumeric.length > 1 && new Set(alphanumeric).size === 1;
}

/** A lone letter or digit: a box edge touching the next character, not hidden content (is_single_char). */
function isSingleCharacter(text: string): boolean {
  return (text.match(lettersOrDigits) ?? []).length <= 1;
}

/**
 * Only the words a proper redaction prints ("REDACTED", "Confidential", "Privileged", "Name Redacted").
 * x-ray keeps a hit when anything at all is left, even a space ("REDACTED REDACTED"); here a hit needs a
 * letter or digit left over, which is what would make it a leak.
 */
function isOnlyOkWords(text: string): boolean {
  const normalized = text.trim().split(/\s+/).join(' ');
  return !letterOrDigit.test(normalized.replace(okWords, ''));
}
