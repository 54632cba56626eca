import type { ChannelName, EventName } from '../src-main/shared/channel-names';
import type { ChannelArgs, ChannelResult, EventPayload } from '../src-main/shared/contract';
import type { DocumentRecord } from '../src-main/shared/domain';
import type { ErrorCode } from '../src-main/shared/errors';
import type { CallOptions, Transport } from './transports/transport';

/** A failed call, with the stable code main gave it. */
export class BridgeError extends Error {
  readonly code: ErrorCode;

  constructor(code: ErrorCode, message: string) {
    super(message);
    this.name = 'BridgeError';
    this.code = code;
  }
}

/** What choosing files gave: main already added them (Electron's own dialog), or files for the renderer to upload. */
export type ChooseResult =
  | { readonly kind: 'added'; readonly records: readonly DocumentRecord[] }
  | { readonly kind: 'files'; readonly files: readonly File[] };

/** The renderer's one way to main. Components use it without knowing which host carries the call. */
export interface Bridge {
  readonly host: Transport['host'];
  invoke<C extends ChannelName>(channel: C, args: ChannelArgs<C>, options?: CallOptions): Promise<ChannelResult<C>>;
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
  chooseFiles(): Promise<ChooseResult>;
}

/** Opens the browser's own file picker; in browser mode the bytes are uploaded, never a path. */
function pickFilesInBrowser(): Promise<File[]> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.multiple = true;
    input.accept = 'application/pdf,.pdf';
    input.addEventListener('change', () => resolve(Array.from(input.files ?? [])));
    input.addEventListener('cancel', () => resolve([]));
    input.click();
  });
}

/** Builds a bridge over a transport. */
export function createBridge(transport: Transport): Bridge {
  const invoke = async <C extends ChannelName>(
    channel: C,
    args: ChannelArgs<C>,
    options?: CallOptions,
  ): Promise<ChannelResult<C>> => {
    const envelope = await transport.invoke(channel, args, options);
    if (!envelope.ok) {
      throw new BridgeError(envelope.error.code, envelope.error.message);
    }
    return envelope.value as ChannelResult<C>;
  };
  return {
    host: transport.host,
    invoke,
    on: (event, listener) => transport.on(event, (payload) => listener(payload as EventPayload<typeof event>)),
    async chooseFiles() {
      if (transport.host === 'electron') {
        return { kind: 'added', records: await invoke('documents.choose', {}) };
      }
      return { kind: 'files', files: await pickFilesInBrowser() };
    },
  };
}
