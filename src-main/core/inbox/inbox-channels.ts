import type { ChannelHandlers } from '../api/handlers';
import type { InboxService } from './inbox-service';

/** The inbox's channels and those of the mailboxes it reads notices from. */
export function inboxChannels(inbox: InboxService): ChannelHandlers<'inbox' | 'mailboxes'> {
  return {
    'inbox.list': async (query) => inbox.list(query),
    'inbox.get': async ({ id }) => inbox.get(id),
    'inbox.markRead': async ({ id, isRead }) => inbox.markRead(id, isRead),
    'inbox.importFile': ({ name, bytes }) => inbox.importFile(name, bytes),
    'inbox.fetchDocument': ({ id, number }) => inbox.fetchDocument(id, number),
    'inbox.buyDocument': ({ id, number, acceptsFeeCents }) => inbox.buyDocument(id, number, acceptsFeeCents),
    'inbox.exportDeadlines': async () => inbox.exportDeadlines() as Uint8Array<ArrayBuffer>,
    'inbox.documentContent': async ({ id, number }) =>
      (await inbox.documentContent(id, number)) as Uint8Array<ArrayBuffer>,
    'mailboxes.list': () => inbox.mailboxes(),
    'mailboxes.save': (input) => inbox.saveMailbox(input),
    'mailboxes.remove': async ({ id }) => {
      await inbox.removeMailbox(id);
      return null;
    },
    'mailboxes.sync': ({ id }) => inbox.syncMailbox(id),
  };
}
