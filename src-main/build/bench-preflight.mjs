// `npm run bench:preflight`: the full preflight on the 55 MB, 4,540-page benchmark filing, against
// `qpdf --check` and `pdftotext` on the same file in the same run. Prints medians, ratios and peak memory.
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

function timeCommand(command, args, env = {}) {
  const started = process.hrtime.bigint();
  const result = spawnSync(command, args, {
    env: { ...process.env, ...env },
    maxBuffer: 512 * 1024 * 1024,
    encoding: 'utf8',
  });
  return { seconds: Number(process.hrtime.bigint() - started) / 1e9, result };
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const format = (seconds) => `${seconds.toFixed(2)} s`;

requireTool('qpdf', 'qpdf');
requireTool('pdftotext', 'poppler-utils');
ensureBenchFile();
const size = statSync(benchFile).size;
console.log(`Benchmark file: ${(size / 1e6).toFixed(1)} MB; ${runs} runs of each, alternating.`);

const cli = path.join(root, 'dist', 'cli', 'ecf-desk.js');
const times = { preflight: [], qpdf: [], pdftotext: [] };
let peakRssMb = 0;
let peakChildRssMb = 0;
let lastReport = null;
for (let run = 1; run <= runs; run += 1) {
  const preflight = timeCommand(process.execPath, [cli, 'preflight', '--json', benchFile], {
    ECF_DESK_REPORT_RESOURCES: '1',
  });
  if (preflight.result.status === 3 || !preflight.result.stdout) {
    console.error(`preflight could not run: ${preflight.result.stderr}`);
    process.exit(1);
  }
  times.preflight.push(preflight.seconds);
  // The command's own peak and that of the child process that parsed the file.
  const rss = /peak-rss-mb=(\d+) child-peak-rss-mb=(\d+)/.exec(preflight.result.stderr ?? '');
  peakRssMb = Math.max(peakRssMb, rss ? Number(rss[1]) : 0);
  peakChildRssMb = Math.max(peakChildRssMb, rss ? Number(rss[2]) : 0);
  [lastReport] = JSON.parse(preflight.result.stdout);
  times.qpdf.push(timeCommand('qpdf', ['--check', benchFile]).seconds);
  times.pdftotext.push(timeCommand('pdftotext', [benchFile, '/dev/null']).seconds);
}

const preflightMedian = median(times.preflight);
const qpdfMedian = median(times.qpdf);
const pdftotextMedian = median(times.pdftotext);
console.log(
  `\nPreflight (every check, every page): median ${format(preflightMedian)}  [${times.preflight.map(format).join(', ')}]`,
);
console.log(
  `qpdf --check:                         median ${format(qpdfMedian)}  [${times.qpdf.map(format).join(', ')}]`,
);
console.log(
  `pdftotext:                            median ${format(pdftotextMedian)}  [${times.pdftotext.map(format).join(', ')}]`,
);
console.log(
  `\nRatio to qpdf --check: ${(preflightMedian / qpdfMedian).toFixed(2)}× (target ≤ 0.50×: ${preflightMedian <= qpdfMedian / 2 ? 'met' : 'NOT met'})`,
);
console.log(`Ratio to pdftotext:    ${(preflightMedian / pdftotextMedian).toFixed(2)}×`);
const peakTotalMb = peakRssMb + peakChildRssMb;
console.log(
  `Peak RSS of preflight: ${peakTotalMb} MB, the command ${peakRssMb} MB and its child process ${peakChildRssMb} MB (target ≤ 1,536 MB: ${peakTotalMb <= 1536 ? 'met' : 'NOT met'})`,
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
