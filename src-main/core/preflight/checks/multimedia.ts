import type { Finding } from '../../../shared/preflight';
import type { InspectedPdf } from '../check';
import { describePages, distinctPages, nameOf } from '../dictionary-entries';

const mediaAnnotations: ReadonlyMap<string, string> = new Map([
  ['Screen', 'video or media player (Screen)'],
  ['Sound', 'sound clip (Sound)'],
  ['Movie', 'movie (Movie)'],
  ['RichMedia', 'Flash or rich media (RichMedia)'],
  ['3D', '3D model (3D)'],
]);

const mediaObjects: ReadonlyMap<string, string> = new Map([
  ['U3D', '3D model data (U3D)'],
  ['PRC', '3D model data (PRC)'],
  ['RichMediaContent', 'Flash or rich media (RichMedia)'],
  ['RichMediaSettings', 'Flash or rich media (RichMedia)'],
  ['MediaClip', 'media clip'],
]);

/**
 * Finds audio, video and 3D content: Screen, Sound, Movie, RichMedia and 3D annotations, and RichMedia, U3D,
 * PRC and media-clip objects. NextGen CM/ECF 1.8 rejects PDFs with "audio and video content"
 * (docs/court-rules.md#what-cmecf-rejects).
 */
export function findMultimedia(pdf: InspectedPdf): Finding[] {
  const census = pdf.census;
  if (census === null) {
    return [];
  }
  const kinds = new Set<string>();
  const pages: (number | null)[] = [];
  for (const annotation of census.annotations) {
    const kind = mediaAnnotations.get(annotation.subtype);
    if (kind === undefined) {
      continue;
    }
    kinds.add(kind);
    pages.push(annotation.page);
  }
  for (const dictionary of census.dictionaries) {
    const kind =
      mediaObjects.get(nameOf(dictionary, 'Subtype') ?? '') ?? mediaObjects.get(nameOf(dictionary, 'Type') ?? '');
    if (kind !== undefined) {
      kinds.add(kind);
    }
  }
  if (kinds.size === 0) {
    return [];
  }
  const onPages = distinctPages(pages);
  const listed = [...kinds].sort();
  return [
    {
      code: 'multimedia',
      severity: 'block',
      message:
        `This PDF contains audio, video or 3D content: ${listed.join(', ')}${onPages.length > 0 ? ` on ${describePages(onPages)}` : ''}. ` +
        'CM/ECF rejects PDFs with audio and video content (NextGen CM/ECF release 1.8). ' +
        "ECF Desk can make a clean copy without the media; if the recording itself is an exhibit, ask the clerk's office how to submit it.",
      ...(onPages.length > 0 ? { pages: onPages } : {}),
      text: listed,
      fixes: ['clean-copy'],
    },
  ];
}
