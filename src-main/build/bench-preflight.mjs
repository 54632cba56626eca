// `npm run bench:preflight`: the full preflight on the 55 MB, 4,540-page benchmark filing, against
// `qpdf --check` and `pdftotext` on the same file in the same run. Prints wall and CPU medians, the ratios to
// `qpdf --check` against their targets, and peak memory.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const runs = Number(process.env.ECF_DESK_BENCH_RUNS ?? 5);
const benchFile =
  process.env.ECF_DESK_BENCH_FILE ?? path.join(root, 'node_modules', '.cache', 'ecf-desk', 'big-filing.pdf');
const makeScript = path.resolve(root, '..', 'shared', 'bench', 'make-big-filing.sh');

function requireTool(command, debianPackage) {
  if (spawnSync('sh', ['-c', `command -v ${command}`]).status !== 0) {
    console.error(`${command} is needed for the comparison: apt-get install ${debianPackage}`);
    process.exit(1);
  }
}

/** Builds the benchmark file once; make-big-filing.sh checks its hash and rebuilds only when it differs. */
function ensureBenchFile() {
  if (process.env.ECF_DESK_BENCH_FILE) {
    if (!existsSync(benchFile)) {
      console.error(`ECF_DESK_BENCH_FILE names ${benchFile}, which does not exist.`);
      process.exit(1);
    }
    return;
  }
  if (!existsSync(makeScript)) {
    if (existsSync(benchFile)) {
      return;
    }
    console.error(
      'The benchmark file is built by ../shared/bench/make-big-filing.sh, which is not here; set ECF_DESK_BENCH_FILE to a large PDF instead.',
    );
    process.exit(1);
  }
  mkdirSync(path.dirname(benchFile), { recursive: true });
  const made = spawnSync('bash', [makeScript, benchFile], { stdio: 'inherit' });
  if (made.status !== 0) {
    process.exit(made.status ?? 1);
  }
}

/**
 * Runs a command under bash and returns its wall time and its CPU time: bash's `times` prints the user and system
 * time of every process it waited for, which counts the command's own child processes once they have exited (the
 * CLI parses each file in a child). Bash is on every machine the bench runs on; `/usr/bin/time` often is not.
 */
