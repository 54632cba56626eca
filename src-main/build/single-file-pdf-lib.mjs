// The Node bundles take @cantoo/pdf-lib from its one-file ES build (shipped in the package as dist/pdf-lib.esm.js)
// and bundle it in. Its default ES entry is some 190 modules, and resolving, compiling and linking them costs each
// process that loads it about 0.2 s of CPU: the CLI and every child process that reads a PDF.
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);
// The package's exports name only its entries; its CommonJS entry sits in cjs/, beside dist/.
const oneFileBuild = path.join(path.dirname(require.resolve('@cantoo/pdf-lib')), '..', 'dist', 'pdf-lib.esm.js');

/** An esbuild plugin: `import … from '@cantoo/pdf-lib'` resolves to the one-file build, which the bundle includes. */
export const singleFilePdfLib = {
  name: 'single-file-pdf-lib',
  setup(build) {
    build.onResolve({ filter: /^@cantoo\/pdf-lib$/ }, () => ({ path: oneFileBuild }));
  },
};
