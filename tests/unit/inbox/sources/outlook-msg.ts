import { burn, type Entry } from '@kenjiuno/msgreader/lib/Burner.js';

/**
 * Builds an Outlook .msg in code: no .msg fixture exists and msgreader ships none, but it ships the
 * compound-file writer it uses for embedded messages (Burner). The layout follows MS-OXMSG: string
 * properties as `__substg1.0_<tag>` streams, fixed-size ones in `__properties_version1.0`, one
 * `__recip_version1.0_#<n>` storage per recipient. Outlook itself writes more; msgreader needs no more.
 */
export interface OutlookMessage {
  readonly subject: string;
  readonly senderName?: string;
  readonly senderSmtpAddress?: string;
  readonly to?: readonly { name: string; smtpAddress: string }[];
  /** PidTagTransportMessageHeaders: the headers as the server delivered them. */
  readonly transportHeaders?: string;
  /** PidTagHtml (binary), as Outlook stores an HTML body. */
  readonly html?: string;
  /** PidTagBody. */
  readonly body?: string;
  /** PidTagRtfCompressed, as Outlook keeps a body it received in RTF. */
  readonly compressedRtf?: Uint8Array;
  readonly deliveredAt?: Date;
}

const directory = 1;
const stream = 2;
const root = 5;

/** The .msg bytes for `message`. */
export function buildOutlookMsg(message: OutlookMessage): Uint8Array {
  const entries: Entry[] = [{ name: 'Root Entry', type: root, children: [], length: 0 }];
  const add = (parent: number, entry: Entry): number => {
    entries.push(entry);
    entries[parent]?.children?.push(entries.length - 1);
    return entries.length - 1;
  };
  const addStream = (parent: number, name: string, content: Uint8Array): void => {
    // A copy of its own: Burner writes `.buffer` whole, and a small Buffer is a slice of Node's shared pool.
    const bytes = new Uint8Array(content);
    add(parent, { name, type: stream, binaryProvider: () => bytes, length: bytes.length });
  };
  const addText = (parent: number, tag: string, text: string | undefined): void => {
    if (text !== undefined) {
      addStream(parent, `__substg1.0_${tag}001F`, Buffer.from(text, 'utf16le'));
    }
  };

  addText(0, '0037', message.subject);
  addText(0, '0C1A', message.senderName);
  addText(0, '5D01', message.senderSmtpAddress);
  addText(0, '007D', message.transportHeaders);
  addText(0, '1000', message.body);
  if (message.html !== undefined) {
    addStream(0, '__substg1.0_10130102', Buffer.from(message.html, 'utf8'));
  }
  if (message.compressedRtf !== undefined) {
    addStream(0, '__substg1.0_10090102', message.compressedRtf);
  }
  // The root property stream has a 32-byte header; PidTagMessageDeliveryTime is a FILETIME.
  const properties = message.deliveredAt ? [fixedProperty(0x0e060040, fileTime(message.deliveredAt))] : [];
  addStream(0, '__properties_version1.0', Buffer.concat([Buffer.alloc(32), ...properties]));

  (message.to ?? []).forEach((recipient, index) => {
    const folder = add(0, {
      name: `__recip_version1.0_#${index.toString(16).toUpperCase().padStart(8, '0')}`,
      type: directory,
      children: [],
      length: 0,
    });
    addText(folder, '3001', recipient.name);
    addText(folder, '39FE', recipient.smtpAddress);
    // Recipient property streams have an 8-byte header; PidTagRecipientType 1 is To.
    const recipientType = Buffer.alloc(8);
    recipientType.writeUInt32LE(1, 0);
    addStream(
      folder,
      '__properties_version1.0',
      Buffer.concat([Buffer.alloc(8), fixedProperty(0x0c150003, recipientType)]),
    );
  });
  return burn(entries);
}

function fixedProperty(tag: number, value: Buffer): Buffer {
  const entry = Buffer.alloc(16);
  entry.writeUInt32LE(tag, 0);
  entry.writeUInt32LE(0x6, 4);
  value.copy(entry, 8);
  return entry;
}

/** 100-nanosecond intervals since 1601-01-01, as two little-endian 32-bit halves. */
function fileTime(date: Date): Buffer {
  const ticks = (BigInt(date.getTime()) + 11_644_473_600_000n) * 10_000n;
  const bytes = Buffer.alloc(8);
  bytes.writeBigUInt64LE(ticks, 0);
  return bytes;
}
