import { createContext, useContext } from 'react';

/** Opens the Help screen at a topic (an id from `filingHelp`), from whichever screen shows an error. */
export type OpenHelp = (topicId: string) => void;

/** The window's way to the Help screen; the App provides it, so a screen deep down needs no prop for it. */
export const OpenHelpContext = createContext<OpenHelp | null>(null);

/** How this window opens a Help topic, or null outside a window that has a Help screen. */
export function useOpenHelp(): OpenHelp | null {
  return useContext(OpenHelpContext);
}
