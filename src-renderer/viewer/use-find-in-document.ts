import { useEffect, useRef, useState } from 'react';
import type { PreviewDocument, TextRun } from '../preview/pdf-document';
import { findOnPage, type TextMatch } from './find-text';

/** Where a search stands: the matches so far, and how many pages it has read. */
export interface FindState {
  readonly query: string;
  readonly matches: readonly TextMatch[];
  readonly pagesRead: number;
  readonly isDone: boolean;
}

/** How long typing rests before the search starts, so each letter does not start a new pass over the pages. */
const typingPauseMs = 200;

/** How many pages a search reads between two updates of its count. */
const progressEvery = 25;

/**
 * Finds `query` in every page of the document, page by page in the background: the count grows as pages are read and
 * a new query stops the old pass. A page's text is read once and kept while the document is open, so the next search
 * is quick even in a long exhibit.
 */
export function useFindInDocument(document: PreviewDocument | null, query: string): FindState {
  const texts = useRef(new Map<number, readonly TextRun[]>());
  const [state, setState] = useState<FindState>({ query: '', matches: [], pagesRead: 0, isDone: true });

  useEffect(() => {
    texts.current = new Map();
  }, [document]);

  useEffect(() => {
    const wanted = query.trim();
    if (!document || wanted === '') {
      setState({ query: wanted, matches: [], pagesRead: 0, isDone: true });
      return;
    }
    let isStopped = false;
    const search = async (): Promise<void> => {
      const matches: TextMatch[] = [];
      for (let page = 1; page <= document.pageCount && !isStopped; page += 1) {
        let runs = texts.current.get(page);
        if (!runs) {
          try {
            runs = await document.pageText(page);
          } catch {
            // A page whose text cannot be read has nothing to find; the others are still searched.
            runs = [];
          }
          texts.current.set(page, runs);
        }
        matches.push(...findOnPage(page, runs, wanted));
        // The count is shown every few pages rather than every page, so a long exhibit does not redraw 2,000 times.
        if (!isStopped && (page % progressEvery === 0 || page === document.pageCount)) {
          setState({ query: wanted, matches: [...matches], pagesRead: page, isDone: page === document.pageCount });
        }
      }
    };
    const timer = setTimeout(() => {
      // A page whose text cannot be read yields no matches (above), so the search itself never fails.
      search().catch(() => undefined);
    }, typingPauseMs);
    setState({ query: wanted, matches: [], pagesRead: 0, isDone: false });
    return () => {
      isStopped = true;
      clearTimeout(timer);
    };
  }, [document, query]);

  return state;
}
