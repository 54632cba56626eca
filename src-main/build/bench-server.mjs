// `npm run bench:server`: the firm server at size (docs/firm-server.md#sizing). A throwaway PostgreSQL cluster (commits
// wait for the disk, as a real server's do) takes N notices through the server's own storeNotices, many notices a
// transaction as a backlog is stored; then the real server (`ecf-desk server`, its own process) serves D desktops at
// once, each following /api/events into /api/entries and searching with /api/search while new notices arrive. In the
// same run, the desktop's SQLite inbox search over the same notices is the anchor. Prints each figure against its
// target; everything binds 127.0.0.1.
//
//   npm run bench:server -- --notices 20000 --desktops 20     a quick run
//   options: --notices N (1,000,000) --desktops N (200) --live-seconds S (60) --live-rate R (10 notices/s)
//            --search-every S (5: each desktop searches about every S seconds) --anchor-notices N (= --notices)
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const kit = await import(path.join(root, 'dist', 'bench', 'server.js'));
const cli = path.join(root, 'dist', 'cli', 'ecf-desk.js');

const { values: options } = parseArgs({
  options: {
    notices: { type: 'string', default: '1000000' },
    desktops: { type: 'string', default: '200' },
    'live-seconds': { type: 'string', default: '60' },
    'live-rate': { type: 'string', default: '10' },
    'search-every': { type: 'string', default: '5' },
    'anchor-notices': { type: 'string' },
  },
});
const wholeNumber = (name) => {
  const value = Number(options[name]);
  if (!Number.isInteger(value) || value < 1) {
    console.error(`--${name} must be a whole number of 1 or more, not "${options[name]}".`);
    process.exit(2);
  }
  return value;
};
const noticeCount = wholeNumber('notices');
const desktopCount = wholeNumber('desktops');
const liveSeconds = wholeNumber('live-seconds');
const liveRate = wholeNumber('live-rate');
const searchEvery = Number(options['search-every']);
const anchorCount = options['anchor-notices'] === undefined ? noticeCount : wholeNumber('anchor-notices');
const importWorkers = 10;
/** Each desktop is on the team of this many cases (neighbours share one, so some notices reach two desktops). */
const casesPerDesktop = 6;
const caseCount = Math.max(desktopCount * 5 + 1, Math.round(noticeCount / 25));

const percentile = (values, fraction) =>
  values.length === 0
    ? Number.NaN
    : [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * fraction))];
const verdict = (isMet) => (isMet ? 'PASS' : 'MISS');
const count = (value) => Math.round(value).toLocaleString('en-US');
const ms = (value) => `${value.toFixed(1)} ms`;
const mb = (kilobytes) => `${Math.round(kilobytes / 1024)} MB`;
const sleep = (milliseconds) => new Promise((resolve) => setTimeout(resolve, milliseconds));

// ---- The notices: a CIT NEF built in code, varied by a hash of its index (the same index gives the same notice).

