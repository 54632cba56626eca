import type { ChannelHandlers } from '../api/handlers';
import type { FirmConnection } from './firm-connection';
import type { SharedDrafts } from './shared-drafts-sync';

/**
 * The firm server connection's channels: its state, connecting and disconnecting, and shared drafts; `onChanged` runs
 * after a connection is made or dropped (the desktop then follows the server as it is now).
 */
export function firmChannels(
  connection: FirmConnection,
  sharedDrafts: SharedDrafts,
  onChanged: () => void,
): ChannelHandlers<'firmServer'> {
  return {
    'firmServer.status': () => connection.status(),
    'firmServer.connect': async (args) => {
      const status = await connection.connect(args);
      onChanged();
      return status;
    },
    'firmServer.calendarLink': async () => ({ url: await connection.calendarLink() }),
    'firmServer.disconnect': async () => {
      const status = await connection.disconnect();
      onChanged();
      return status;
    },
    'firmServer.sharedDrafts': () => sharedDrafts.list(),
    'firmServer.shareDraft': ({ draftId }) => sharedDrafts.share(draftId),
    'firmServer.openSharedDraft': async ({ id }) => {
      await sharedDrafts.open(id);
      return null;
    },
    'firmServer.takeFirmVersion': async ({ draftId }) => ({ copyId: await sharedDrafts.takeFirmVersion(draftId) }),
    'firmServer.docket': (query) => connection.docket(query),
  };
}
