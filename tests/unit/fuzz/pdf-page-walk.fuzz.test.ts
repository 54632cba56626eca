import { ParseSpeeds, PDFDocument, PDFName, PDFPageLeaf } from '@cantoo/pdf-lib';
import { describe, expect, it } from 'vitest';
import { loadDocument } from '../../../src-main/core/preflight/parse/load-document';
import { pageTreeLimits, readPageTree } from '../../../src-main/core/preflight/parse/page-tree';
import type { PageTree, PageTreeLimits } from '../../../src-main/core/preflight/parse/page-tree';
import { handWrittenPdf, streamObject } from '../../support/hostile-pdfs';
import type { HandWrittenObject } from '../../support/hostile-pdfs';
import { seededRandom } from '../../support/seeded-random';
import type { SeededRandom } from '../../support/seeded-random';

/**
 * The page walk against generated page trees, written byte by byte and parsed as preflight parses them: loops,
 * fan-out, long chains, missing or wrong /Type, kids that are no dictionary (numbers, null, strings, streams, the
 * catalog, objects that do not parse), references to nothing, direct dictionaries, /Parent pointing anywhere and
 * /Count of any size. Fixed seeds and a fixed number of cases, so a failure names a seed and a case to replay.
 */

const smallLimits: PageTreeLimits = { nodes: 12, kids: 40, depth: 4 };
const casesPerSeed = 60;
const seeds = [1, 2, 3, 20260101, 0xdecaf];

/** The catalog is object 1; nodes are 2…; object `streamNumber` is a content stream; nothing is numbered `missingNumber`. */
const streamNumber = 900;
const missingNumber = 999;

/** A MediaBox or none; in a wild tree sometimes with an exponent, which pdf.js reads and pdf-lib does not. */
function mediaBox(random: SeededRandom, isWild: boolean): string {
  if (random.chance(0.6)) {
    return '';
  }
  return isWild && random.chance(0.2)
    ? '/MediaBox [0 0 612e0 792]'
    : `/MediaBox [0 0 ${random.int(100, 1_000)} ${random.int(100, 1_000)}]`;
}

/** One /Kids entry of a wild tree: mostly references to other nodes, sometimes anything at all. */
function wildKid(random: SeededRandom, nodes: number): string {
  const choice = random.next();
  if (choice < 0.7) {
    return `${random.int(2, nodes + 1)} 0 R`;
  }
  return random.pick([
    `${missingNumber} 0 R`,
    `${streamNumber} 0 R`,
    '1 0 R',
    'null',
    '42',
    '(a string)',
    '/APage',
    `<< /Type /Page ${mediaBox(random, true)} >>`,
    '<< /Kids [] >>',
  ]);
}

/** A tree of `nodes` objects with no rule at all: every node may be a page or a node, list anything, name any parent. */
function wildTree(random: SeededRandom): HandWrittenObject[] {
  const nodes = random.int(1, 30);
  const objects: HandWrittenObject[] = [
    [1, `<< /Type /Catalog /Pages ${random.chance(0.9) ? '2 0 R' : wildKid(random, nodes)} >>`],
  ];
  for (let number = 2; number <= nodes + 1; number += 1) {
    const isNode = random.chance(0.5);
    const type = random.pick(
      isNode
        ? ['/Type /Pages', '/Type /Pages', '/Type /Pages', '', '/Type /Page', '/Type /Font']
        : ['/Type /Page', '/Type /Page', '/Type /Page', '', '/Type /Pages', '/Type /XObject'],
    );
    const isFanOut = isNode && random.chance(0.15);
    const kids = isFanOut
      ? Array.from({ length: random.int(20, 200) }, () => `${random.int(2, nodes + 1)} 0 R`)
      : Array.from({ length: random.int(0, 6) }, () => wildKid(random, nodes));
    const kidsEntry = isNode
      ? random.chance(0.9)
        ? `/Kids [${kids.join(' ')}]`
        : random.pick(['/Kids 5', `/Kids ${random.int(2, nodes + 1)} 0 R`, '/Kids null'])
      : random.chance(0.1)
        ? `/Kids [${kids.join(' ')}]`
        : '';
    const parent = random.chance(0.7) ? `/Parent ${random.int(1, nodes + 1)} 0 R` : '';
    const count = random.pick(['', `/Count ${kids.length}`, '/Count 1000000000000', '/Count -3', '/Count 1e3']);
    const damage = random.chance(0.05) ? '/Broken )' : '';
    objects.push([
      number,
      `<< ${type} ${kidsEntry} ${parent} ${count} ${mediaBox(random, true)} ${damage} /Contents ${streamNumber} 0 R >>`,
    ]);
  }
  objects.push([streamNumber, streamObject('', 'q Q')]);
  return objects;
}