const judges = ['MMB', 'GWC', 'TCS', 'JAR', 'SAK', 'RKE', 'CRK', 'LMG'];
const plaintiffs = [
  'Acme Steel Corp.',
  'Zhejiang Bearings Co.',
  'Baker Pipe & Tube LLC',
  'Nippon Tubular Products',
  'Gulf Shrimp Processors Assn.',
  'Sunrise Solar Cells Inc.',
  'Hardwood Plywood Coalition',
  'Delta Aluminum Extrusions',
  'Jiangsu Citric Acid Ltd.',
  'Wire Hangers of America',
  'Pacific Garlic Growers',
  'Tianjin Nails Manufacturing',
  'Kowalczyk Trading GmbH',
  'Monterrey Rebar S.A.',
  'Hanoi Furniture JSC',
];
const filings = [
  ['MOTION for Extension of Time to File', 'Motion for Extension of Time'],
  ['CONSENT MOTION for Leave to File', 'Consent Motion for Leave'],
  ['MOTION for Judgment on the Agency Record under Rule 56.2', 'Motion for Judgment'],
  ['RESPONSE in Opposition to Motion for Judgment on the Agency Record', 'Response in Opposition'],
  ['REPLY to Response to Motion', 'Reply'],
  ['ORDER granting Motion for Extension of Time', 'Order on Motion for Extension of Time'],
  ['ORDER denying Motion to Dismiss', 'Order on Motion to Dismiss'],
  ['OPINION AND ORDER remanding to the Department of Commerce', 'Opinion and Order'],
  ['SCHEDULING ORDER', 'Scheduling Order'],
  ['NOTICE of Appearance', 'Notice of Appearance'],
  ['ADMINISTRATIVE RECORD filed by the United States', 'Administrative Record'],
  ['REMAND RESULTS filed by the Department of Commerce', 'Remand Results'],
  ['COMMENTS on Remand Results', 'Comments'],
  ['JOINT STATUS REPORT', 'Status Report'],
  ['STIPULATED JUDGMENT on Agreed Statement of Facts', 'Stipulated Judgment'],
  ['PROTECTIVE ORDER', 'Protective Order'],
];
const subjects = [
  'the final results of the antidumping duty administrative review',
  'the countervailing duty determination',
  'the scope ruling on finished products',
  'the remand redetermination',
  'the classification of the merchandise under the HTSUS',
  'the liquidation of the entries at issue',
  'access to business proprietary information under the protective order',
  'the oral argument scheduled by the Court',
  'the section 301 duties on the imported goods',
  'the separate rate assigned to the respondents',
];
const people = [
  'Morgan, Jane',
  'Siddiqi, Farah',
  'Nguyen, Thanh',
  "O'Brien, Brendan",
  'Chen, Mei',
  'Alvarez, Rosa',
  'Okafor, Chidi',
  'Lindqvist, Erik',
  'Patel, Anjali',
  'Kowalczyk, Anna',
];

/** A well-mixed 32-bit hash of the index and a salt: each field of a notice varies on its own. */
function hash(index, salt) {
  let value = Math.imul(index ^ Math.imul(salt, 0x9e3779b1), 0x85ebca6b);
  value = Math.imul(value ^ (value >>> 13), 0xc2b2ae35);
  return (value ^ (value >>> 16)) >>> 0;
}
const pick = (list, index, salt) => list[hash(index, salt) % list.length];

/** Case `c` (0 ≤ c < caseCount): its number as printed, its short form and its caption. */
function caseOf(c) {
  const year = String(18 + (c % 9));
  const serial = String(c + 1).padStart(5, '0');
  return {
    number: `1:${year}-cv-${serial}-${judges[c % judges.length]}`,
    short: `${year}-${serial}`,
    name: `${plaintiffs[c % plaintiffs.length]} v. United States`,
    id: String(100_000 + c),
  };
}

/** Notice `index` of case `c`, entry `seq` of it: one docket, 300 to 1,300 characters of text, a free-look link. */
function noticeOf(template, index, c, seq) {
  const kase = caseOf(c);
  const [title, shortDescription] = pick(filings, index, 1);
  const sealed = hash(index, 2) % 250 === 0 ? 'SEALED ' : '';
  const sentences = 1 + (hash(index, 3) % 4);
  const body = Array.from(
    { length: sentences },
    (_, part) => `Concerning ${pick(subjects, index, 10 + part)}, as filed by ${pick(plaintiffs, index, 20 + part)}.`,
  ).join(' ');
  const day = new Date(Date.UTC(2024, 0, 1) + (index % 900) * 86_400_000).toISOString().slice(0, 10);
  const docId = `0141${String(index).padStart(8, '0')}`;
  const docket = template.dockets[0];
  return {
    ...template,
    subject: `Activity in Case ${kase.number} ${kase.name} ${shortDescription}`,
    dockets: [
      {
        ...docket,
        caseNumber: kase.number,
        caseName: kase.name,
        caseId: kase.id,
        documentNumber: String(seq),
        docketText: `${sealed}${title}. ${body} Response due by ${day}. (${pick(people, index, 4)})`,
        shortDescription,
        dateFiled: day,
        dateEntered: day,
        deSeqNum: String(seq),
        docId,
        magicNum: String(10_000_000 + index),
        // A host the URL gate refuses: the link is stored with its refusal, as a forged one is, and the server never
        // asks a court for it (a link of the court would be fetched by the server's free-look workers).
        documentUrl: `https://ecf.cit.uscourts.gov.invalid/doc1/${docId}?caseid=${kase.id}&de_seq_num=${seq}&magic_num=${10_000_000 + index}`,
        filer: pick(plaintiffs, index, 5),
      },
    ],
    attachments: template.attachments.map((attachment) => ({ ...attachment, documentUrl: null, docId: null })),
    recipients: [
      { name: pick(people, index, 6).split(', ').reverse().join(' '), emails: ['counsel@firm.example'] },
      { name: 'Trade Attorney', emails: ['trade.attorney@usdoj.gov'] },
    ],
  };
}

