import type { BuildOptions } from 'esbuild';

/** One Node bundle: its source, where it goes, and whether its dynamic imports become chunks of their own. */
export interface NodeBundle {
  readonly entry: string;
  readonly out: string;
  readonly split?: boolean;
}

/** esbuild's options for one bundle written to `outRoot/out` (`node-bundle.mjs`). */
export declare function nodeBundleOptions(
  bundle: NodeBundle,
  folders: { readonly root: string; readonly outRoot: string },
): BuildOptions;
