import type { Finding } from '../../../shared/preflight';
import type { InspectedPdf } from '../check';
import { pageTreeLimits } from '../parse/page-tree';
import type { PageTree, PageTreeLimits } from '../parse/page-tree';
import { describePages, distinctPages } from '../dictionary-entries';

/** What to do about a damaged list of pages: what the court's FAQ 49 asks for a malformed file. */
const recreate =
  'Re-create the PDF the way the court suggests: open it in Adobe Acrobat, choose File, then Print, print it to the "Adobe PDF" printer at 300 dpi, and add the new file. ' +
  'Then check that the new file has every page you mean to file.';

const count = (value: number): string => value.toLocaleString('en-US');

const limitsReached: Readonly<Record<keyof PageTreeLimits, Problem>> = {
  nodes: {
    sentence: `This PDF's list of pages goes on past ${count(pageTreeLimits.nodes)} pages, so ECF Desk stopped reading it there and did not check the pages after that.`,
    detail: `more than ${count(pageTreeLimits.nodes)} pages`,
  },
  kids: {
    sentence: `This PDF's list of pages has more than ${count(pageTreeLimits.kids)} entries, so ECF Desk stopped reading it there and did not check the pages after that.`,
    detail: `more than ${count(pageTreeLimits.kids)} entries in the list of pages`,
  },
  depth: {
    sentence: `This PDF's list of pages is nested more than ${count(pageTreeLimits.depth)} levels deep, so ECF Desk stopped reading it there and did not check the pages below that.`,
    detail: `the list of pages is nested more than ${count(pageTreeLimits.depth)} levels deep`,
  },
};

/**
 * Every page counts: a page that a viewer shows is a page the court receives, so a page preflight could not read
 * is never passed over in silence. Blocks a document with no readable page, entries of the page list that are
 * no page, and page lists that loop, repeat themselves beyond any real filing or go past the walk's limits (ISO 32000-1 §7.7.3: the page tree is a tree; CM/ECF rejects
 * malformed files, court FAQ 49, and a list that expands without end can stall the court's system as it would
 * any reader). Warns about pages that were read and checked but that some programs skip or count twice.
 */
export function findPageTreeProblems(pdf: InspectedPdf): Finding[] {
  const tree = pdf.pageTree;
  if (tree === null || pdf.document === null) {
    return [];
  }
  const findings: Finding[] = [];
  const blocking = findBlockingProblems(tree);
  if (blocking.length > 0) {
    findings.push({
      code: 'malformed',
      severity: 'block',
      message: `${blocking.map((problem) => problem.sentence).join(' ')} CM/ECF rejects damaged files as malformed (court FAQ 49). ${recreate}`,
      ...(tree.unreadablePages.length > 0 ? { pages: [...tree.unreadablePages] } : {}),
      text: blocking.map((problem) => problem.detail),
    });
  }
  const oddities = findOddities(tree);
  if (oddities.length > 0) {
    findings.push({
      code: 'malformed',
      severity: 'warn',
      message:
        `The list of pages inside this PDF is irregular. ${oddities.map((problem) => problem.sentence).join(' ')} ` +
        'ECF Desk read and checked every one of these pages, but programs disagree about such pages — some skip them, some count them twice — so the court may not see the pages you see. ' +
        recreate,
      pages: distinctPages(oddities.flatMap((problem) => problem.pages ?? [])),
      text: oddities.map((problem) => problem.detail),
    });
  }
  return findings;
}

/** One thing wrong with the list of pages: a sentence for the message and a short line for the details. */
interface Problem {
  readonly sentence: string;
  readonly detail: string;
  readonly pages?: readonly number[];
}

function findBlockingProblems(tree: PageTree): Problem[] {
  const problems: Problem[] = [];
  if (tree.pageCount === 0) {
    problems.push({
      sentence: 'This PDF has no pages, so there is nothing to check and nothing the court could docket.',
      detail: 'no pages',
    });
  } else if (tree.pages.length === 0) {
    problems.push({ sentence: 'None of the pages of this PDF can be read.', detail: 'no readable page' });
  }
  const unreadable = tree.unreadablePages;
  if (unreadable.length > 0) {
    const those = unreadable.length === 1 ? 'that page' : 'those pages';
    problems.push({
      sentence:
        `The entry for ${describePages(unreadable)} in the file's list of pages is damaged, so ECF Desk could not read or check ${those}. ` +
        `Other programs may still show ${those}, with whatever ${unreadable.length === 1 ? 'it holds' : 'they hold'} — text under a black box included.`,
      detail: `${describePages(unreadable)}: damaged entry in the list of pages`,
    });
  }
  if (tree.stoppedAt !== null) {
    problems.push(limitsReached[tree.stoppedAt]);
  } else if (tree.listedPages === Number.POSITIVE_INFINITY) {
    problems.push({
      sentence: "This PDF's list of pages loops back on itself, so a program that follows it never finishes.",
      detail: 'the list of pages loops back on itself',
    });
  } else if (tree.listedPages > pageTreeLimits.nodes) {
    problems.push({
      sentence: `This PDF's list of pages names the same pages over and over, ${count(tree.listedPages)} times in all, which can stall or crash a program that opens it.`,
      detail: `the list of pages names its pages ${count(tree.listedPages)} times`,
    });
  }
  return problems;
}

function findOddities(tree: PageTree): Problem[] {
  const problems: Problem[] = [];
  const odd = tree.oddPages;
  if (odd.length > 0) {
    problems.push({
      sentence: `${capitalise(describePages(odd))} ${odd.length === 1 ? 'is' : 'are'} not marked as ${odd.length === 1 ? 'a page' : 'pages'} the way the PDF standard asks.`,
      detail: `${describePages(odd)}: not marked as a page`,
      pages: odd,
    });
  }
  const repeated = tree.repeatedPages;
  const isRepeatBlocking = tree.stoppedAt !== null || tree.listedPages > pageTreeLimits.nodes;
  if (repeated.length > 0 && !isRepeatBlocking) {
    problems.push({
      sentence: `${capitalise(describePages(repeated))} ${repeated.length === 1 ? 'is' : 'are'} listed more than once; ECF Desk counts ${repeated.length === 1 ? 'it' : 'each'} once.`,
      detail: `${describePages(repeated)}: listed more than once`,
      pages: repeated,
    });
  }
  return problems;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
