import type { Check } from '../check';
import { findActiveContent } from './active-content';
import { findAnnotations } from './annotations';
import { contentChecks } from './content-checks';
import { findEarlierRevisions } from './earlier-revisions';
import { findEmbeddedFiles } from './embedded-files';
import { findEncrypted } from './encrypted';
import { findFontsNotEmbedded } from './fonts-not-embedded';
import { findForms } from './forms';
import { findHiddenLayers } from './hidden-layers';
import { findLinks } from './links';
import { findMalformed } from './malformed';
import { findMetadata } from './metadata';
import { findMultimedia } from './multimedia';
import { findNotPdf } from './not-pdf';
import { findPageSize } from './page-size';
import { findPageTreeProblems } from './page-tree';
import { findTooLarge } from './too-large';
import { findUnappliedRedactions } from './unapplied-redaction';

/** The checks that read the file's structure and objects (no page content), most serious first. */
export const objectChecks: readonly Check[] = [
  findNotPdf,
  findMalformed,
  findPageTreeProblems,
  findTooLarge,
  findEncrypted,
  findActiveContent,
  findEmbeddedFiles,
  findMultimedia,
  findUnappliedRedactions,
  findEarlierRevisions,
  findMetadata,
  findHiddenLayers,
  findAnnotations,
  findForms,
  findLinks,
  findFontsNotEmbedded,
  findPageSize,
];

/** Every check, in the order reports list them: structure and objects first, then page content. */
export const allChecks: readonly Check[] = [...objectChecks, ...contentChecks];
