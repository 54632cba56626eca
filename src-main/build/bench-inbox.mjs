// `npm run bench:inbox`: 100,000 notices into the inbox store, then searches. The notices are the real fixtures'
// parsed notices with their case numbers, ids and texts varied (parsing 100k MIME emails would measure the parser,
// not the store), so the parse rate is measured apart, on the real emails, in the same run.
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const { createNoticeTable, openDatabase, parseNotice, syntheticTemplate, toSearchQuery } = await import(
  path.join(root, 'dist', 'bench', 'inbox.js')
);
const noticeCount = Number(process.env.ECF_DESK_BENCH_NOTICES ?? 100_000);
const batchSize = 1_000;
const fixtureFolder = path.resolve(root, '..', 'shared', 'fixtures', 'nef', 'tests', 'examples', 'pacer');

const percentile = (values, fraction) =>
  [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * fraction))];
const verdict = (isMet) => (isMet ? 'PASS' : 'MISS');
const milliseconds = (started) => Number(process.hrtime.bigint() - started) / 1e6;

/** The real fixture emails, as raw bytes. */
function realEmails() {
  if (!existsSync(fixtureFolder)) {
    return [];
  }
  return ['nef/s3', 'nda'].flatMap((folder) =>
    readdirSync(path.join(fixtureFolder, folder))
      .filter((name) => name.endsWith('.txt'))
      .map((name) => ({ name: `${folder}/${name}`, raw: readFileSync(path.join(fixtureFolder, folder, name)) })),
  );
}

/** Parses every real email in rounds for about a second: the parser's own rate, the anchor for the import rate. */
async function measureParseRate(emails) {
  let parsed = 0;
  const started = process.hrtime.bigint();
  while (milliseconds(started) < 1_000) {
    for (const email of emails) {
      await parseNotice(email.raw);
    }
    parsed += emails.length;
  }
  return { parsed, perSecond: parsed / (milliseconds(started) / 1_000) };
}

const captionWords = [
  'Acme Steel',
  'Zhejiang Bearings',
  'Baker Pipe',
  'Nippon Tubular',
  'Gulf Shrimp',
  'Solar Cells',
  'Hardwood Plywood',
  'Aluminum Extrusions',
  'Citric Acid',
  'Wire Hangers',
];
const textWords = [
  'remand',
  'antidumping',
  'countervailing',
  'scope ruling',
  'stipulated judgment',
  'protective order',
  'administrative record',
  'oral argument',
  'consent motion',
  'status conference',
];

/** Notice `index`: a template with its case, entry, ids, dates and words changed, so every notice is its own entry. */
function vary(template, index) {
  const day = new Date(Date.UTC(2024, 0, 1) + (index % 730) * 86_400_000).toISOString().slice(0, 10);
  const [year, month, date] = day.split('-');
  const dockets = template.dockets.map((docket, position) => {
    const caseSerial = String(10_000 + ((index * 7 + position) % 90_000)).padStart(5, '0');
    const caseNumber = `1:${year.slice(2)}-cv-${caseSerial}-${['MMB', 'GWC', 'TCS', 'JAR'][index % 4]}`;
    const caseId = String(1_000_000 + index * 5 + position);
    const deSeqNum = String(10 + (index % 400));
    const docId = docket.docId === null ? null : `014${String(index).padStart(8, '0')}`;
    const caption = `${captionWords[index % captionWords.length]} ${index % 97 === 0 ? 'Kowalczyk' : 'Corp.'} v. United States`;
    const docketText = `${docket.docketText ?? ''} Re: ${textWords[index % textWords.length]} in case ${caseSerial}. Response due by ${Number(month)}/${Number(date)}/${year}.`;
    return {
      ...docket,
      caseNumber,
      caseId,
      deSeqNum,
      docId,
      caseName: caption,
      docketText,
      dateFiled: day,
      documentUrl:
        docket.documentUrl === null
          ? null
          : `https://ecf.cit.uscourts.gov/doc1/${docId}?caseid=${caseId}&de_seq_num=${deSeqNum}&magic_num=${docket.magicNum ?? 'MAGIC'}`,
    };
  });
  return { ...template, dockets };
}

const emails = realEmails();
const anchors = [];
let templates;
if (emails.length > 0) {
  const parsed = await Promise.all(emails.map((email) => parseNotice(email.raw)));
  templates = parsed.filter((notice) => notice.kind !== 'ignored' && notice.dockets.length > 0);
  const parseRate = await measureParseRate(emails);
  anchors.push(
    `parse rate of the ${emails.length} real fixture emails (measured separately, ${parseRate.parsed} parses): ${Math.round(parseRate.perSecond).toLocaleString('en-US')} emails/s`,
  );
  console.log(
    `Templates: ${templates.length} real notices parsed once from ../shared/fixtures/nef (of ${emails.length} emails), then varied.`,
  );
} else {
  templates = [syntheticTemplate()];
  console.log(
    '../shared is absent: the notices are varied from one synthetic CIT NEF built in code, and the parse rate of real emails is not measured.',
  );
}

