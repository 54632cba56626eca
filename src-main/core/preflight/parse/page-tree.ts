import {
  Cache,
  PDFArray,
  PDFCatalog,
  PDFDict,
  PDFName,
  PDFNumber,
  PDFPage,
  PDFPageLeaf,
  PDFPageTree,
  PDFRef,
} from '@cantoo/pdf-lib';
import type { PDFDocument, PDFObject } from '@cantoo/pdf-lib';

/** How much of a page tree the walk reads before it stops. */
export interface PageTreeLimits {
  /** Distinct nodes: pages and the nodes that group them. */
  readonly nodes: number;
  /** Entries of /Kids arrays, repeats included. */
  readonly kids: number;
  /** Levels below the root. */
  readonly depth: number;
}

/**
 * 100,000 nodes: a filing of 4,540 pages takes preflight a few seconds, so this many pages is about what it
 * can check within its one minute, and more than twenty times any filing we have seen. 1,000,000 /Kids
 * entries: a well-formed tree has one entry per node. 1,000 levels: a balanced tree of a million pages is
 * a handful of levels deep, and pdf-lib looks inherited attributes up one call per level.
 */
export const pageTreeLimits: PageTreeLimits = { nodes: 100_000, kids: 1_000_000, depth: 1_000 };

/** A page the walk found: its number as viewers count pages, and the pdf-lib page built on it. */
export interface TreePage {
  /** 1-based, counting entries that cannot be read as pages too, so numbers match what viewers show. */
  readonly number: number;
  readonly page: PDFPage;
  /** The page's dictionary (`page.node`). */
  readonly dictionary: PDFPageLeaf;
  /** The page's MediaBox, or the nearest one above it in the tree; null when there is none. */
  readonly mediaBox: readonly number[] | null;
}

/** A document's pages as one bounded walk of its page tree found them (ISO 32000-1 §7.7.3). */
export interface PageTree {
  /** The pages that could be read, in reading order, each once. */
  readonly pages: readonly TreePage[];
  /** Every page the tree lists once, readable or not: what viewers count. */
  readonly pageCount: number;
  /** Pages whose entry is no page dictionary at all (a damaged or missing object, a number). */
  readonly unreadablePages: readonly number[];
  /** Pages read leniently: without /Type /Page, listing /Kids of their own, or under a node without /Type /Pages. */
  readonly oddPages: readonly number[];
  /** Pages the tree lists more than once; each is counted and checked once. */
  readonly repeatedPages: readonly number[];
  /** How many pages a reader that follows every entry would count: Infinity when an entry names a node above it (such a reader never ends), or when the walk stopped at a limit. */
  readonly listedPages: number;
  /** The limit the walk stopped at, or null when it read the whole tree. */
  readonly stoppedAt: keyof PageTreeLimits | null;
}

const names = {
  pages: PDFName.of('Pages'),
  kids: PDFName.of('Kids'),
  type: PDFName.of('Type'),
  page: PDFName.of('Page'),
  parent: PDFName.of('Parent'),
  mediaBox: PDFName.of('MediaBox'),
};

const walks = new WeakMap<PDFDocument, PageTree>();

/**
 * The document's page tree, walked once and kept: every page reached once however often it is listed, within
 * `limits`, leniently (a page without /Type, a node without /Type /Pages, a direct dictionary in /Kids), and
 * with every entry that is no page counted where it stands. Use it wherever an untrusted document's pages are
 * needed: pdf-lib's own walk has no visited set, so a tree that lists one node many times at every level grows
 * its page list until the process aborts.
 *
 * The walk leaves the tree in memory as pdf-lib expects it: every page a PDFPageLeaf and every node above one a
 * PDFPageTree, each with a reference (a direct dictionary is registered), and each one's /Parent naming the node
 * the walk reached it from. Inherited attributes are then looked up along the walk's path, as qpdf and poppler
 * read them, in at most `depth` steps. pdf-lib's `getPages()` and `getPageCount()` answer from this walk.
 */
export function readPageTree(document: PDFDocument, limits: PageTreeLimits = pageTreeLimits): PageTree {
  let tree = walks.get(document);
  if (tree === undefined) {
    tree = new PageTreeWalk(document, limits).walk();
    walks.set(document, tree);
    installPages(document, tree);
  }
  return tree;
}

/** Where an entry of the tree is held, so a direct dictionary there can be replaced by a reference to it. */
type Slot =
  { readonly array: PDFArray; readonly index: number } | { readonly dictionary: PDFDict; readonly key: PDFName };

