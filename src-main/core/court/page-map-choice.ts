import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { maxPageMapBytes, type CourtProfileId, type LoadedPageMap, type PageMapInUse } from '../../shared/domain';
import { describeError } from '../../shared/describe-error';
import { AppError } from '../errors';
import { pageMapOf, readPageMap, type PageMap } from './page-map';

/** The page map file the machine's policy names, and where that policy was read. */
export interface ManagedPageMapFile {
  readonly path: string;
  readonly source: string;
}

/** Where the choice of page map comes from: a map the user loaded, and a file the machine's policy names. */
export interface PageMapChoiceOptions {
  readonly loaded: () => LoadedPageMap | null;
  readonly managedFile: () => ManagedPageMapFile | null;
}

/** A page map read from where it was chosen, or why it cannot be used. */
type Chosen = { readonly kind: 'map'; readonly map: PageMap } | { readonly kind: 'problem'; readonly message: string };

/** The text of the policy's file, at most `maxPageMapBytes`; an Error in plain words otherwise. */
function readManagedText(file: ManagedPageMapFile): string {
  if (!path.isAbsolute(file.path)) {
    throw new Error('the policy must give its full path');
  }
  if (statSync(file.path).size > maxPageMapBytes) {
    throw new Error(`it is larger than a page map may be (${maxPageMapBytes / 1024} KB)`);
  }
  return readFileSync(file.path, 'utf8');
}

/**
 * Which page map filing goes by (docs/court-pages.md#loading-a-page-map): the file the machine's policy names, else the
 * one the user loaded, else the one shipped; a chosen map is used only for the court it names. A chosen map that cannot
 * be read, or is no longer valid, is an error (`court.page-map-unreadable`): filings wait rather than go by a map
 * nobody chose.
 */
export function createPageMapChoice(options: PageMapChoiceOptions) {
  const chosen = (): { from: 'policy' | 'file'; name: string; managedBy: string | null; read: Chosen } | null => {
    const managed = options.managedFile();
    if (managed) {
      let read: Chosen;
      try {
        read = { kind: 'map', map: readPageMap(readManagedText(managed)) };
      } catch (error) {
        read = {
          kind: 'problem',
          message: `The court page map your organization set (${managed.path}) cannot be used: ${describeError(error).message}. Filings wait until it can; ask your IT department.`,
        };
      }
      return { from: 'policy', name: managed.path, managedBy: managed.source, read };
    }
    const loaded = options.loaded();
    if (!loaded) {
      return null;
    }
    try {
      return {
        from: 'file',
        name: loaded.fileName,
        managedBy: null,
        read: { kind: 'map', map: readPageMap(loaded.text) },
      };
    } catch (error) {
      return {
        from: 'file',
        name: loaded.fileName,
        managedBy: null,
        read: {
          kind: 'problem',
          message: `The court page map loaded from ${loaded.fileName} is no longer valid: ${describeError(error).message}. Filings wait until you load a valid one or go back to the built-in map in Settings.`,
        },
      };
    }
  };

  return {
    /** The map filing with a court goes by, or null when the app has none for it; throws when the chosen one is unusable. */
    forCourt(court: CourtProfileId): PageMap | null {
      const choice = chosen();
      if (choice?.read.kind === 'problem') {
        throw new AppError('court.page-map-unreadable', choice.read.message);
      }
      if (choice?.read.kind === 'map' && choice.read.map.court === court) {
        return choice.read.map;
      }
      return pageMapOf(court);
    },

    /** What the Settings screen says about the map filing with a court goes by. */
    describe(court: CourtProfileId): PageMapInUse {
      const choice = chosen();
      const shipped = pageMapOf(court);
      const builtIn: PageMapInUse = {
        court,
        source: shipped ? 'shipped' : 'none',
        description: shipped?.description ?? null,
        fileName: null,
        managedBy: null,
        problem: null,
      };
      if (!choice) {
        return builtIn;
      }
      if (choice.read.kind === 'problem') {
        return {
          court,
          source: choice.from,
          description: null,
          fileName: choice.name,
          managedBy: choice.managedBy,
          problem: choice.read.message,
        };
      }
      if (choice.read.map.court !== court) {
        return {
          ...builtIn,
          fileName: choice.name,
          managedBy: choice.managedBy,
          problem: `The page map from ${choice.name} is for the court "${choice.read.map.court}", not the one in use, so the built-in map is used.`,
        };
      }
      return {
        court,
        source: choice.from,
        description: choice.read.map.description ?? null,
        fileName: choice.name,
        managedBy: choice.managedBy,
        problem: null,
      };
    },
  };
}

/** Which page map filing goes by. */
export type PageMapChoice = ReturnType<typeof createPageMapChoice>;
