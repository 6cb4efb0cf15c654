// Benchmark: requests an import with speakers spends against the sandbox, for a 300-session,
// 250-speaker agenda: a fresh import, an unchanged re-sync and a 1 % edit, against the minimum any
// importer must pay: the guide, one request per listing page (sessions, custom lists, items,
// relations, links), one write per changed session or speaker field set, one relation per new
// speaker, and one link per direction of each new talk-speaker pair.
// Run: npx tsx bench/speakers-requests.bench.ts
import * as XLSX from 'xlsx';
import { createClient } from '../src/api/index.js';
import { runImport } from '../src/pipeline/run-import.js';
import { defaultSandboxState, startSandbox, type SandboxHandle } from '../src/sandbox/index.js';
import { outPath } from './agenda-files.js';
import { saveResult, verdict } from './stats.js';

const SESSIONS = 300;
const SPEAKERS = 250;
const PAGE_SIZE = 500;
const API_KEY = 'bench-key';

interface Agenda {
  sessions: Array<{ id: string; title: string; slot: number; speakers: number[] }>;
  speakers: Array<{ id: string; name: string; company: string }>;
}

/** Deterministic: session i has speaker i mod 250, every third a second, every seventh a third. */
function agenda(): Agenda {
  const speakers = Array.from({ length: SPEAKERS }, (_, j) => ({
    id: `SP-${String(j).padStart(3, '0')}`,
    name: `Speaker ${String(j).padStart(3, '0')}`,
    company: `Company ${j % 40}`,
  }));
  const sessions = Array.from({ length: SESSIONS }, (_, i) => {
    const names = [i % SPEAKERS];
    if (i % 3 === 0) names.push((i * 7 + 11) % SPEAKERS);
    if (i % 7 === 0) names.push((i * 13 + 5) % SPEAKERS);
    return { id: `T-${String(i).padStart(3, '0')}`, title: `Talk ${i}`, slot: i, speakers: [...new Set(names)] };
  });
  return { sessions, speakers };
}

/** 1 %: sessions 0 and 100 retitled, session 200 gains a co-speaker; speakers 0, 100 and 200 change company. */
function editOnePercent(base: Agenda): Agenda {
  return {
    sessions: base.sessions.map((s, i) => {
      if (i === 0 || i === 100) return { ...s, title: `${s.title} (updated)` };
      if (i === 200)
        return { ...s, speakers: [...s.speakers, (s.speakers[0]! + 1) % SPEAKERS].filter((v, k, all) => all.indexOf(v) === k) };
      return s;
    }),
    speakers: base.speakers.map((p, j) => (j % 100 === 0 ? { ...p, company: `${p.company} (new)` } : p)),
  };
}

function writeWorkbook(path: string, data: Agenda): void {
  const nameOf = (j: number) => data.speakers[j]!.name;
  const time = (minutes: number) => `${Math.floor(minutes / 60)}:${String(minutes % 60).padStart(2, '0')}`;
  const agendaRows = data.sessions.map((s) => {
    const day = 1 + Math.floor(s.slot / 100);
    const start = 8 * 60 + (s.slot % 100) * 5;
    return [s.id, s.title, `2027-03-${String(day).padStart(2, '0')}`, time(start), time(start + 5), s.speakers.map(nameOf).join('; ')];
  });
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(
    book,
    XLSX.utils.aoa_to_sheet([['Import ID', 'Title', 'Date', 'Start', 'End', 'Speakers'], ...agendaRows]),
    'Agenda',
  );
  const speakerRows = data.speakers.map((p) => [p.id, p.name, p.company]);
  XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet([['Import ID', 'Name', 'Company'], ...speakerRows]), 'Speakers');
  XLSX.writeFile(book, path);
}

const pairs = (data: Agenda) => data.sessions.reduce((n, s) => n + s.speakers.length, 0);
const pages = (count: number) => Math.max(1, Math.ceil(count / PAGE_SIZE));

async function countRun(sandbox: SandboxHandle, file: string): Promise<number> {
  const logged = sandbox.requestLog.length;
  const client = createClient({ apiUrl: sandbox.apiUrl, apiKey: API_KEY, concurrency: 8, rate: 1000, pageSize: PAGE_SIZE });
  const run = await runImport(file, { client, guide: 1 });
  if (run.exitCode !== 0) throw new Error(`${file}: import exited ${run.exitCode}: ${run.document.warnings.join('; ')}`);
  return sandbox.requestLog.length - logged;
}

const base = agenda();
const edited = editOnePercent(base);
const fresh = outPath('speakers-agenda.xlsx');
const editedFile = outPath('speakers-agenda-edited.xlsx');
writeWorkbook(fresh, base);
writeWorkbook(editedFile, edited);

const state = defaultSandboxState();
state.guides[0] = { ...state.guides[0]!, start_date: '2027-03-01', end_date: '2027-03-30' };
const sandbox = await startSandbox({ apiKey: API_KEY, initialState: state });
const P = pairs(base);
// Reads: the guide, then one page at least of sessions, custom lists, items, relations and links.
const readsOf = (sessions: number, items: number, links: number) => 1 + pages(sessions) + 1 + pages(items) + pages(items) + pages(links);
const rows: Array<{ label: string; used: number; minimum: number }> = [];
try {
  rows.push({
    label: 'fresh import',
    used: await countRun(sandbox, fresh),
    minimum: readsOf(0, 0, 0) + SESSIONS + SPEAKERS + SPEAKERS + 2 * P,
  });
  rows.push({ label: 'unchanged re-sync', used: await countRun(sandbox, fresh), minimum: readsOf(SESSIONS, SPEAKERS, 2 * P) });
  // 2 session PATCHes, 3 item PATCHes, 2 links for the new pair.
  rows.push({
    label: '1 % edited re-sync',
    used: await countRun(sandbox, editedFile),
    minimum: readsOf(SESSIONS, SPEAKERS, 2 * P) + 2 + 3 + 2,
  });
  const after = sandbox.state();
  const links = after.links.filter((l) => l.guide === 1).length;
  if (after.custom_list_items.length !== SPEAKERS || links !== 2 * pairs(edited)) {
    throw new Error(
      `the guide holds ${after.custom_list_items.length} speakers and ${links} links, expected ${SPEAKERS} and ${2 * pairs(edited)}`,
    );
  }
} finally {
  await sandbox.close();
}

console.log(
  `\n## Requests with speakers: ${SESSIONS} sessions, ${SPEAKERS} speakers, ${P} talk-speaker pairs (${2 * P} links), page size ${PAGE_SIZE}`,
);
console.log(['scenario', 'used', 'minimum', 'used/min'].join(' | '));
const lines: string[] = [];
let allMet = true;
for (const row of rows) {
  const met = row.used === row.minimum;
  allMet &&= met;
  console.log([row.label, row.used, row.minimum, (row.used / row.minimum).toFixed(2)].join(' | '));
  lines.push(
    `speaker requests, ${row.label}: ${row.used} used, minimum ${row.minimum}, ratio ${(row.used / row.minimum).toFixed(2)} (goal equal: ${verdict(met)})`,
  );
}
saveResult({ name: 'speakers-requests', lines, goalsMet: allMet });
