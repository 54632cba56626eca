import type { ChannelHandlers } from '../api/handlers';
import type { CourtSession } from './court-session';

/** The court session's channels: who is logged in, logging in and out, and checking the session is still live. */
export function sessionChannels(session: CourtSession): ChannelHandlers<'session'> {
  return {
    'session.status': async () => session.status(),
    'session.login': (request) => session.login(request),
    'session.verify': () => session.verify(),
    'session.logout': async () => {
      await session.logout();
      return session.status();
    },
  };
}
