import os from 'node:os';

/** The operating system and runtimes ECF Desk runs on. */
export interface RuntimeFacts {
  readonly platform: string;
  readonly release: string;
  readonly arch: string;
  /** The user's home folder, written as `~` wherever a path in the bundle starts with it. */
  readonly homeFolder: string;
  readonly versions: {
    readonly node: string;
    /** Null in browser mode, which runs on plain Node. */
    readonly electron: string | null;
    readonly chrome: string | null;
  };
}

/** Describes the computer and runtime this process runs on. */
export function describeRuntime(): RuntimeFacts {
  return {
    platform: process.platform,
    release: os.release(),
    arch: process.arch,
    homeFolder: os.homedir(),
    versions: {
      node: process.versions.node,
      electron: process.versions['electron'] ?? null,
      chrome: process.versions['chrome'] ?? null,
    },
  };
}