/** The bulk notices: notice i is entry ⌊i / caseCount⌋ + 1 of case i mod caseCount. */
const bulkNotice = (template, index) => noticeOf(template, index, index % caseCount, Math.floor(index / caseCount) + 1);
const rawSha256Of = (index) => createHash('sha256').update(`bench-server notice ${index}`).digest('hex');

/** The cases desktop `d` is on: six neighbours, the last shared with the next desktop. */
const casesOfDesktop = (d) => Array.from({ length: casesPerDesktop }, (_, k) => d * 5 + k);

/** What desktops search for: words, a stem, a phrase, a name, a case's short form, and a word nothing holds. */
const searchWords = (c) => [
  'remand',
  'motions extension',
  'antidumping',
  '"scope ruling"',
  'Kowalczyk',
  'zhejiang bearings',
  'protective order',
  'status report',
  caseOf(c).short,
  'nothing-matches-this',
];

// ---- Processes and HTTP.

/** Answers a GET with the token: status, body, and how long it took. */
function get(url, token) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const outgoing = request(url, { headers: { authorization: `Bearer ${token}` } }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk) => {
        body += chunk;
      });
      response.on('end', () => resolve({ status: response.statusCode, body, took: performance.now() - started }));
      response.on('error', reject);
    });
    outgoing.on('error', reject);
    outgoing.end();
  });
}

/** `ecf-desk server` as its own process; resolves once it prints where it listens. */
function startServer(databaseUrl, storage) {
  const child = spawn(
    process.execPath,
    [cli, 'server', '--database', databaseUrl, '--storage', storage, '--host', '127.0.0.1', '--port', '0'],
    { env: { ...process.env, DATABASE_URL: '' }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let printed = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (text) => {
    printed = (printed + text).slice(-20_000);
  });
  const exited = new Promise((resolve) => child.once('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    createInterface({ input: child.stdout }).on('line', (line) => {
      const url = /listening at (\S+) /.exec(line)?.[1];
      if (url) {
        resolve({
          url,
          pid: child.pid,
          printed: () => printed,
          stop: async () => {
            child.kill('SIGTERM');
            return exited;
          },
        });
      }
    });
    exited.then(
      (code) => reject(new Error(`ecf-desk server ended (exit code ${code}) before it listened:\n${printed}`)),
      reject,
    );
  });
}

/** A process's memory from /proc/<pid>/status, in kB: VmRSS now and VmHWM (its peak). */
function memoryOf(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const field = (name) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? Number.NaN);
  return { rss: field('VmRSS'), peak: field('VmHWM') };
}

