import type { Check } from '../check';
import { findBadRedactions } from './bad-redaction';
import { findHiddenText } from './hidden-text';
import { findImageOnlyPages } from './image-only-pages';
import { findLowResolutionImages } from './low-resolution';
import { findUnreadablePages } from './unreadable-pages';

/**
 * The checks that read what pages paint (content streams), most serious first. They share one pass over
 * the pages (content/page-content.ts), so the second and third cost almost nothing.
 */
export const contentChecks: readonly Check[] = [
  findBadRedactions,
  findHiddenText,
  findUnreadablePages,
  findImageOnlyPages,
  findLowResolutionImages,
];