interface Frame {
  readonly node: PDFPageTree;
  readonly ref: PDFRef;
  readonly kids: PDFArray;
  readonly depth: number;
  readonly mediaBox: readonly number[] | null;
  readonly isOdd: boolean;
  readonly firstPage: number;
  lastPage: number;
  index: number;
  listedPages: number;
}

/** What the walk knows of a node it has reached: a page and its number, or a node and the pages below it. */
type Visit = { readonly page: number } | { readonly frame: Frame; isOpen: boolean };

class PageTreeWalk {
  private readonly context;
  private readonly pages: TreePage[] = [];
  private readonly unreadablePages: number[] = [];
  private readonly oddPages: number[] = [];
  private readonly repeatedPages = new Set<number>();
  private readonly repeatedNodes = new Set<Frame>();
  private readonly visits = new Map<PDFDict, Visit>();
  private readonly frames: Frame[] = [];
  private pageCount = 0;
  private nodeCount = 0;
  private kidCount = 0;
  private rootListedPages = 0;
  private stoppedAt: keyof PageTreeLimits | null = null;

  constructor(
    private readonly document: PDFDocument,
    private readonly limits: PageTreeLimits,
  ) {
    this.context = document.context;
  }

  walk(): PageTree {
    const catalog = this.context.lookup(this.context.trailerInfo.Root);
    // Without a page tree there are no pages to count, not one unreadable page.
    const root = catalog instanceof PDFDict ? catalog.get(names.pages) : undefined;
    if (catalog instanceof PDFDict && isNode(root instanceof PDFRef ? this.context.lookup(root) : root)) {
      this.visit(root, { dictionary: catalog, key: names.pages }, null);
    }
    while (this.frames.length > 0 && this.stoppedAt === null) {
      const frame = this.frames[this.frames.length - 1] as Frame;
      if (frame.index >= frame.kids.size()) {
        this.close(frame);
        continue;
      }
      const index = frame.index;
      frame.index += 1;
      this.kidCount += 1;
      if (this.kidCount > this.limits.kids) {
        this.stoppedAt = 'kids';
      } else {
        this.visit(frame.kids.get(index), { array: frame.kids, index }, frame);
      }
    }
    return {
      pages: this.pages,
      pageCount: this.pageCount,
      unreadablePages: this.unreadablePages,
      oddPages: this.oddPages,
      repeatedPages: this.listRepeatedPages(),
      listedPages: this.stoppedAt === null ? this.rootListedPages : Number.POSITIVE_INFINITY,
      stoppedAt: this.stoppedAt,
    };
  }

  private visit(entry: PDFObject | undefined, slot: Slot, parent: Frame | null): void {
    const node = entry instanceof PDFRef ? this.context.lookup(entry) : entry;
    if (!isNode(node)) {
      this.pageCount += 1;
      this.unreadablePages.push(this.pageCount);
      this.addListed(parent, 1);
      return;
    }
    const visit = this.visits.get(node);
    if (visit !== undefined) {
      this.revisit(visit, parent);
      return;
    }
    this.nodeCount += 1;
    if (this.nodeCount > this.limits.nodes) {
      this.stoppedAt = 'nodes';
      return;
    }
    const kids = node.lookup(names.kids);
    const type = node.lookup(names.type);
    if (type === names.page || !(kids instanceof PDFArray)) {
      this.addPage(node, entry, slot, parent, type !== names.page || kids !== undefined);
    } else {
      this.openNode(node, kids, entry, slot, parent, type !== names.pages);
    }
  }

  private addPage(node: PDFDict, entry: PDFObject | undefined, slot: Slot, parent: Frame | null, isOdd: boolean): void {
    const ref = this.referenceFor(node, entry, slot);
    const leaf =
      node instanceof PDFPageLeaf
        ? node
        : this.replace(ref, PDFPageLeaf.fromMapWithContext(new Map(node.entries()), this.context));
    this.adopt(leaf, parent);
    this.pageCount += 1;
    this.visits.set(node, { page: this.pageCount });
    this.visits.set(leaf, { page: this.pageCount });
    if (isOdd || parent?.isOdd === true) {
      this.oddPages.push(this.pageCount);
    }
    const mediaBox = numbersIn(leaf.lookup(names.mediaBox)) ?? parent?.mediaBox ?? null;
    this.pages.push({ number: this.pageCount, page: PDFPage.of(leaf, ref, this.document), dictionary: leaf, mediaBox });
    this.addListed(parent, 1);
  }