/** A chain as deep as `depth`: every node lists a page and the next node. */
function chainTree(depth: number): HandWrittenObject[] {
  const objects: HandWrittenObject[] = [[1, '<< /Type /Catalog /Pages 2 0 R >>']];
  for (let level = 0; level < depth; level += 1) {
    const node = 2 + level * 2;
    const next = level + 1 < depth ? ` ${node + 2} 0 R` : '';
    objects.push([node, `<< /Type /Pages /Kids [${node + 1} 0 R${next}] /Count ${depth - level} >>`]);
    objects.push([node + 1, `<< /Type /Page /Parent ${node} 0 R /MediaBox [0 0 612 792] >>`]);
  }
  return objects;
}

/** A well-formed tree: typed nodes, each listed once by its parent, /Parent and /Count right, pages at any depth. */
function wellFormedTree(random: SeededRandom): HandWrittenObject[] {
  const objects: HandWrittenObject[] = [];
  let next = 3;
  const build = (number: number, parent: number | null, depth: number): number => {
    const kids: number[] = [];
    let count = 0;
    for (let index = random.int(1, 5); index > 0; index -= 1) {
      const kid = next;
      next += 1;
      kids.push(kid);
      if (depth < 4 && random.chance(0.35)) {
        count += build(kid, number, depth + 1);
      } else {
        objects.push([kid, `<< /Type /Page /Parent ${number} 0 R ${mediaBox(random, false)} >>`]);
        count += 1;
      }
    }
    const parentEntry = parent === null ? '/MediaBox [0 0 612 792]' : `/Parent ${parent} 0 R`;
    objects.push([
      number,
      `<< /Type /Pages ${parentEntry} /Kids [${kids.map((kid) => `${kid} 0 R`).join(' ')}] /Count ${count} >>`,
    ]);
    return count;
  };
  build(2, null, 0);
  return [[1, '<< /Type /Catalog /Pages 2 0 R >>'], ...objects];
}

function troublesOf(tree: PageTree): string[] {
  return [
    ...(tree.stoppedAt === null ? [] : [`stopped at ${tree.stoppedAt}`]),
    ...(tree.stoppedAt === null && tree.listedPages === Number.POSITIVE_INFINITY ? ['loop'] : []),
    ...(tree.unreadablePages.length > 0 ? ['unreadable entry'] : []),
    ...(tree.oddPages.length > 0 ? ['odd page'] : []),
    ...(tree.repeatedPages.length > 0 ? ['repeated page'] : []),
  ];
}

async function walk(bytes: Uint8Array, limits: PageTreeLimits): Promise<{ tree: PageTree; document: PDFDocument }> {
  const document = await loadDocument(bytes);
  return { tree: readPageTree(document, limits), document };
}

