// `npm test`: every suite in order, then one closing line `N passed, N failed, N skipped` that adds them up.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const output = path.join(root, 'tests', '.output');
const bin = (name) => path.join(root, 'node_modules', '.bin', name);
const results = [];

rmSync(output, { recursive: true, force: true });
mkdirSync(output, { recursive: true });

function run(command, args, env = {}) {
  const started = Date.now();
  const outcome = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  return { ok: outcome.status === 0, seconds: ((Date.now() - started) / 1000).toFixed(1) };
}

/** A step that is one check: it passes or fails as a whole. */
function check(name, command, args) {
  process.stdout.write(`\n== ${name}\n`);
  const { ok, seconds } = run(command, args);
  results.push({ suite: name, passed: ok ? 1 : 0, failed: ok ? 0 : 1, skipped: 0, seconds });
  return ok;
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

function unitTests() {
  process.stdout.write('\n== unit (vitest: core, storage, migrations, contract, security, renderer)\n');
  const report = path.join(output, 'unit.json');
  const { seconds } = run(bin('vitest'), [
    'run',
    '--config',
    'tests/vitest.config.ts',
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${report}`,
  ]);
  const json = readJson(report);
  if (!json) {
    return results.push({ suite: 'unit', passed: 0, failed: 1, skipped: 0, seconds, note: 'vitest wrote no report' });
  }
  results.push({
    suite: 'unit',
    passed: json.numPassedTests,
    failed: Math.max(json.numFailedTests, json.success ? 0 : 1),
    skipped: json.numPendingTests + json.numTodoTests,
    seconds,
  });
}

function endToEndTests() {
  process.stdout.write('\n== end-to-end (Playwright: browser mode in Chromium, and Electron where installed)\n');
  const report = path.join(output, 'e2e.json');
  const { seconds } = run(bin('playwright'), ['test', '--config', 'tests/playwright.config.ts'], {
    PLAYWRIGHT_JSON_OUTPUT_FILE: report,
  });
  const json = readJson(report);
  if (!json) {
    return results.push({
      suite: 'e2e',
      passed: 0,
      failed: 1,
      skipped: 0,
      seconds,
      note: 'Playwright wrote no report',
    });
  }
  const { expected = 0, unexpected = 0, flaky = 0, skipped = 0 } = json.stats ?? {};
  const crashed = (json.errors ?? []).length;
  results.push({ suite: 'e2e', passed: expected + flaky, failed: unexpected + crashed, skipped, seconds });
  for (const reason of skipReasons(json.suites ?? [])) {
    process.stdout.write(`Skipped: ${reason}\n`);
  }
}

/** The reasons Playwright recorded for skipped specs, so a skip is never silent. */
function skipReasons(suites) {
  const reasons = new Set();
  const visit = (suite) => {
    for (const spec of suite.specs ?? []) {
      for (const test of spec.tests ?? []) {
        for (const annotation of test.annotations ?? []) {
          if (annotation.type === 'skip') {
            reasons.add(`${spec.title}: ${annotation.description ?? 'no reason given'}`);
          }
        }
      }
    }
    (suite.suites ?? []).forEach(visit);
  };
  suites.forEach(visit);
  return reasons;
}

if (!existsSync(path.join(root, '..', 'shared', 'fixtures'))) {
  process.stdout.write(
    'Note: ../shared (real court fixtures) is absent; suites that use it run on the synthetic fixtures only and say so.\n',
  );
}

check('typecheck (shared, core, shell, preload, web, cli, training-court, renderer, tests)', bin('tsc'), ['-b']);
check('lint', bin('eslint'), ['--config', 'src-main/build/eslint.config.mjs', '--max-warnings', '0', '.']);
check('format (Prettier; `npm run format` rewrites)', bin('prettier'), ['--check', '--log-level', 'warn', '.']);
const isBuilt = check('build', process.execPath, ['src-main/build/build.mjs', '--quiet']);
unitTests();
if (isBuilt) {
  endToEndTests();
} else {
  results.push({ suite: 'e2e', passed: 0, failed: 1, skipped: 0, seconds: '0.0', note: 'not run: the build failed' });
}

const total = { passed: 0, failed: 0, skipped: 0 };
process.stdout.write('\nSuite results:\n');
for (const result of results) {
  total.passed += result.passed;
  total.failed += result.failed;
  total.skipped += result.skipped;
  const note = result.note ? ` (${result.note})` : '';
  process.stdout.write(
    `  ${result.suite}: ${result.passed} passed, ${result.failed} failed, ${result.skipped} skipped in ${result.seconds}s${note}\n`,
  );
}
process.stdout.write(`${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped\n`);
process.exit(total.failed === 0 ? 0 : 1);
