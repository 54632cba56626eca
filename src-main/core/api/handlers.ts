import type { z } from 'zod';
import type { ChannelName } from '../../shared/channel-names';
import type { ChannelResult, contract } from '../../shared/contract';

/** The arguments a handler receives: already parsed by the channel's schema. */
export type ParsedArgs<C extends ChannelName> = z.output<(typeof contract)[C]['args']>;

/** One async function per channel; the dispatcher calls them only with validated arguments. */
export type Handlers = { readonly [C in ChannelName]: (args: ParsedArgs<C>) => Promise<ChannelResult<C>> };
