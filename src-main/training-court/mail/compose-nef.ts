import { page, type PageContent } from '../pages';
import { formatMailDate } from './eastern-time';
import { keepLinesShort } from './html-text';
import { MailError } from './mail-error';
import { checkHeaderAddress, formatHeader } from './mail-header';
import type { NefAddressee, NefEntry } from './nef-message';
import { renderEmailBanner, renderNefNotice } from './nef-html';

/** What the sender decides for one email: its Message-Id and the moment it is sent. */
export interface NefEmailOptions {
  /** The id's left part ("28116330"), completed with the court's mail domain; a full "id@domain" is kept as it is. */
  readonly messageId: string;
  readonly date: Date;
}

/**
 * One addressee's Notice of Electronic Filing as a complete RFC 5322 message with CRLF line ends:
 * single-part `text/html`, 7bit and without a charset like the real court's mail (docs/court-rules.md#notice-format),
 * which works because the body is pure ASCII with every line under 998 bytes.
 */
export function composeNefEmail(entry: NefEntry, addressee: NefAddressee, options: NefEmailOptions): string {
  const headers = [
    formatHeader('Date', formatMailDate(options.date)),
    formatHeader('MIME-Version', '1.0'),
    formatHeader('From', checkHeaderAddress(entry.court.fromAddress)),
    formatHeader('To', checkHeaderAddress(addressee.email)),
    formatHeader('Message-Id', `<${fullMessageId(options.messageId, entry.court.mailDomain)}>`),
    formatHeader('Subject', `Activity in Case ${entry.caseNumber} ${entry.caseName} ${entry.shortDescription}`),
    formatHeader('Content-Type', 'text/html'),
    formatHeader('Content-Transfer-Encoding', '7bit'),
  ];
  const body = keepLinesShort(`${renderEmailBanner()}\n\n\n${renderNefNotice(entry, addressee.magicNum)}\n`);
  return `${headers.join('\r\n')}\r\n\r\n${body.join('\r\n')}`;
}

/**
 * What CM/ECF shows the filer right after a successful submit, inside its frame (`pages.renderPage`): the same notice,
 * without the email banner, and with a document link that carries no magic number (the filer has the PDF).
 */
export function composeNefReceiptPage(entry: NefEntry): PageContent {
  return page(null, renderNefNotice(entry, null));
}

function fullMessageId(messageId: string, mailDomain: string): string {
  const id = messageId.includes('@') ? messageId : `${messageId}@${mailDomain}`;
  // RFC 5322 §3.6.4 msg-id: dot-atom-text "@" dot-atom-text, nothing that could end the header early.
  if (!/^[\x21-\x7e]+@[\x21-\x7e]+$/.test(id) || /[<>()[\]\\,;:"\s]/.test(id)) {
    throw new MailError('mail.unsafe-message-id', `"${messageId}" cannot be used as a Message-Id.`);
  }
  return id;
}
