/**
 * How core answers the renderer's calls. Every feature registers its own channels the same way:
 *
 * - it exports `<feature>Channels(deps)` from `<feature>-channels.ts` in its own folder, returning
 *   `ChannelHandlers<'<prefix>'>`: the handlers of exactly the channels named `<prefix>.…` (a feature may serve
 *   more than one prefix, as filing serves `drafts.` and `outbox.`, and inbox serves `inbox.` and `mailboxes.`);
 * - `app-services.ts` only builds the services and spreads each feature's set into one `Handlers` object.
 *
 * The types keep every channel handled exactly once: a set cannot hold a channel outside its prefixes (an object
 * literal with an extra key does not type-check), no two sets share a prefix, and the spread must be a whole
 * `Handlers`, so a channel nobody serves does not compile. Handlers get their arguments already parsed by the
 * channel's schema (`dispatch.ts`), and their refusals are `AppError`s with a code of `shared/errors.ts`.
 */
import type { z } from 'zod';
import type { ChannelName } from '../../shared/channel-names';
import type { ChannelResult, contract } from '../../shared/contract';

/** The arguments a handler receives: already parsed by the channel's schema. */
export type ParsedArgs<C extends ChannelName> = z.output<(typeof contract)[C]['args']>;

/** One async function per channel; the dispatcher calls them only with validated arguments. */
export type Handlers = { readonly [C in ChannelName]: (args: ParsedArgs<C>) => Promise<ChannelResult<C>> };

/** The channels whose names start with one of the prefixes: `ChannelsOf<'documents'>` is every `documents.…`. */
export type ChannelsOf<Prefix extends string> = Extract<ChannelName, `${Prefix}.${string}`>;

/** The handlers a feature registers: those of its channels, and no other. */
export type ChannelHandlers<Prefix extends string> = Pick<Handlers, ChannelsOf<Prefix>>;

type ChannelsIn<Sets> = Sets extends readonly [infer First, ...infer Rest] ? keyof First | ChannelsIn<Rest> : never;
type ServedTwice<Sets> = Sets extends readonly [infer First, ...infer Rest]
  ? Extract<keyof First, ChannelsIn<Rest>> | ServedTwice<Rest>
  : never;
/** Passes when the sets serve every channel once; otherwise names the channels served twice or by nobody. */
type EachChannelOnce<Sets> = ([ServedTwice<Sets>] extends [never]
  ? unknown
  : { readonly servedTwice: ServedTwice<Sets> }) &
  ([Exclude<ChannelName, ChannelsIn<Sets>>] extends [never]
    ? unknown
    : { readonly servedByNobody: Exclude<ChannelName, ChannelsIn<Sets>> });

/** The features' channel sets as one `Handlers`; a channel served twice, or by nobody, does not compile. */
export function joinChannels<const Sets extends readonly Partial<Handlers>[]>(
  ...sets: Sets & EachChannelOnce<Sets>
): Handlers {
  return Object.assign({}, ...sets) as Handlers;
}

/** A handler as a wrapper sees it: any arguments in, any result out (the contract's types stay on `Handlers`). */
export type AnyHandler = (args: unknown) => Promise<unknown>;

/** Every handler wrapped the same way (logging, refusing after close), the channels and their types kept. */
export function wrapEachHandler(handlers: Handlers, wrap: (channel: ChannelName, handler: AnyHandler) => AnyHandler) {
  const entries = (Object.keys(handlers) as ChannelName[]).map(
    (channel) => [channel, wrap(channel, handlers[channel] as AnyHandler)] as const,
  );
  return Object.fromEntries(entries) as unknown as Handlers;
}
