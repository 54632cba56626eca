import { PDFDict, PDFRawStream } from '@cantoo/pdf-lib';
import type { PDFDocument, PDFName } from '@cantoo/pdf-lib';
import type { Finding } from '../../../shared/preflight';
import type { InspectedPdf } from '../check';
import { readStreamBytes } from '../content/stream-bytes';
import { asDictionary, textOfValue, valueOf } from '../dictionary-entries';
import { nameFor } from '../pdf-names';

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
/** A word processor's file name ("Microsoft Word - Draft_JQA.docx"): it names a file on someone's computer. */
const fileName = /\.(?:docx?|docm|dotx?|wpd|rtf|odt|pages|xlsx?|pptx?|txt)\b/i;
/**
 * The legal forms a firm's or an agency's name carries. A name with none of them, and not the firm's own, cannot be
 * told from a person's by its shape, so it is taken for one (docs/court-rules.md#metadata).
 */
const organizationName =
  /(?:\b(?:l\.?l\.?p|l\.?l\.?c|p\.?l\.?l\.?c|p\.c|p\.a|l\.?p\.?a|inc|incorporated|corp|corporation|ltd|limited|chartered|gmbh)\.?$|\blaw (?:firm|offices?|group)\b|\battorneys at law\b|\bdepartment of\b|\bunited states\b|& associates\b)/i;
/** How many earlier Info dictionaries are read at most: a file with more still warns, with the first ones listed. */
const earlierInfoLimit = 20;

/** Why metadata stays worth a look rather than information. */
type Concern = 'person' | 'path' | 'file name' | 'earlier version';

/**
 * Finds document properties before filing: the Info dictionary and XMP values (Title, Author, Subject, Keywords,
 * Creator, Producer), anything that looks like a file path, and the properties an earlier version of the file left
 * behind. Courts warn that metadata such as the author or a file path can reveal what a filer did not mean to file
 * (court FAQ 45; docs/court-rules.md#metadata).
 * Properties that only give the document's title or name the firm (`options.firmNames`, or a name with a firm's legal
 * form) are information; a person's name, a path or file name, or an earlier version's properties are worth a look.
 * Software names alone are not reported.
 */
export function findMetadata(pdf: InspectedPdf): Finding[] {
  const document = pdf.document;
  if (document === null) {
    return [];
  }
  const current = readInfo(document).concat(readXmp(document));
  const titles = new Set(current.filter(({ field }) => field === 'Title').map(({ value }) => normalizedName(value)));
  const firms = new Set(pdf.options.firmNames.map(normalizedName).filter((name) => name !== ''));
  const lines = new Set<string>();
  const concerns = new Set<Concern>();
  let isReported = false;
  for (const { field, label, value } of current) {
    const cleaned = oneLine(value);
    if (cleaned === '') {
      continue;
    }
    lines.add(`${label}: ${cleaned}`);
    if (revealingFields.has(field)) {
      isReported = true;
      const concern = concernOf(field, cleaned, titles, firms);
      if (concern !== null) {
        concerns.add(concern);
      }
    }
    for (const path of cleaned.match(filePaths) ?? []) {
      lines.add(`File path: ${path}`);
      concerns.add('path');
      isReported = true;
    }
  }
  for (const { label, value } of readEarlierInfo(document, current)) {
    lines.add(`Kept inside the file (an earlier version, or a PDF placed in it) — ${label}: ${value}`);
    concerns.add('earlier version');
    isReported = true;
  }
  if (!isReported) {
    return [];
  }
  if (concerns.size === 0) {
    return [
      {
        code: 'metadata',
        severity: 'info',
        message:
          "This PDF's properties give only the document's title or the firm's name. They are filed with it and become public, which is usually fine. " +
          "If you would rather file without them, ECF Desk's clean copy removes them.",
        text: [...lines],
        fixes: ['clean-copy'],
      },
    ];
  }
  return [
    {
      code: 'metadata',
      severity: 'warn',
      message:
        `This PDF's properties (its document information and XMP metadata) ${describeConcerns(concerns)}; they are filed with it and become public. ` +
        'Courts warn that metadata such as the author or a folder path on your computer can reveal more than the filing itself. ' +
        "Check the values listed; ECF Desk's clean copy removes them, or clear them in Adobe Acrobat under File, Properties.",
      text: [...lines],
      fixes: ['clean-copy'],
    },
  ];
}