/** PostgreSQL's memory: the proportional set size (shared memory shared out) of the postmaster and its children, kB. */
async function postgresMemory(pool) {
  const { rows } = await pool.query('SELECT pid FROM pg_stat_activity WHERE pid = pg_backend_pid()');
  const backend = rows[0].pid;
  const parentOf = (pid) => Number(readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ')[1]);
  const postmaster = parentOf(backend);
  const family = readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .map(Number)
    .filter((pid) => {
      try {
        return pid === postmaster || parentOf(pid) === postmaster;
      } catch {
        return false;
      }
    });
  let pss = 0;
  for (const pid of family) {
    try {
      pss += Number(/^Pss:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'))?.[1] ?? 0);
    } catch {
      // A backend that ended meanwhile.
    }
  }
  return { pss, processes: family.length };
}

// ---- The run.

const template = kit.syntheticTemplate();
const trustOf = kit.firmCourtTrust('cit', null);
if (!('trust' in trustOf)) {
  throw new Error(trustOf.refusal);
}
const trust = trustOf.trust;
const scratch = mkdtempSync(path.join(tmpdir(), 'ecf-desk-bench-server-'));
const cluster = await kit.startThrowawayPostgres({ durable: true });
let database = null;
let server = null;
const streams = [];
const results = [];
const report = (line) => {
  results.push(line);
  console.log(line);
};

try {
  console.log(
    `PostgreSQL ${cluster.version} (throwaway cluster, fsync on, default settings) on 127.0.0.1:${cluster.port}; ` +
      `${count(noticeCount)} notices over ${count(caseCount)} cases; ${desktopCount} desktops.`,
  );
  const databaseUrl = await cluster.createDatabase();
  database = kit.openFirmDatabase(databaseUrl, () => undefined);
  const { pool } = database;
  await kit.migrateFirmDatabase(pool);

  // Users on case teams, as IT adds them; one docketing user for the anchor (sees every case).
  const desktops = [];
  for (let d = 0; d < desktopCount; d += 1) {
    const { token } = await kit.addUser(pool, `desk${d}`, d % 2 === 0 ? 'attorney' : 'paralegal');
    for (const c of casesOfDesktop(d)) {
      await kit.addToCaseTeam(pool, caseOf(c).number, `desk${d}`);
    }
    desktops.push({ index: d, token, cursor: '0.0', reading: null, again: false, caughtUp: null });
  }
  const docketing = await kit.addUser(pool, 'docketing', 'docketing');

  // ---- Import through storeNotices, importWorkers at once, each kit.noticesPerTransaction notices a transaction (as the
  // server's ingest stores a backlog).
  let next = 0;
  let stored = 0;
  const outcomes = {};
  const importStarted = performance.now();
  let reported = 0;
  await Promise.all(
    Array.from({ length: importWorkers }, async () => {
      while (next < noticeCount) {
        const first = next;
        next = Math.min(noticeCount, next + kit.noticesPerTransaction);
        const batch = Array.from({ length: next - first }, (_, k) => ({
          rawSha256: rawSha256Of(first + k),
          mailboxId: null,
          receivedAt: new Date(Date.UTC(2026, 0, 1) + (first + k) * 1_000),
          notice: bulkNotice(template, first + k),
        }));
        for (const result of await kit.storeNotices(pool, batch, trust)) {
          const outcome = result.status === 'fulfilled' ? result.value.outcome : 'refused';
          outcomes[outcome] = (outcomes[outcome] ?? 0) + 1;
        }
        stored += batch.length;
        if (stored >= reported + noticeCount / 10) {
          reported = stored;
          const seconds = (performance.now() - importStarted) / 1_000;
          console.log(`  imported ${count(stored)} in ${seconds.toFixed(0)} s (${count(stored / seconds)}/s)`);
        }
      }
    }),
  );
  const importSeconds = (performance.now() - importStarted) / 1_000;
  const importRate = noticeCount / importSeconds;
  const looks = await pool.query("SELECT count(*)::int AS n FROM free_looks WHERE state = 'refused'");
  const vacuumStarted = performance.now();
  // Without the pool's statement timeout (docs/firm-server.md#limits): on a million rows it takes longer.
  const maintenance = await pool.connect();
  try {
    await maintenance.query('SET statement_timeout = 0');
    await maintenance.query('VACUUM ANALYZE');
    await maintenance.query('RESET statement_timeout');
  } finally {
    maintenance.release();
  }
  const vacuumSeconds = (performance.now() - vacuumStarted) / 1_000;
  const sizes = (
    await pool.query(
      `SELECT pg_size_pretty(pg_database_size(current_database())) AS whole,
              pg_size_pretty(pg_relation_size('docket_entries_search')) AS gin,
              (SELECT round(avg(octet_length(parsed::text))) FROM notices TABLESAMPLE SYSTEM (1)) AS notice_bytes`,
    )
  ).rows[0];

  // ---- The anchor's database: the desktop's inbox (SQLite) with the same notices.
  const sqliteFile = path.join(scratch, 'desktop.sqlite');
  const desktopDb = kit.openDatabase(sqliteFile);
  const inbox = kit.createNoticeTable(desktopDb);
  const ingestBatch = desktopDb.transaction((from, to) => {
    for (let index = from; index < to; index += 1) {
      inbox.ingest(bulkNotice(template, index), {
        messageId: `<${index}@bench-server.ecf-desk>`,
        rawSha256: rawSha256Of(index),
        source: 'bench',
        receivedAt: new Date(Date.UTC(2026, 0, 1) + index * 1_000),
      });
    }
  });
  const sqliteStarted = performance.now();
  for (let from = 0; from < anchorCount; from += 1_000) {
    ingestBatch(from, Math.min(anchorCount, from + 1_000));
  }
  const sqliteSeconds = (performance.now() - sqliteStarted) / 1_000;

  // ---- The server, and the anchor: the same queries, one at a time, on PostgreSQL (over HTTP, as docketing staff,
  // who see every case: the same notices as the SQLite inbox holds) and on SQLite (in the process, as a desktop does).
  server = await startServer(databaseUrl, path.join(scratch, 'pdfs'));
  const searchUrl = (words) => `${server.url}/api/search?q=${encodeURIComponent(words)}&limit=50`;
  const anchorQueries = searchWords(caseCount - 1);
  const pgAnchor = [];
  const sqliteAnchor = [];
  for (let round = 0; round < 6; round += 1) {
    for (const words of anchorQueries) {
      const answer = await get(searchUrl(words), docketing.token);
      if (answer.status !== 200) {
        throw new Error(`/api/search answered ${answer.status}: ${answer.body.slice(0, 300)}`);
      }
      const started = performance.now();
      inbox.list({ text: words, limit: 50 });
      const sqliteTook = performance.now() - started;
      // The first round warms both caches and is not counted.
      if (round > 0) {
        pgAnchor.push(answer.took);
        sqliteAnchor.push(sqliteTook);
      }
    }
  }
  desktopDb.close();

  // ---- Desktops: each follows its event stream into /api/entries, and searches now and then.
  const live = new Map(); // entry label → when its store committed
  const reads = []; // [label, desktop, when read]
  const searchTimes = [];
  const failures = [];
  const readEntries = async (desktop) => {
    let page;
    do {
      const answer = await get(`${server.url}/api/entries?after=${desktop.cursor}`, desktop.token);
      if (answer.status !== 200) {
        throw new Error(`/api/entries answered ${answer.status}: ${answer.body.slice(0, 300)}`);
      }
      page = JSON.parse(answer.body);
      const now = performance.now();
      for (const entry of page.entries) {
        reads.push([`${entry.caseNumber}#${entry.deSeqNum}`, desktop.index, now]);
      }
      desktop.cursor = page.cursor;
    } while (page.hasMore);
  };
  /** Reads what changed; told again while reading, it reads once more after. */
  const catchUp = (desktop) => {
    if (desktop.reading) {
      desktop.again = true;
      return;
    }
    desktop.reading = (async () => {
      do {
        desktop.again = false;
        await readEntries(desktop);
      } while (desktop.again);
    })().then(
      () => {
        desktop.reading = null;
        desktop.caughtUp?.();
      },
      (error) => {
        desktop.reading = null;
        failures.push(`desktop ${desktop.index}: ${error.message}`);
        desktop.caughtUp?.();
      },
    );
  };
  const connectStarted = performance.now();
  await Promise.all(
    desktops.map(
      (desktop) =>
        new Promise((resolve, reject) => {
          desktop.caughtUp = () => {
            desktop.caughtUp = null;
            resolve();
          };
          const parser = kit.createEventStreamParser((event) => {
            if (event.event === 'entries') {
              catchUp(desktop);
            }
          });
          const outgoing = request(
            `${server.url}/api/events`,
            { headers: { authorization: `Bearer ${desktop.token}` } },
            (response) => {
              if (response.statusCode !== 200) {
                reject(new Error(`/api/events answered ${response.statusCode}`));
              }
              response.setEncoding('utf8');
              response.on('data', (chunk) => parser.push(chunk));
              response.on('error', () => undefined);
            },
          );
          outgoing.on('error', (error) => {
            failures.push(`desktop ${desktop.index}'s event stream: ${error.message}`);
            reject(error);
          });
          outgoing.end();
          streams.push(outgoing);
        }),
    ),
  );
  const connectSeconds = (performance.now() - connectStarted) / 1_000;
  const initialReads = reads.length;
  reads.length = 0;

  // New notices while they listen, each to one of the desktops' cases, at liveRate a second; and their searches.
  let isLive = true;
  const memorySamples = [];
  const sampler = setInterval(() => memorySamples.push(memoryOf(server.pid).rss), 500);
  const searchers = desktops.map(async (desktop) => {
    const words = searchWords(casesOfDesktop(desktop.index)[0]);
    let round = desktop.index;
    while (isLive) {
      await sleep(Math.random() * 2 * searchEvery * 1_000);
      if (!isLive) {
        break;
      }
      round += 1;
      try {
        const answer = await get(searchUrl(words[round % words.length]), desktop.token);
        if (answer.status === 200) {
          searchTimes.push(answer.took);
        } else {
          failures.push(`search answered ${answer.status}`);
        }
      } catch (error) {
        failures.push(`search: ${error.message}`);
      }
    }
  });
  const liveStarted = performance.now();
  const teamCases = desktopCount * 5 + 1;
  let liveIndex = noticeCount;
  let expected = 0;
  for (let n = 0; n < liveSeconds * liveRate; n += 1) {
    const due = liveStarted + (n * 1_000) / liveRate;
    await sleep(Math.max(0, due - performance.now()));
    const c = hash(n, 99) % teamCases;
    const seq = 100_000 + n;
    liveIndex += 1;
    await kit.storeNotice(
      pool,
      {
        rawSha256: rawSha256Of(liveIndex),
        mailboxId: null,
        receivedAt: new Date(),
        notice: noticeOf(template, liveIndex, c, seq),
      },
      trust,
    );
    live.set(`${caseOf(c).number}#${seq}`, performance.now());
    expected += desktops.filter((desktop) => casesOfDesktop(desktop.index).includes(c)).length;
  }
  // Stragglers: up to 15 s for the last reads.
  const waitUntil = performance.now() + 15_000;
  const liveReads = () => reads.filter(([label]) => live.has(label));
  const readPairs = () => new Set(liveReads().map(([label, desktop]) => `${label} ${desktop}`)).size;
  while (readPairs() < expected && performance.now() < waitUntil) {
    await sleep(100);
  }
  isLive = false;
  clearInterval(sampler);
  await Promise.all(searchers);
  // The first read of each live entry by each desktop (a desktop reads an entry again when it changes again).
  const firstReads = new Map();
  for (const [label, desktop, when] of liveReads()) {
    const key = `${label} ${desktop}`;
    firstReads.set(key, Math.min(firstReads.get(key) ?? when, when));
  }
  const latencies = [...firstReads].map(([key, when]) => Math.max(0, when - live.get(key.split(' ')[0])));
  const serverMemory = memoryOf(server.pid);
  const postgres = await postgresMemory(pool);

  // ---- The figures.
  const p95Search = percentile(searchTimes, 0.95);
  const p95Latency = percentile(latencies, 0.95) / 1_000;
  console.log('');
  report(
    `Import:           ${count(importRate)} notices/s (${count(noticeCount)} in ${importSeconds.toFixed(0)} s, through storeNotices, ${kit.noticesPerTransaction} notices a transaction, ${importWorkers} at once; ${Object.entries(
      outcomes,
    )
      .map(([outcome, n]) => `${count(n)} ${outcome}`)
      .join(
        ', ',
      )}; ${count(looks.rows[0].n)} free-look links stored as refused)   (target ≥ 2,000/s: ${verdict(importRate >= 2_000)})`,
  );
  report(
    `                  then VACUUM ANALYZE ${vacuumSeconds.toFixed(0)} s; database ${sizes.whole}, of which the search index ${sizes.gin}; a stored notice ${count(Number(sizes.notice_bytes))} bytes of JSON on average`,
  );
  report(
    `Desktops:         ${desktopCount} event streams open and caught up (${count(initialReads)} entries read) in ${connectSeconds.toFixed(1)} s`,
  );
  report(
    `Notice → desktop: p50 ${(percentile(latencies, 0.5) / 1_000).toFixed(2)} s, p95 ${p95Latency.toFixed(2)} s, worst ${(Math.max(...latencies) / 1_000).toFixed(2)} s; ${count(latencies.length)} of ${count(expected)} reads (${count(live.size)} notices at ${liveRate}/s for ${liveSeconds} s, each to its case team)   (target p95 ≤ 2 s: ${verdict(latencies.length === expected && p95Latency <= 2)})`,
  );
  report(
    `Search (loaded):  p50 ${ms(percentile(searchTimes, 0.5))}, p95 ${ms(p95Search)}, worst ${ms(Math.max(...searchTimes))} over ${count(searchTimes.length)} searches (/api/search by ${desktopCount} desktops about every ${searchEvery} s each, while syncing)   (target p95 ≤ 50 ms: ${verdict(p95Search <= 50)})`,
  );
  const pgP50 = percentile(pgAnchor, 0.5);
  const sqliteP50 = percentile(sqliteAnchor, 0.5);
  report(
    `Search (quiet):   PostgreSQL /api/search as docketing staff (every case): p50 ${ms(pgP50)}, p95 ${ms(percentile(pgAnchor, 0.95))}, over HTTP`,
  );
  report(
    `Anchor:           desktop SQLite inbox search, ${count(anchorCount)} notices (built in ${sqliteSeconds.toFixed(0)} s): p50 ${ms(sqliteP50)}, p95 ${ms(percentile(sqliteAnchor, 0.95))}, in the process; ratio PostgreSQL/SQLite p50 ${(pgP50 / sqliteP50).toFixed(1)}, p95 ${(percentile(pgAnchor, 0.95) / percentile(sqliteAnchor, 0.95)).toFixed(1)} (the same ${anchorQueries.length} queries × 5)`,
  );
  report(
    `Server memory:    RSS ${mb(serverMemory.rss)} at the end, ${mb(Math.max(...memorySamples))} the most sampled under load, peak (VmHWM) ${mb(serverMemory.peak)}`,
  );
  report(
    `PostgreSQL:       ${mb(postgres.pss)} proportional set size over its ${postgres.processes} processes (shared buffers shared out)`,
  );
  report(
    `Failures:         ${failures.length === 0 ? 'none' : `${failures.length}: ${failures.slice(0, 5).join('; ')}`}`,
  );
} finally {
  for (const stream of streams) {
    stream.destroy();
  }
  const code = await server?.stop();
  if (code !== undefined && code !== 0) {
    console.error(`ecf-desk server ended with exit code ${code}:\n${server.printed()}`);
  }
  await database?.close();
  await cluster.stop();
  rmSync(scratch, { recursive: true, force: true });
}
