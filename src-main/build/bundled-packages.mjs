// The Node bundles load every package from node_modules at run time but two, which they bundle in because loading
// them module by module costs each process that starts (the CLI, and every child process that reads a PDF) more
// than running them does:
// - @cantoo/pdf-lib, from its one-file ES build (shipped in the package as dist/pdf-lib.esm.js): its default ES entry
//   is some 190 modules, and resolving, compiling and linking them cost about 0.2 s of CPU a process;
// - zod, whose ES entry is some 70 modules (every locale of its messages among them): bundled, the CLI starts about
//   0.03 s sooner and uses 0.04 s less CPU (docs/architecture.md#preflight-speed).
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);
// pdf-lib's exports name only its entries; its CommonJS entry sits in cjs/, beside dist/.
const pdfLibOneFileBuild = path.join(path.dirname(require.resolve('@cantoo/pdf-lib')), '..', 'dist', 'pdf-lib.esm.js');
// zod's package.json maps `import` to index.js beside it.
const zodEntry = path.join(path.dirname(require.resolve('zod/package.json')), 'index.js');

/** An esbuild plugin: `@cantoo/pdf-lib` and `zod` resolve to files the bundle includes, not to external packages. */
export const bundledPackages = {
  name: 'bundled-packages',
  setup(build) {
    build.onResolve({ filter: /^@cantoo\/pdf-lib$/ }, () => ({ path: pdfLibOneFileBuild }));
    build.onResolve({ filter: /^zod$/ }, () => ({ path: zodEntry }));
  },
};
