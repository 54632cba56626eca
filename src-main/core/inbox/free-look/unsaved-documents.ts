/** A free-look document whose bytes arrived but could not be written (the disk full, the folder not writable). */
export interface UnsavedDocument {
  readonly itemId: string;
  /** '0' for the main document, then the attachment numbers. */
  readonly number: string;
  readonly bytes: Uint8Array;
  readonly pages: number | null;
}

/**
 * The free-look documents waiting for the disk. A free look's link is spent on first use, so bytes that arrived are
 * the only copy there will ever be: they are held here (in memory: the disk is what failed) until a save succeeds.
 * The inbox spends no other link while anything is held, so this holds at most one free look's documents, which the
 * fetch held in memory anyway.
 */
export interface UnsavedDocuments {
  hold(document: UnsavedDocument): void;
  /**
   * Saves each held document with `save`, in the order they arrived, and lets go of it once saved. Stops at the first
   * the disk refuses again (handed to `onRefused` with the error). Resolves the items saved for, and whether none is
   * held any more.
   */
  saveAll(
    save: (document: UnsavedDocument) => Promise<void>,
    onRefused: (document: UnsavedDocument, error: unknown) => void,
  ): Promise<{ readonly savedItemIds: readonly string[]; readonly isEmpty: boolean }>;
  /** How many documents are held. */
  count(): number;
}

/** An empty holder. */
export function createUnsavedDocuments(): UnsavedDocuments {
  const held = new Map<string, UnsavedDocument>();
  return {
    hold(document) {
      held.set(`${document.itemId}\u0000${document.number}`, document);
    },
    async saveAll(save, onRefused) {
      const savedItemIds = new Set<string>();
      for (const [key, document] of held) {
        try {
          await save(document);
        } catch (error) {
          onRefused(document, error);
          return { savedItemIds: [...savedItemIds], isEmpty: false };
        }
        held.delete(key);
        savedItemIds.add(document.itemId);
      }
      return { savedItemIds: [...savedItemIds], isEmpty: true };
    },
    count: () => held.size,
  };
}
