import { PDFRawStream } from '@cantoo/pdf-lib';
import type { PDFDocument } from '@cantoo/pdf-lib';
import type { Finding } from '../../../shared/preflight';
import type { InspectedPdf } from '../check';
import { readStreamBytes } from '../content/stream-bytes';
import { asDictionary, textOfValue, valueOf } from '../dictionary-entries';

const infoFields = ['Title', 'Author', 'Subject', 'Keywords', 'Creator', 'Producer'] as const;
/** The fields that can say who wrote the document or what it is about; Creator and Producer only name software. */
const revealingFields = new Set(['Title', 'Author', 'Subject', 'Keywords']);
const xmpFields: readonly (readonly [string, RegExp])[] = [
  ['Title', /<dc:title\b[^>]*>([\s\S]*?)<\/dc:title>/],
  ['Author', /<dc:creator\b[^>]*>([\s\S]*?)<\/dc:creator>/],
  ['Subject', /<dc:description\b[^>]*>([\s\S]*?)<\/dc:description>/],
  ['Keywords', /<pdf:Keywords>([\s\S]*?)<\/pdf:Keywords>|pdf:Keywords="([^"]*)"/],
  ['Creator', /<xmp:CreatorTool>([\s\S]*?)<\/xmp:CreatorTool>|xmp:CreatorTool="([^"]*)"/],
  ['Producer', /<pdf:Producer>([\s\S]*?)<\/pdf:Producer>|pdf:Producer="([^"]*)"/],
];
const filePath = /(?:\b[A-Za-z]:\\|\\\\[\w.-]+\\|\/(?:Users|home|Volumes|private|var|tmp)\/|file:\/\/)[^\s<>"]*/;
const filePaths = new RegExp(filePath.source, 'g');

/**
 * Finds document properties worth a look before filing: the Info dictionary and XMP values (Title, Author,
 * Subject, Keywords, Creator, Producer) and anything that looks like a file path. Courts warn that metadata
 * such as the author or a file path can reveal what a filer did not mean to file (court FAQ 45;
 * docs/court-rules.md#redaction-leaks).
 * Raised when a revealing field or a path is present; software names alone are not worth a warning.
 */
export function findMetadata(pdf: InspectedPdf): Finding[] {
  const document = pdf.document;
  if (document === null) {
    return [];
  }
  const values = [...readInfo(document), ...readXmp(document)];
  const lines = new Set<string>();
  let isWorthALook = false;
  for (const { field, label, value } of values) {
    const cleaned = value.replace(/\s+/g, ' ').trim();
    if (cleaned === '') {
      continue;
    }
    lines.add(`${label}: ${cleaned}`);
    if (revealingFields.has(field)) {
      isWorthALook = true;
    }
    for (const path of cleaned.match(filePaths) ?? []) {
      lines.add(`File path: ${path}`);
      isWorthALook = true;
    }
  }
  if (!isWorthALook) {
    return [];
  }
  return [
    {
      code: 'metadata',
      severity: 'warn',
      message:
        "This PDF's properties (its document information and XMP metadata) contain names, titles or file paths that are filed with it and become public. " +
        'Courts warn that metadata such as the author or a folder path on your computer can reveal more than the filing itself. ' +
        "Check the values listed; ECF Desk's clean copy removes them, or clear them in Adobe Acrobat under File, Properties.",
      text: [...lines],
      fixes: ['clean-copy'],
    },
  ];
}

interface MetadataValue {
  /** The Info field it corresponds to (Title, Author…). */
  field: string;
  /** How it is shown: the field, and where it came from when that is XMP. */
  label: string;
  value: string;
}

function readInfo(document: PDFDocument): MetadataValue[] {
  const info = asDictionary(document.context.lookup(document.context.trailerInfo.Info));
  if (info === null) {
    return [];
  }
  const values: MetadataValue[] = [];
  for (const [key] of info.entries()) {
    const field = key.decodeText();
    const text = textOfValue(valueOf(info, field));
    if (text === null) {
      continue;
    }
    if ((infoFields as readonly string[]).includes(field) || filePath.test(text)) {
      values.push({ field, label: field, value: text });
    }
  }
  return values;
}

function readXmp(document: PDFDocument): MetadataValue[] {
  const stream = valueOf(document.catalog, 'Metadata');
  if (!(stream instanceof PDFRawStream)) {
    return [];
  }
  const xml = new TextDecoder().decode(readStreamBytes(stream));
  const values: MetadataValue[] = [];
  for (const [field, pattern] of xmpFields) {
    const match = pattern.exec(xml);
    const raw = match?.[1] ?? match?.[2];
    if (raw !== undefined) {
      values.push({ field, label: `${field} (XMP)`, value: stripTags(raw) });
    }
  }
  for (const path of xml.match(filePaths) ?? []) {
    values.push({ field: 'Path', label: 'XMP', value: path });
  }
  return values;
}

function stripTags(xml: string): string {
  return xml
    .replace(/<[^>]+>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}