/** What holds for every walk, whatever the tree: it ended, stayed within its limits, and gave each page once, numbered as it counted them. */
function expectSoundWalk(tree: PageTree, document: PDFDocument, limits: PageTreeLimits, where: string): void {
  expect(tree.pages.length, where).toBeLessThanOrEqual(limits.nodes);
  expect(tree.unreadablePages.length, where).toBeLessThanOrEqual(limits.kids + 1);
  const dictionaries = tree.pages.map((page) => page.dictionary);
  expect(new Set(dictionaries).size, where).toBe(dictionaries.length);
  for (const page of tree.pages) {
    expect(page.dictionary, where).toBeInstanceOf(PDFPageLeaf);
    expect(page.page.node, where).toBe(page.dictionary);
    expect(document.context.lookup(page.page.ref), where).toBe(page.dictionary);
    // pdf-lib's own inherited lookup climbs /Parent, which the walk set: it must end, whatever /Parent said before.
    page.dictionary.getInheritableAttribute(PDFName.of('MediaBox'));
  }
  const numbers = [...tree.pages.map((page) => page.number), ...tree.unreadablePages].sort(
    (left, right) => left - right,
  );
  expect(numbers, where).toEqual(Array.from({ length: tree.pageCount }, (_, index) => index + 1));
  expect(document.getPageCount(), where).toBe(tree.pages.length);
  expect(tree.listedPages >= tree.pageCount || tree.stoppedAt !== null, where).toBe(true);
}

describe('the bounded page walk, on generated page trees', () => {
  it('ends, stays within its limits and gives every page once, on trees with no rules at all', async () => {
    const seen = new Set<string>();
    for (const seed of seeds) {
      const random = seededRandom(seed);
      for (let index = 0; index < casesPerSeed; index += 1) {
        const bytes = handWrittenPdf(wildTree(random));
        for (const limits of [pageTreeLimits, smallLimits]) {
          const where = `seed ${seed}, case ${index}, ${limits === smallLimits ? 'small' : 'default'} limits`;
          const { tree, document } = await walk(bytes, limits);
          expectSoundWalk(tree, document, limits, where);
          for (const trouble of troublesOf(tree)) {
            seen.add(trouble);
          }
        }
      }
    }
    // The generator reaches every kind of trouble the walk handles, so a pass means something.
    expect([...seen].sort()).toEqual([
      'loop',
      'odd page',
      'repeated page',
      'stopped at depth',
      'stopped at kids',
      'stopped at nodes',
      'unreadable entry',
    ]);
  });

  it('stops at the depth limit on a long chain, with the pages above it', async () => {
    const { tree, document } = await walk(handWrittenPdf(chainTree(pageTreeLimits.depth + 5)), pageTreeLimits);
    expectSoundWalk(tree, document, pageTreeLimits, 'chain');
    expect(tree.stoppedAt).toBe('depth');
    expect(tree.pages).toHaveLength(pageTreeLimits.depth + 1);
    const shallow = await walk(handWrittenPdf(chainTree(50)), pageTreeLimits);
    expect(shallow.tree).toMatchObject({ stoppedAt: null, pageCount: 50, listedPages: 50 });
  });

  it('finds the pages of a well-formed tree in the order pdf-lib’s own walk does, and nothing odd about them', async () => {
    for (const seed of seeds) {
      const random = seededRandom(seed);
      for (let index = 0; index < casesPerSeed; index += 1) {
        const where = `seed ${seed}, case ${index}`;
        const bytes = handWrittenPdf(wellFormedTree(random));
        const theirs = await PDFDocument.load(bytes, { updateMetadata: false, parseSpeed: ParseSpeeds.Fastest });
        const { tree, document } = await walk(bytes, pageTreeLimits);
        expectSoundWalk(tree, document, pageTreeLimits, where);
        expect(
          tree.pages.map((page) => page.page.ref),
          where,
        ).toEqual(theirs.getPages().map((page) => page.ref));
        expect(tree, where).toMatchObject({
          unreadablePages: [],
          oddPages: [],
          repeatedPages: [],
          stoppedAt: null,
          listedPages: tree.pageCount,
        });
      }
    }
  });
});
