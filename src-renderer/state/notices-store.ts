import { createStore, type StoreApi } from 'zustand/vanilla';
import { describeError } from './describe-error';

/** A problem shown in the banner: what did not happen, and what main said about it. */
export interface Notice {
  readonly id: number;
  readonly title: string;
  readonly message: string;
}

/** The banner's notices and how to add or dismiss them. */
export interface NoticesState {
  readonly notices: readonly Notice[];
  /** Shows a failed call in the banner; the same message twice (say, main not answering) shows once. */
  report(title: string, error: unknown): void;
  dismiss(id: number): void;
}

/** A store of notices. */
export type NoticesStore = StoreApi<NoticesState>;

/** Creates the store behind the non-blocking error banner. */
export function createNoticesStore(): NoticesStore {
  let nextId = 1;
  return createStore<NoticesState>()((set, get) => ({
    notices: [],
    report(title, error) {
      const message = describeError(error);
      if (get().notices.some((notice) => notice.message === message)) return;
      set({ notices: [...get().notices, { id: nextId++, title, message }] });
    },
    dismiss(id) {
      set({ notices: get().notices.filter((notice) => notice.id !== id) });
    },
  }));
}
