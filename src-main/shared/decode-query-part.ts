/**
 * One part of a URL's query as its writer meant it: `+` is a space and `%xx` escapes are decoded, as forms encode them.
 * A part with a broken escape (a lone `%`) is kept as it came, where `decodeURIComponent` would throw.
 */
export function decodeQueryPart(value: string): string {
  try {
    return decodeURIComponent(value.replace(/\+/g, ' '));
  } catch {
    return value;
  }
}
