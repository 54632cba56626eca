import type { ChannelHandlers } from '../api/handlers';
import type { FirmConnection } from './firm-connection';

/** The firm server connection's channels: its state, connecting and disconnecting. */
export function firmChannels(connection: FirmConnection): ChannelHandlers<'firmServer'> {
  return {
    'firmServer.status': () => connection.status(),
    'firmServer.connect': (args) => connection.connect(args),
    'firmServer.disconnect': () => connection.disconnect(),
  };
}
