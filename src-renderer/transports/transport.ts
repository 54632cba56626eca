import type { ChannelName, EventName } from '../../src-main/shared/channel-names';
import type { Envelope } from '../../src-main/shared/errors';

/** Options for one call; upload progress is reported only where the host sends bytes over a network. */
export interface CallOptions {
  readonly onUploadProgress?: (fraction: number) => void;
}

/** How the renderer reaches main: Electron IPC through the preload, or browser mode's loopback HTTP. */
export interface Transport {
  readonly host: 'electron' | 'browser';
  invoke(channel: ChannelName, args: unknown, options?: CallOptions): Promise<Envelope<unknown>>;
  on(event: EventName, listener: (payload: unknown) => void): () => void;
}