/** What makes one revealing value worth a look; null when it only gives the title or names the firm. */
function concernOf(
  field: string,
  value: string,
  titles: ReadonlySet<string>,
  firms: ReadonlySet<string>,
): Concern | null {
  if (fileName.test(value)) {
    return 'file name';
  }
  if (field === 'Title') {
    return null;
  }
  // An XMP list of authors arrives as one value, its entries separated by semicolons: each must be the firm or the title.
  const names = value
    .split(';')
    .map((name) => name.trim())
    .filter((name) => name !== '');
  const isHarmless = (name: string): boolean => {
    const normalized = normalizedName(name);
    return titles.has(normalized) || firms.has(normalized) || organizationName.test(name);
  };
  return names.every(isHarmless) ? null : 'person';
}

function describeConcerns(concerns: ReadonlySet<Concern>): string {
  const parts: string[] = [];
  if (concerns.has('person')) {
    parts.push('name a person (or say more than the title and the firm)');
  }
  if (concerns.has('path') || concerns.has('file name')) {
    parts.push('name a file or folder on a computer');
  }
  if (concerns.has('earlier version')) {
    parts.push('include the properties of an earlier version of the file, or of another PDF placed in it as a figure');
  }
  const last = parts.pop() ?? '';
  return parts.length === 0 ? last : `${parts.join(', ')} and ${last}`;
}

/** A name as compared: lower case, "&" read as "and", punctuation and spacing ignored. */
function normalizedName(name: string): string {
  return name
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

function oneLine(value: string): string {
  return value.replace(/\s+/g, ' ').trim();
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
  return info === null ? [] : readInfoDictionary(info);
}

function readInfoDictionary(info: PDFDict): MetadataValue[] {
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

/**
 * The revealing values of document information dictionaries the trailer no longer names: an editor that saves
 * changes on top of a file leaves the earlier version's properties in it, where anyone can read them (FAQ 45).
 * A dictionary is taken for document information when it has no /Type and no /Parent (an outline item has a /Title
 * too, but also a /Parent) and has an Author, Subject, Keywords, Producer or Creator.
 */
function readEarlierInfo(document: PDFDocument, current: readonly MetadataValue[]): MetadataValue[] {
  const currentInfo = document.context.lookup(document.context.trailerInfo.Info);
  const known = new Set(current.map(({ field, value }) => `${field}\u0000${oneLine(value)}`));
  const values: MetadataValue[] = [];
  let read = 0;
  for (const [, object] of document.context.enumerateIndirectObjects()) {
    if (read >= earlierInfoLimit) {
      break;
    }
    if (!(object instanceof PDFDict) || object === currentInfo || !isInfoLike(object)) {
      continue;
    }
    read += 1;
    for (const { field, label, value } of readInfoDictionary(object)) {
      const cleaned = oneLine(value);
      if (revealingFields.has(field) && cleaned !== '' && !known.has(`${field}\u0000${cleaned}`)) {
        known.add(`${field}\u0000${cleaned}`);
        values.push({ field, label, value: cleaned });
      }
    }
  }
  return values;
}

/** Looked up in each dictionary by name: every object of a large filing is asked, so no key is decoded to text. */
const infoKeys = {
  type: nameFor('Type'),
  parent: nameFor('Parent'),
  fields: ['Author', 'Subject', 'Keywords', 'Producer', 'Creator'].map(nameFor),
};

function isInfoLike(dictionary: PDFDict): boolean {
  // `true` keeps an entry whose value is null: the key is there, which is what tells an Info dictionary apart.
  const has = (key: PDFName): boolean => dictionary.get(key, true) !== undefined;
  return !has(infoKeys.type) && !has(infoKeys.parent) && infoKeys.fields.some(has);
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

/** The text of an XMP value, the entries of a list (`rdf:li`) separated by semicolons. */
function stripTags(xml: string): string {
  return xml
    .replace(/<\/rdf:li>\s*(?=<rdf:li\b)/g, '; ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}
