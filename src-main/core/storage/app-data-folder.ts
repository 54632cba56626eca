import path from 'node:path';

/** The name Electron derives the user-data folder from (package.json `productName`). */
const productName = 'ECF Desk';

/** The names of the files and folders the app keeps inside its data folder. */
export const dataFileNames = {
  settings: 'settings.json',
  database: 'ecf-desk.sqlite',
  documents: 'documents',
  logs: 'logs',
} as const;

/**
 * Where the app keeps its data: `ECF_DESK_HOME` when set, otherwise the folder Electron's
 * `app.getPath('userData')` gives, so the desktop app and browser mode share one set of files.
 */
export function resolveAppDataFolder(env: NodeJS.ProcessEnv, platform: NodeJS.Platform, homeFolder: string): string {
  // The path flavour follows the target platform, not the one running the code, so each branch is testable anywhere.
  const paths = platform === 'win32' ? path.win32 : path.posix;
  const override = env['ECF_DESK_HOME'];
  if (override !== undefined && override !== '') {
    return paths.resolve(override);
  }
  switch (platform) {
    case 'win32':
      return paths.join(nonEmpty(env['APPDATA']) ?? paths.join(homeFolder, 'AppData', 'Roaming'), productName);
    case 'darwin':
      return paths.join(homeFolder, 'Library', 'Application Support', productName);
    default:
      // Electron follows the XDG base directory spec on Linux and the other Unix-likes.
      return paths.join(nonEmpty(env['XDG_CONFIG_HOME']) ?? paths.join(homeFolder, '.config'), productName);
  }
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value === '' ? undefined : value;
}