  private openNode(
    node: PDFDict,
    kids: PDFArray,
    entry: PDFObject | undefined,
    slot: Slot,
    parent: Frame | null,
    isOdd: boolean,
  ): void {
    const depth = parent === null ? 0 : parent.depth + 1;
    if (depth > this.limits.depth) {
      this.stoppedAt = 'depth';
      return;
    }
    const ref = this.referenceFor(node, entry, slot);
    const tree =
      node instanceof PDFPageTree
        ? node
        : this.replace(ref, PDFPageTree.fromMapWithContext(new Map(node.entries()), this.context));
    this.adopt(tree, parent);
    const frame: Frame = {
      node: tree,
      ref,
      kids,
      depth,
      mediaBox: numbersIn(tree.lookup(names.mediaBox)) ?? parent?.mediaBox ?? null,
      isOdd: isOdd || parent?.isOdd === true,
      firstPage: this.pageCount + 1,
      lastPage: this.pageCount,
      index: 0,
      listedPages: 0,
    };
    const visit: Visit = { frame, isOpen: true };
    this.visits.set(node, visit);
    this.visits.set(tree, visit);
    this.frames.push(frame);
  }

  private close(frame: Frame): void {
    this.frames.pop();
    frame.lastPage = this.pageCount;
    const visit = this.visits.get(frame.node);
    if (visit !== undefined && 'frame' in visit) {
      visit.isOpen = false;
    }
    const parent = this.frames[this.frames.length - 1] ?? null;
    if (parent === null) {
      this.rootListedPages = frame.listedPages;
    } else {
      this.addListed(parent, frame.listedPages);
    }
  }

  /** A node reached again: counted once, and noted as a repeat (or, when it is above the entry, as a loop). */
  private revisit(visit: Visit, parent: Frame | null): void {
    if ('page' in visit) {
      this.repeatedPages.add(visit.page);
      this.addListed(parent, 1);
    } else if (visit.isOpen) {
      this.addListed(parent, Number.POSITIVE_INFINITY);
    } else {
      this.repeatedNodes.add(visit.frame);
      this.addListed(parent, visit.frame.listedPages);
    }
  }

  private addListed(parent: Frame | null, pages: number): void {
    if (parent === null) {
      this.rootListedPages += pages;
    } else {
      parent.listedPages += pages;
    }
  }

  /** The node's reference; a direct dictionary is registered and its slot made to point at it. */
  private referenceFor(node: PDFDict, entry: PDFObject | undefined, slot: Slot): PDFRef {
    if (entry instanceof PDFRef) {
      return entry;
    }
    const ref = this.context.register(node);
    if ('array' in slot) {
      slot.array.set(slot.index, ref);
    } else {
      slot.dictionary.set(slot.key, ref);
    }
    return ref;
  }

  /** Puts `replacement` (the same entries, as the pdf-lib class its place in the tree calls for) where `node` was. */
  private replace<T extends PDFDict>(ref: PDFRef, replacement: T): T {
    this.context.assign(ref, replacement);
    return replacement;
  }

  /** Makes /Parent name the node the walk came from, so inherited attributes are looked up along the walk's path. */
  private adopt(node: PDFDict, parent: Frame | null): void {
    if (parent === null) {
      node.delete(names.parent);
    } else {
      node.set(names.parent, parent.ref);
    }
  }

  /** Every page under a node reached more than once: the walk numbered the pages under a node consecutively. */
  private listRepeatedPages(): number[] {
    const ranges = [...this.repeatedNodes]
      .map((frame) => [frame.firstPage, frame.lastPage] as const)
      .sort((left, right) => left[0] - right[0]);
    const pages = new Set(this.repeatedPages);
    let covered = 0;
    for (const [first, last] of ranges) {
      for (let page = Math.max(first, covered + 1); page <= last; page += 1) {
        pages.add(page);
      }
      covered = Math.max(covered, last);
    }
    return [...pages].sort((left, right) => left - right);
  }
}

/** Whether `value` can be a node of the tree: a dictionary, but never the catalog (read as a page, it would take the document's catalog away). */
function isNode(value: PDFObject | undefined): value is PDFDict {
  return value instanceof PDFDict && !(value instanceof PDFCatalog);
}

function numbersIn(value: PDFObject | undefined): number[] | null {
  if (!(value instanceof PDFArray) || value.size() === 0) {
    return null;
  }
  const numbers: number[] = [];
  for (let index = 0; index < value.size(); index += 1) {
    const item = value.lookup(index);
    if (!(item instanceof PDFNumber)) {
      return null;
    }
    numbers.push(item.asNumber());
  }
  return numbers;
}

/** The private page cache pdf-lib's `getPages()`, `getPageCount()` and form flattening read; filled from the walk. */
interface PageCacheHolder {
  pageCache: Cache<PDFPage[]>;
}

function installPages(document: PDFDocument, tree: PageTree): void {
  (document as unknown as PageCacheHolder).pageCache = Cache.populatedBy(() => tree.pages.map((page) => page.page));
}
