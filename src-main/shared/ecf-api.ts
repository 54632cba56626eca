import type { ChannelName, EventName } from './channel-names';
import type { Envelope } from './errors';

/** What the preload exposes to the renderer as `window.ecf`: allowlisted calls and events, nothing else. */
export interface EcfApi {
  invoke(channel: ChannelName, args: unknown): Promise<Envelope<unknown>>;
  on(event: EventName, listener: (payload: unknown) => void): () => void;
}
