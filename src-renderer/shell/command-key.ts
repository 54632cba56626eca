const isMac = /Mac|iPhone|iPad/.test(navigator.userAgent);

/** Whether a key press holds the platform's command modifier (Cmd on a Mac, Ctrl elsewhere) and no other. */
export function isCommandShortcut(event: KeyboardEvent, key: string): boolean {
  const hasCommand = isMac ? event.metaKey : event.ctrlKey;
  return hasCommand && !event.altKey && !event.shiftKey && !event.repeat && event.key.toLowerCase() === key;
}

/** How a command shortcut is written on this computer, as menus write it: ⌘O on a Mac, Ctrl+O elsewhere. */
export function describeCommandShortcut(key: string): string {
  return isMac ? `⌘${key.toUpperCase()}` : `Ctrl+${key.toUpperCase()}`;
}
