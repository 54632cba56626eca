// Runs Electronegativity (Doyensec's Electron security scanner) over the built desktop app and writes its findings to
// tests/.output/electronegativity.csv and .sarif. Exits 1 on a HIGH or CRITICAL finding, 2 when dist/ is not built.
// Why the build and not the sources: the global checks (navigation limits, permission handler, CSP) need main, the
// preload and the renderer's HTML in one input, as they ship; docs/security.md explains what the scan cannot see.
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const dist = path.join(root, 'dist');
const output = path.join(root, 'tests', '.output');
/** The parts of the build that run inside Electron; browser mode, the workers and the CLI never load Electron. */
const electronParts = ['shell', 'preload', 'renderer'];

/** The Electron version the app is built against, so the scanner does not guess it from a package.json. */
function electronVersion() {
  const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
  return String(manifest.devDependencies?.electron ?? '').replace(/^[^\d]*/, '');
}

/** Copies the Electron parts of dist/ (without source maps) into one folder, the scanner's single input. */
function stageInput() {
  const input = path.join(output, 'electronegativity-input');
  rmSync(input, { recursive: true, force: true });
  for (const part of electronParts) {
    cpSync(path.join(dist, part), path.join(input, part), {
      recursive: true,
      filter: (source) => !source.endsWith('.map'),
    });
  }
  return input;
}

/** One CSV field, quoted so commas, quotes and line breaks in a code sample survive. */
function csvField(value) {
  return `"${String(value).replaceAll('"', '""')}"`;
}

/** SARIF levels by severity: HIGH and CRITICAL fail the gate, MEDIUM must be explained, the rest are notes. */
function sarifLevel(severity) {
  if (severity === 'CRITICAL' || severity === 'HIGH') {
    return 'error';
  }
  return severity === 'MEDIUM' ? 'warning' : 'note';
}

/**
 * Writes the report in both formats. The scanner's own CSV writer races its header against the rows and can lose
 * the first finding, and its SARIF drops the severity, so both are written here from the findings it returns.
 */
function writeReports(findings) {
  const header = ['check', 'severity', 'confidence', 'file', 'line', 'column', 'manualReview', 'description', 'url'];
  const rows = findings.map((finding) => [
    finding.check,
    finding.severity,
    finding.confidence,
    finding.file,
    finding.line,
    finding.column,
    finding.manualReview,
    finding.description,
    finding.url,
  ]);
  writeFileSync(
    path.join(output, 'electronegativity.csv'),
    [header, ...rows].map((row) => row.map(csvField).join(',')).join('\n') + '\n',
  );
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'electronegativity',
            version: '1.10.3',
            informationUri: 'https://github.com/doyensec/electronegativity',
          },
        },
        results: findings.map((finding) => ({
          ruleId: finding.check,
          level: sarifLevel(finding.severity),
          message: { text: finding.description },
          properties: {
            severity: finding.severity,
            confidence: finding.confidence,
            manualReview: finding.manualReview,
          },
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: finding.file },
                region: { startLine: Math.max(1, finding.line), startColumn: finding.column + 1 },
              },
            },
          ],
        })),
      },
    ],
  };
  writeFileSync(path.join(output, 'electronegativity.sarif'), JSON.stringify(sarif, null, 2));
}

/** Scans the staged build and answers the findings as plain data. */
async function scan() {
  const run = createRequire(import.meta.url)('@doyensec/electronegativity');
  const input = stageInput();
  const result = await run({ input, isRelative: true, electronVersionOverride: electronVersion() });
  for (const error of result.errors) {
    process.stdout.write(`electronegativity could not read ${path.relative(input, error.file)}: ${error.message}\n`);
  }
  return result.issues.map((issue) => ({
    check: issue.id,
    severity: issue.severity.name,
    confidence: issue.confidence.name,
    file: issue.file,
    line: issue.location.line,
    column: issue.location.column,
    manualReview: Boolean(issue.manualReview),
    description: issue.description,
    url: issue.shortenedURL,
  }));
}

if (!electronParts.every((part) => existsSync(path.join(dist, part)))) {
  process.stderr.write('dist/ has no built desktop app: run `npm run build` first.\n');
  process.exit(2);
}
mkdirSync(output, { recursive: true });
const findings = await scan();
writeReports(findings);
for (const finding of findings) {
  process.stdout.write(
    `${finding.severity.padEnd(13)} ${finding.check} ${finding.file}:${finding.line}:${finding.column} (${finding.confidence}) ${finding.description}\n`,
  );
}
const counts = findings.reduce(
  (tally, finding) => ({ ...tally, [finding.severity]: (tally[finding.severity] ?? 0) + 1 }),
  {},
);
process.stdout.write(
  `electronegativity: ${findings.length} finding(s) ${JSON.stringify(counts)}; report in tests/.output/electronegativity.csv and .sarif\n`,
);
process.exit(findings.some((finding) => finding.severity === 'HIGH' || finding.severity === 'CRITICAL') ? 1 : 0);
