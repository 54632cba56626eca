import type { ChannelHandlers } from '../api/handlers';
import type { AccountsService } from './accounts-service';
import type { CourtSession } from './court-session';

/** The PACER accounts' channels; removing an account ends its session first, and testing one logs in and out. */
export function accountsChannels(accounts: AccountsService, session: CourtSession): ChannelHandlers<'accounts'> {
  return {
    'accounts.list': () => accounts.list(),
    'accounts.save': (input) => accounts.save(input),
    'accounts.remove': async ({ id }) => {
      await session.forgetAccount(id);
      await accounts.remove(id);
      return null;
    },
    'accounts.test': (request) => session.test(request),
  };
}
