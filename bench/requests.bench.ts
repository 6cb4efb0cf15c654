// Benchmark 3: requests an import spends against the sandbox, for a fresh import, an unchanged
// re-sync and a 1 % edit of a 2,000-row agenda, against the minimum any importer must pay (the guide,
// one request per listing page, one write per changed row or missing track/room). Beside it, what a
// naive importer pays, computed: one lookup + one write per row, or (Guidebook's iCal integration)
// one listing + a PATCH of every matched row. Run: npx tsx bench/requests.bench.ts
import { writeFileSync } from 'node:fs';
import { createClient } from '../src/api/index.js';
import { runImport } from '../src/pipeline/run-import.js';
import { defaultSandboxState, startSandbox } from '../src/sandbox/index.js';
import type { SandboxHandle, SandboxState } from '../src/sandbox/index.js';
import type { Summary } from '../src/types.js';
import { ROOMS, TRACKS, agendaCsv, type AgendaSession } from './agenda.js';
import { outPath } from './agenda-files.js';
import { saveResult, verdict } from './stats.js';

const ROWS = 2_000;
const EDITED = ROWS / 100;
const PAGE_SIZE = 500;
const API_KEY = 'bench-key';

/** Every 100th row changes: half get a new title, half move 30 minutes later. */
function editOnePercent(session: AgendaSession, index: number): AgendaSession {
  if (index % 100 !== 0) return session;
  return index % 200 === 0 ? { ...session, name: `${session.name} (updated)` } : { ...session, startMinute: session.startMinute + 30 };
}

interface Scenario {
  label: string;
  file: string;
  /** Session writes the sheet really needs, and tracks/rooms it must create first. */
  changedRows: number;
  referencesToCreate: number;
}

interface Counted {
  scenario: Scenario;
  used: number;
  minimum: number;
  lookupAndWrite: number;
  listAndPatchAll: number;
  summary: Summary;
}

function pages(count: number): number {
  return Math.max(1, Math.ceil(count / PAGE_SIZE));
}

function startingState(): SandboxState {
  const state = defaultSandboxState();
  // The agenda's month, so no row is warned about as outside the guide's dates.
  state.guides[0] = { ...state.guides[0]!, start_date: '2027-03-01', end_date: '2027-03-30' };
  return state;
}

async function countRun(sandbox: SandboxHandle, scenario: Scenario): Promise<Counted> {
  const before = sandbox.state();
  const sessionsBefore = before.sessions.filter((s) => s.guide === 1).length;
  const reads =
    1 +
    pages(sessionsBefore) +
    pages(before.schedule_tracks.filter((t) => t.guide === 1).length) +
    pages(before.locations.filter((l) => l.guide === 1).length);
  const logged = sandbox.requestLog.length;
  const client = createClient({ apiUrl: sandbox.apiUrl, apiKey: API_KEY, concurrency: 8, rate: 1000, pageSize: PAGE_SIZE });
  const run = await runImport(scenario.file, { client, guide: 1, createMissing: true });
  if (run.exitCode !== 0) throw new Error(`${scenario.label}: import exited ${run.exitCode}: ${run.document.warnings.join('; ')}`);
  const used = sandbox.requestLog.length - logged;
  if (used !== run.document.summary.requests) {
    throw new Error(`${scenario.label}: the sandbox saw ${used} requests, the report says ${run.document.summary.requests}`);
  }
  const writes = scenario.changedRows + scenario.referencesToCreate;
  // Naive importers still read the guide and its tracks and rooms, and create the missing ones.
  const referenceWork = 1 + 2 + scenario.referencesToCreate;
  return {
    scenario,
    used,
    minimum: reads + writes,
    lookupAndWrite: referenceWork + ROWS + ROWS,
    listAndPatchAll: referenceWork + pages(sessionsBefore) + ROWS,
    summary: run.document.summary,
  };
}

const fresh = outPath(`agenda-${ROWS}.csv`);
const edited = outPath(`agenda-${ROWS}-edited.csv`);
writeFileSync(fresh, agendaCsv(ROWS));
writeFileSync(edited, agendaCsv(ROWS, editOnePercent));

const sandbox = await startSandbox({ apiKey: API_KEY, initialState: startingState() });
const counted: Counted[] = [];
try {
  counted.push(
    await countRun(sandbox, { label: 'fresh import', file: fresh, changedRows: ROWS, referencesToCreate: TRACKS.length + ROOMS }),
  );
  counted.push(await countRun(sandbox, { label: 'unchanged re-sync', file: fresh, changedRows: 0, referencesToCreate: 0 }));
  counted.push(await countRun(sandbox, { label: '1 % edited re-sync', file: edited, changedRows: EDITED, referencesToCreate: 0 }));
  const state = sandbox.state();
  if (state.sessions.length !== ROWS) throw new Error(`the guide holds ${state.sessions.length} sessions, expected ${ROWS}`);
} finally {
  await sandbox.close();
}

const [created, unchanged, updated] = counted.map((c) => c.summary);
if (created!.created !== ROWS || unchanged!.unchanged !== ROWS || updated!.updated !== EDITED) {
  throw new Error(`unexpected outcomes: ${JSON.stringify(counted.map((c) => c.summary))}`);
}

console.log(
  `\n## Requests, ${ROWS.toLocaleString('en-US')}-row agenda (${TRACKS.length} tracks, ${ROOMS} rooms created on the first run), page size ${PAGE_SIZE}`,
);
const header = ['scenario', 'used', 'minimum', 'used/min', 'naive: lookup+write per row', 'naive: list + PATCH every match'];
console.log(header.join(' | '));
const lines: string[] = [];
let allMet = true;
for (const c of counted) {
  const met = c.used === c.minimum;
  allMet &&= met;
  const row = [c.scenario.label, c.used, c.minimum, `${(c.used / c.minimum).toFixed(2)}`, c.lookupAndWrite, c.listAndPatchAll];
  console.log(row.join(' | '));
  lines.push(
    `requests, ${c.scenario.label}: ${c.used} used, minimum ${c.minimum} (goal equal: ${verdict(met)}); ` +
      `naive ${c.lookupAndWrite} (lookup + write per row) / ${c.listAndPatchAll} (list + PATCH every match)`,
  );
}
saveResult({ name: 'requests', lines, goalsMet: allMet });