const folder = mkdtempSync(path.join(tmpdir(), 'ecf-desk-bench-inbox-'));
const file = path.join(folder, 'app.sqlite');
try {
  const db = openDatabase(file);
  const inbox = createNoticeTable(db);
  const outcomes = {};
  const importBatch = db.transaction((from, to) => {
    for (let index = from; index < to; index += 1) {
      // One notice in 50 is the court sending an earlier entry again (a regenerated NEF), as
      // docs/court-rules.md#re-sent-notices expects.
      const source = index % 50 === 49 ? index - 7 : index;
      const notice = vary(templates[source % templates.length], source);
      const rawSha256 = createHash('sha256').update(`bench notice ${index}`).digest('hex');
      const { outcome } = inbox.ingest(notice, {
        messageId: `<${index}@bench.ecf-desk>`,
        rawSha256,
        source: 'bench',
        receivedAt: new Date(Date.UTC(2026, 0, 1) + index * 1_000),
      });
      outcomes[outcome] = (outcomes[outcome] ?? 0) + 1;
    }
  });
  const started = process.hrtime.bigint();
  for (let from = 0; from < noticeCount; from += batchSize) {
    importBatch(from, Math.min(noticeCount, from + batchSize));
  }
  const importSeconds = milliseconds(started) / 1_000;
  const importRate = noticeCount / importSeconds;
  db.pragma('wal_checkpoint(TRUNCATE)');
  const bytes = statSync(file).size + (existsSync(`${file}-wal`) ? statSync(`${file}-wal`).size : 0);
  const { total } = inbox.list({ limit: 1 });

  const queries = [
    {},
    { text: 'extension' },
    { text: 'motion' },
    { text: 'antidumping' },
    { text: 'scope ruling' },
    { text: 'Kowalczyk' },
    { text: 'zhejiang bear' },
    { text: 'prot' },
    { text: '1:25-cv-12345' },
    { text: 'Clearview' },
    { text: 'Siddiqi' },
    { caseNumber: '1:24-cv-2' },
    { court: 'nysd' },
    { court: 'cit', isUnread: true },
    { hasDeadline: true },
    { filedFrom: '2025-06-01', filedTo: '2025-06-30' },
    { text: 'remand', filedFrom: '2025-01-01' },
    { text: 'AND OR NOT "*' },
    { text: 'order granting', offset: 200 },
    { text: 'nothing-matches-this' },
  ];
  // The anchor of each query: a bare FTS5 MATCH of the same words, counted (every match read, no item, no filter, no
  // order). A query without words is compared with the bare MATCH of the word every item holds.
  const bareMatch = db.prepare('SELECT count(*) FROM inbox_search WHERE inbox_search MATCH ?').pluck();
  const everyItemWord = toSearchQuery('motion');
  const anchorWords = (query) => (query.text === undefined ? null : toSearchQuery(query.text)) ?? everyItemWord;
  for (const query of queries) {
    inbox.list(query);
    bareMatch.get(anchorWords(query));
  }
  const latencies = [];
  const shapes = new Map(queries.map((query) => [query, { times: [], anchors: [] }]));
  for (let round = 0; round < 5; round += 1) {
    for (const query of queries) {
      const shape = shapes.get(query);
      let queryStarted = process.hrtime.bigint();
      inbox.list(query);
      const took = milliseconds(queryStarted);
      latencies.push(took);
      shape.times.push(took);
      queryStarted = process.hrtime.bigint();
      bareMatch.get(anchorWords(query));
      shape.anchors.push(milliseconds(queryStarted));
    }
  }
  db.close();

  const p50 = percentile(latencies, 0.5);
  const p95 = percentile(latencies, 0.95);
  const peakRssMb = process.resourceUsage().maxRSS / 1024;
  console.log(
    `\nImported ${noticeCount.toLocaleString('en-US')} notices (${Object.entries(outcomes)
      .map(([outcome, count]) => `${count} ${outcome}`)
      .join(', ')}) into ${total.toLocaleString('en-US')} items, ${batchSize} a transaction.`,
  );
  console.log(
    `Import rate:     ${Math.round(importRate).toLocaleString('en-US')} notices/s in ${importSeconds.toFixed(1)} s   (target ≥ 2,000/s: ${verdict(importRate >= 2_000)})`,
  );
  console.log(
    `Database size:   ${(bytes / 1e6).toFixed(1)} MB (${Math.round(bytes / total).toLocaleString('en-US')} bytes an item, full-text index included)`,
  );
  const worst = Math.max(...latencies);
  console.log(
    `Search latency:  p50 ${p50.toFixed(1)} ms, p95 ${p95.toFixed(1)} ms, worst ${worst.toFixed(1)} ms over ${queries.length} queries × 5   (target p95 ≤ 20 ms: ${verdict(p95 <= 20)}; worst ≤ 50 ms: ${verdict(worst <= 50)})`,
  );
  console.log('  each query: median and worst of 5, anchor (bare FTS5 MATCH of its words, counted; median), ratio:');
  const median = (values) => percentile(values, 0.5);
  for (const [query, shape] of [...shapes].sort((a, b) => median(b[1].times) - median(a[1].times))) {
    const anchor = median(shape.anchors);
    const words = query.text === undefined ? 'motion' : query.text;
    console.log(
      `    ${JSON.stringify(query).padEnd(54)} ${median(shape.times).toFixed(1).padStart(6)} ms, worst ${Math.max(
        ...shape.times,
      )
        .toFixed(1)
        .padStart(
          6,
        )} ms; anchor ${anchor.toFixed(1).padStart(5)} ms (${JSON.stringify(words)}); ratio ${(median(shape.times) / anchor).toFixed(1)}`,
    );
  }
  console.log(`Peak RSS:        ${Math.round(peakRssMb)} MB   (target ≤ 600 MB: ${verdict(peakRssMb <= 600)})`);
  console.log(`Anchors:         ${anchors.length > 0 ? anchors.join('; ') : 'none (../shared is absent)'}`);
} finally {
  rmSync(folder, { recursive: true, force: true });
}
