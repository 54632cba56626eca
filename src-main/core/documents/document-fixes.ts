import { randomUUID } from 'node:crypto';
import type { AnnotationsToDrop, FixOrigin, StoredDocument, VerdictCounts } from '../../shared/domain';
import type { FixId } from '../../shared/preflight';
import { AppError } from '../errors';
import type { Clock, EmitEvent, Fixer, FixOutcome, FixRequest } from '../ports';
import type { DocumentStore } from '../storage/document-store';
import { sha256Of } from '../storage/document-store';
import type { DocumentsTable } from '../storage/documents-table';
import type { PreflightQueue } from './preflight-queue';
import { nameOfFixedCopy, nameOfPart } from './version-names';

/** What fixing needs: the documents and their bytes, the fixer, the preflight queue for the new versions, and where events go. */
export interface DocumentFixesDependencies {
  readonly table: DocumentsTable;
  readonly store: DocumentStore;
  readonly fixer: Fixer;
  readonly queue: PreflightQueue;
  readonly clock: Clock;
  readonly emit: EmitEvent;
}

/** One-click fixes of listed documents: each makes new versions that replace the original, which is kept for undo. */
export interface DocumentFixes {
  /** Makes the fix and answers with the new versions in order, already queued for preflight; a failure throws its `fix.*` code. */
  fix(id: string, fix: FixId, dropAnnotations: AnnotationsToDrop): Promise<StoredDocument[]>;
  /** The fix being made from a document right now, or null. */
  fixingOf(id: string): FixId | null;
  /** Stops a document's fix; false when none was running. The original stays as it was. */
  cancel(id: string): boolean;
  /** Takes back the fix that made `id` (any part of a split) and answers the original, back in the list. */
  undo(id: string): StoredDocument;
  /** Stops every fix without keeping anything it made. */
  close(): void;
}

/** One new version before it is stored: its name, bytes, the original's pages it holds, and what the fix says about it. */
interface Piece {
  readonly name: string;
  readonly bytes: Uint8Array;
  readonly pages: number | null;
  readonly removed: readonly string[];
  readonly notes: readonly string[];
  readonly part: FixOrigin['part'];
}

/** The original's verdict and counts, so the new version can show before and after; null when it had no finished check. */
function countsOf(original: StoredDocument): VerdictCounts | null {
  if (original.preflight.state !== 'done') {
    return null;
  }
  const { verdict, findings } = original.preflight.report;
  return {
    verdict,
    blocking: findings.filter((each) => each.severity === 'block').length,
    warnings: findings.filter((each) => each.severity === 'warn').length,
  };
}

function requestOf(fix: FixId, dropAnnotations: AnnotationsToDrop): FixRequest {
  return fix === 'split' ? { fix } : { fix, dropAnnotations };
}

/** The new versions an outcome describes, named after the original. */
function piecesOf(original: StoredDocument, fix: FixId, outcome: Exclude<FixOutcome, { kind: 'failed' }>): Piece[] {
  if (outcome.kind === 'version') {
    const name = nameOfFixedCopy(original.name, fix === 'split' ? 'clean-copy' : fix);
    return [
      { name, bytes: outcome.bytes, pages: original.pages, removed: outcome.removed, notes: outcome.notes, part: null },
    ];
  }
  return outcome.parts.map((part, index) => ({
    name: nameOfPart(original.name, part.name),
    bytes: part.bytes,
    pages: part.lastPage - part.firstPage + 1,
    removed: [],
    notes: [],
    part: { number: index + 1, count: outcome.parts.length, firstPage: part.firstPage, lastPage: part.lastPage },
  }));
}

const cancelled = (): AppError =>
  new AppError('fix.cancelled', 'The fix was cancelled. The original PDF is unchanged.');

