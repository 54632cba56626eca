import { fireEvent, screen } from '@testing-library/react';
import type { InboxItem } from '../../../src-main/shared/inbox';
import { inboxItem, type FakeBridge } from './fake-bridge';
import { renderApp } from './render-app';

/** Renders the window and chooses Inbox on the rail, as a user would. */
export async function openInbox(bridge: FakeBridge): Promise<HTMLElement> {
  renderApp(bridge);
  fireEvent.click(screen.getByRole('button', { name: 'Inbox' }));
  return screen.findByTestId('inbox-screen');
}

/** Numbered notices, newest first, each in its own case, read or not as asked. */
export function manyNotices(count: number, overrides: Partial<InboxItem> = {}): InboxItem[] {
  return Array.from({ length: count }, (_, index) =>
    inboxItem({
      id: `n${index + 1}`,
      caseNumber: `1:26-cv-${String(index + 1).padStart(5, '0')}`,
      shortDescription: `Notice ${index + 1}`,
      ...overrides,
    }),
  );
}

/** The arguments of every call to a channel, in order. */
export function argsOf(bridge: FakeBridge, channel: string): unknown[] {
  return bridge.calls.filter((call) => call.channel === channel).map((call) => call.args);
}

/** The row of a notice in the list. */
export function rowOf(id: string): HTMLElement {
  const row = screen.getAllByTestId('inbox-row').find((each) => each.dataset.itemId === id);
  if (!row) {
    throw new Error(`no row for ${id}`);
  }
  return row;
}
