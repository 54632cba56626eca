// The child process that reads untrusted files, and each job it loads by name (core/isolation/isolated-tasks.ts).
// build.mjs bundles them into dist/workers/; the unit tests' global setup bundles the same list for the tests.

/** Each bundle's source and where it goes, beside the child script. */
export const isolatedBundles = [
  { entry: 'src-main/core/isolation/isolated-child.ts', out: 'workers/isolated-child.js' },
  { entry: 'src-main/core/documents/pdf-facts-task.ts', out: 'workers/pdf-facts.js' },
  { entry: 'src-main/core/preflight/preflight-task.ts', out: 'workers/preflight.js' },
  { entry: 'src-main/core/preflight/fixes/fix-task.ts', out: 'workers/fixes.js' },
  { entry: 'src-main/core/inbox/nef/notice-task.ts', out: 'workers/notices.js' },
  { entry: 'src-main/core/inbox/sources/msg-task.ts', out: 'workers/msg-files.js' },
  { entry: 'src-main/core/filing/draft-package-task.ts', out: 'workers/draft-packages.js' },
  { entry: 'src-main/core/inbox/free-look/court-page-task.ts', out: 'workers/court-pages.js' },
  { entry: 'src-main/core/court/filing-page-task.ts', out: 'workers/filing-pages.js' },
];