/** Builds the fixes of the documents service. */
export function createDocumentFixes(dependencies: DocumentFixesDependencies): DocumentFixes {
  const { table, store, fixer, queue, clock, emit } = dependencies;
  const running = new Map<string, { readonly fix: FixId; readonly controller: AbortController }>();

  const listedOriginal = (id: string): StoredDocument => {
    const original = table.get(id);
    if (!original) {
      throw new AppError('document.not-found', 'That document is no longer in the list.');
    }
    if (!table.isListed(id)) {
      throw new AppError(
        'fix.not-applicable',
        'That version of the document has been replaced or removed, so it cannot be fixed. Fix the version shown in the list.',
      );
    }
    if (original.preflight.state === 'not-applicable') {
      throw new AppError(
        'fix.not-applicable',
        'Only a readable PDF can be fixed. Save this file as a PDF from the program that made it, then add it again.',
      );
    }
    return original;
  };

  /** Stores each piece's bytes (the store writes atomically), then describes it as a version of the original. */
  const storePieces = async (
    original: StoredDocument,
    fix: FixId,
    pieces: readonly Piece[],
  ): Promise<StoredDocument[]> => {
    const before = countsOf(original);
    const fixedAt = clock.now().toISOString();
    const versions: StoredDocument[] = [];
    for (const piece of pieces) {
      const sha256 = await sha256Of(piece.bytes);
      await store.put(piece.bytes, sha256);
      versions.push({
        id: randomUUID(),
        name: piece.name,
        bytes: piece.bytes.byteLength,
        sha256,
        pages: piece.pages,
        // The version takes the original's place in the list, so it keeps the time the original was added.
        addedAt: original.addedAt,
        problem: null,
        preflight: { state: 'waiting' },
        fixedFrom: {
          fromId: original.id,
          fromName: original.name,
          fix,
          fixedAt,
          removed: [...piece.removed],
          notes: [...piece.notes],
          before,
          part: piece.part,
        },
      });
    }
    return versions;
  };

  const make = async (
    original: StoredDocument,
    fix: FixId,
    dropAnnotations: AnnotationsToDrop,
    signal: AbortSignal,
  ): Promise<StoredDocument[]> => {
    const bytes = await store.read(original.sha256);
    const outcome = await fixer.fix(bytes, requestOf(fix, dropAnnotations), { signal });
    if (outcome.kind === 'failed') {
      throw new AppError(outcome.code, outcome.message);
    }
    if (signal.aborted) {
      throw cancelled();
    }
    const versions = await storePieces(original, fix, piecesOf(original, fix, outcome));
    // Checked again after the writes: a cancel or a quit meanwhile keeps the original exactly as it was.
    if (signal.aborted) {
      throw cancelled();
    }
    if (!table.replaceWithVersions(original.id, versions, clock.now())) {
      throw new AppError(
        'document.not-found',
        'That document was removed while it was being fixed, so the fixed version was not kept.',
      );
    }
    for (const version of versions) {
      queue.enqueue(version.id);
    }
    return versions;
  };

  return {
    async fix(id, fix, dropAnnotations) {
      const original = listedOriginal(id);
      if (running.has(id)) {
        throw new AppError(
          'fix.busy',
          'ECF Desk is already fixing this PDF. Wait for that fix to finish, or cancel it first.',
        );
      }
      const controller = new AbortController();
      running.set(id, { fix, controller });
      emit('documents.changed', {});
      try {
        return await make(original, fix, dropAnnotations, controller.signal);
      } finally {
        // A cancel has already let go of this fix; a new fix of the same document must not be forgotten with it.
        if (running.get(id)?.controller === controller) {
          running.delete(id);
        }
        emit('documents.changed', {});
      }
    },
    fixingOf: (id) => running.get(id)?.fix ?? null,
    cancel(id) {
      const entry = running.get(id);
      if (!entry) {
        return false;
      }
      running.delete(id);
      entry.controller.abort();
      emit('documents.changed', {});
      return true;
    },
    undo(id) {
      const version = table.get(id);
      if (!version) {
        throw new AppError('document.not-found', 'That document is no longer in the list.');
      }
      if (version.fixedFrom === null) {
        throw new AppError(
          'fix.nothing-to-undo',
          'This PDF was added as it is, not made by a fix, so there is no fix to undo.',
        );
      }
      if (!table.isListed(id)) {
        throw new AppError('fix.nothing-to-undo', 'This fix has already been undone.');
      }
      const original = table.undoVersions(version.fixedFrom.fromId, clock.now());
      if (!original) {
        throw new AppError(
          'document.not-found',
          'The original of this document is no longer kept, so the fix cannot be undone.',
        );
      }
      emit('documents.changed', {});
      return original;
    },
    close() {
      for (const { controller } of running.values()) {
        controller.abort();
      }
      running.clear();
    },
  };
}