function timeCommand(command, args, env = {}) {
  const started = process.hrtime.bigint();
  const result = spawnSync('bash', ['-c', '"$@"; status=$?; times >&2; exit $status', 'bench', command, ...args], {
    env: { ...process.env, ...env },
    maxBuffer: 512 * 1024 * 1024,
    encoding: 'utf8',
  });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  // `times` prints the shell's own line, then its children's: "0m4.012s 0m0.390s".
  const childTimes = /(\d+)m([\d.]+)s (\d+)m([\d.]+)s\s*$/.exec(result.stderr ?? '');
  if (!childTimes) {
    console.error(`Could not read the CPU time of ${command}: ${result.stderr}`);
    process.exit(1);
  }
  const [, userMinutes, userSeconds, systemMinutes, systemSeconds] = childTimes.map(Number);
  const cpuSeconds = userMinutes * 60 + userSeconds + systemMinutes * 60 + systemSeconds;
  return { seconds, cpuSeconds, result };
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const format = (seconds) => `${seconds.toFixed(2)} s`;

requireTool('qpdf', 'qpdf');
requireTool('pdftotext', 'poppler-utils');
ensureBenchFile();
const size = statSync(benchFile).size;
console.log(`Benchmark file: ${(size / 1e6).toFixed(1)} MB; ${runs} runs of each, alternating.`);

const cli = path.join(root, 'dist', 'cli', 'ecf-desk.js');
const wall = { preflight: [], qpdf: [], pdftotext: [] };
const cpu = { preflight: [], qpdf: [] };
let peakRssMib = 0;
let peakChildRssMib = 0;
let lastReport = null;
for (let run = 1; run <= runs; run += 1) {
  const preflight = timeCommand(process.execPath, [cli, 'preflight', '--json', benchFile], {
    ECF_DESK_REPORT_RESOURCES: '1',
  });
  if (preflight.result.status === 3 || !preflight.result.stdout) {
    console.error(`preflight could not run: ${preflight.result.stderr}`);
    process.exit(1);
  }
  wall.preflight.push(preflight.seconds);
  cpu.preflight.push(preflight.cpuSeconds);
  // The command's own peak and that of the child process that parsed the file (the CLI prints them in MiB).
  const rss = /peak-rss-mb=(\d+) child-peak-rss-mb=(\d+)/.exec(preflight.result.stderr ?? '');
  peakRssMib = Math.max(peakRssMib, rss ? Number(rss[1]) : 0);
  peakChildRssMib = Math.max(peakChildRssMib, rss ? Number(rss[2]) : 0);
  [lastReport] = JSON.parse(preflight.result.stdout);
  const qpdf = timeCommand('qpdf', ['--check', benchFile]);
  wall.qpdf.push(qpdf.seconds);
  cpu.qpdf.push(qpdf.cpuSeconds);
  wall.pdftotext.push(timeCommand('pdftotext', [benchFile, '/dev/null']).seconds);
}

const list = (values) => `[${values.map(format).join(', ')}]`;
const medians = {
  preflightWall: median(wall.preflight),
  preflightCpu: median(cpu.preflight),
  qpdfWall: median(wall.qpdf),
  qpdfCpu: median(cpu.qpdf),
  pdftotextWall: median(wall.pdftotext),
};
console.log(`\nMedians (wall; CPU is user + system of the command and every process it started):`);
console.log(
  `Preflight (every check, every page): wall ${format(medians.preflightWall)} ${list(wall.preflight)}, CPU ${format(medians.preflightCpu)} ${list(cpu.preflight)}`,
);
console.log(
  `qpdf --check (the anchor):           wall ${format(medians.qpdfWall)} ${list(wall.qpdf)}, CPU ${format(medians.qpdfCpu)} ${list(cpu.qpdf)}`,
);
console.log(`pdftotext:                            wall ${format(medians.pdftotextWall)} ${list(wall.pdftotext)}`);

/** One ratio line: the preflight's median over qpdf's, against its target. */
function ratioLine(label, ratio, target) {
  return `${label} ${ratio.toFixed(2)}× (target ≤ ${target.toFixed(2)}×: ${ratio <= target ? 'met' : 'NOT met'})`;
}
console.log(
  `\n${ratioLine('Wall ratio to qpdf --check:', medians.preflightWall / medians.qpdfWall, 0.25)}; anchor: qpdf wall ${format(medians.qpdfWall)}`,
);
console.log(
  `${ratioLine('CPU ratio to qpdf --check: ', medians.preflightCpu / medians.qpdfCpu, 0.35)}; anchor: qpdf CPU ${format(medians.qpdfCpu)}`,
);
console.log(`Wall ratio to pdftotext:    ${(medians.preflightWall / medians.pdftotextWall).toFixed(2)}×`);
// Both processes hold memory at once while the file is checked, so the peak counted is the sum of both peaks.
const peakTotalMib = peakRssMib + peakChildRssMib;
console.log(
  `Peak RSS of preflight: ${peakTotalMib} MiB, the command ${peakRssMib} MiB plus its child process ${peakChildRssMib} MiB (target ≤ 600 MiB: ${peakTotalMib <= 600 ? 'met' : 'NOT met'})`,
);
console.log(
  `Report: ${lastReport.pages} pages, verdict ${lastReport.verdict}; findings: ${lastReport.findings.map((finding) => finding.code).join(', ') || 'none'}`,
);

// The fixes on the same file, once each: the clean copy and the split must pass qpdf --check and preflight.
const scratch = mkdtempSync(path.join(tmpdir(), 'ecf-desk-bench-'));
try {
  const cleanCopy = path.join(scratch, 'clean.pdf');
  const clean = timeCommand(process.execPath, [cli, 'clean-copy', benchFile, cleanCopy]);
  const cleanCheck = spawnSync('qpdf', ['--check', cleanCopy]).status;
  const [cleanReport] = JSON.parse(
    spawnSync(process.execPath, [cli, 'preflight', '--json', cleanCopy], {
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    }).stdout,
  );
  console.log(
    `\nClean copy: ${format(clean.seconds)}, ${(statSync(cleanCopy).size / 1e6).toFixed(1)} MB, qpdf --check exit ${cleanCheck}; preflight of the copy: ${cleanReport.findings.map((finding) => finding.code).join(', ')}`,
  );

  const partsFolder = path.join(scratch, 'parts');
  const split = timeCommand(process.execPath, [cli, 'split', benchFile, partsFolder]);
  const parts = readdirSync(partsFolder).sort();
  const described = parts.map((part) => {
    const file = path.join(partsFolder, part);
    const pages = Number(spawnSync('qpdf', ['--show-npages', file], { encoding: 'utf8' }).stdout);
    return `${part}: ${(statSync(file).size / 1e6).toFixed(1)} MB, ${pages} pages, qpdf --check exit ${spawnSync('qpdf', ['--check', file]).status}`;
  });
  const isUnderLimit = parts.every((part) => statSync(path.join(partsFolder, part)).size < 50_000_000);
  console.log(
    `Split: ${format(split.seconds)}, ${parts.length} parts, ${isUnderLimit ? 'each under' : 'NOT all under'} the 50 MB limit\n  ${described.join('\n  ')}`,
  );
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
