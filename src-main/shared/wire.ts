/**
 * How a call travels over browser mode's HTTP: JSON for ordinary arguments; for a call that
 * carries a file, the file's bytes are the request body and the other arguments ride in a header.
 * Answers are JSON envelopes (`{ok, value}` or `{ok: false, error}`), except a successful call whose value
 * is bytes (a `Uint8Array`): that answer is `200` with `content-type: application/octet-stream` and the raw
 * bytes as the body, which the transport reads back as `{ok: true, value: Uint8Array}`. Failures stay envelopes.
 */
export const bytesField = 'bytes';
/** Header that carries the JSON of a binary call's other arguments (URI-encoded). */
export const argumentsHeader = 'x-ecf-arguments';
/** Header that carries the per-launch token. */
export const tokenHeader = 'x-ecf-token';
/** Path prefix of every API call: `POST /api/<channel>`. */
export const apiPrefix = '/api/';
/** Path of the event stream (server-sent events, read with fetch so the token can travel in a header). */
export const eventsPath = '/api/events';
/** Content type of a file's bytes, whether sent as a call's body or answered as a call's value. */
export const bytesContentType = 'application/octet-stream';
