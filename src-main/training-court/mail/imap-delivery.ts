import { ImapFlow } from 'imapflow';
import { MailError } from './mail-error';

/** Where the training court's notices go when it delivers into a real mailbox. */
export interface ImapDeliveryOptions {
  readonly host: string;
  readonly port: number;
  /** TLS from the first byte (port 993); false for a plain test server. */
  readonly secure: boolean;
  readonly auth: { readonly user: string; readonly pass: string };
  /** The folder notices land in; INBOX unless a test wants its own. */
  readonly mailbox?: string;
}

/** Appends notices to one IMAP mailbox over a single connection. */
export interface ImapDelivery {
  /** Appends one message, unread; `email` names the addressee in errors only, since the mailbox is fixed. */
  deliver(email: string, rawMessage: string): Promise<void>;
  /** Logs out; later deliveries would open a new connection. */
  close(): Promise<void>;
}

/**
 * IMAP delivery by APPEND (RFC 9051 §6.3.12) with no flags, so each notice arrives as new mail the way
 * the court's would. One connection serves every delivery, one at a time; a dropped connection is
 * opened again and the message sent once more.
 */
export function createImapDelivery(options: ImapDeliveryOptions): ImapDelivery {
  const mailbox = options.mailbox ?? 'INBOX';
  let client: ImapFlow | null = null;
  let queue: Promise<unknown> = Promise.resolve();

  async function connectedClient(): Promise<ImapFlow> {
    if (client?.usable) {
      return client;
    }
    client?.close();
    const fresh = new ImapFlow({
      host: options.host,
      port: options.port,
      secure: options.secure,
      auth: { ...options.auth },
      logger: false,
    });
    // Without a listener a socket error would be thrown at the process; `usable` turning false is enough here.
    fresh.on('error', () => undefined);
    client = fresh;
    await fresh.connect();
    return fresh;
  }

  async function append(rawMessage: string): Promise<boolean> {
    const connection = await connectedClient();
    const result = await connection.append(mailbox, rawMessage, []);
    return result !== false && result !== undefined;
  }

  async function deliverNow(email: string, rawMessage: string): Promise<void> {
    try {
      if (await append(rawMessage)) {
        return;
      }
    } catch (error) {
      // Wrong credentials, or a NO on a live connection, would only fail the same way again.
      if (isAuthenticationFailure(error) || client?.usable) {
        throw appendFailed(email, error);
      }
    }
    try {
      if (await append(rawMessage)) {
        return;
      }
    } catch (error) {
      throw appendFailed(email, error);
    }
    throw appendFailed(email, null);
  }

  function appendFailed(email: string, cause: unknown): MailError {
    const reason = serverReason(cause);
    return new MailError(
      'mail.imap-append-failed',
      `The notice for ${email} could not be put into ${mailbox} on ${options.host}:${options.port}${reason}.`,
    );
  }

  return {
    deliver(email, rawMessage) {
      const delivery = queue.then(() => deliverNow(email, rawMessage));
      queue = delivery.catch(() => undefined);
      return delivery;
    },
    async close() {
      await queue;
      const open = client;
      client = null;
      if (open === null) {
        return;
      }
      try {
        if (open.usable) {
          await open.logout();
        }
      } finally {
        open.close();
      }
    },
  };
}

/** ImapFlow marks a refused login with `authenticationFailed` (its AuthenticationFailure class is not what LOGIN rejects with). */
function isAuthenticationFailure(error: unknown): boolean {
  return (
    typeof error === 'object' &&
    error !== null &&
    (error as { authenticationFailed?: unknown }).authenticationFailed === true
  );
}

/** The server's own words ("Authentication failed.") beat ImapFlow's generic "Command failed". */
function serverReason(error: unknown): string {
  if (!(error instanceof Error)) {
    return '';
  }
  const { responseText } = error as { responseText?: unknown };
  return `: ${typeof responseText === 'string' && responseText !== '' ? responseText.replace(/\.$/, '') : error.message}`;
}
