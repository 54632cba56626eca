import type { Finding } from '../../../shared/preflight';
import type { InspectedPdf } from '../check';

/** Finds files over the court's per-file limit (court FAQ 48: 50 MB at the CIT; other courts set their own). */
export function findTooLarge(pdf: InspectedPdf): Finding[] {
  const { limitBytes } = pdf.options;
  if (pdf.bytes.byteLength <= limitBytes) {
    return [];
  }
  return [
    {
      code: 'too-large',
      severity: 'block',
      message:
        `This file is ${megabytes(pdf.bytes.byteLength)} MB; the court accepts at most ${megabytes(limitBytes)} MB per file. ` +
        `CM/ECF would refuse it ("You cannot load this file because it's over ${megabytes(limitBytes)} Megabytes (MB)", court FAQ 48). ` +
        `Split it into logical parts (for example one exhibit per file), each under ${megabytes(limitBytes)} MB, and file the parts as attachments.`,
      fixes: ['split'],
    },
  ];
}

function megabytes(bytes: number): string {
  const value = bytes / 1_000_000;
  return Number.isInteger(value) ? String(value) : value.toFixed(1);
}
