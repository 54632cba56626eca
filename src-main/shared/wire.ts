/**
 * How a call travels over browser mode's HTTP: JSON for ordinary arguments; for a call that
 * carries a file, the file's bytes are the request body and the other arguments ride in a header.
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
