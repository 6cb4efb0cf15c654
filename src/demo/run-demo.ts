// `npm run demo`: the whole journey on the bundled sandbox, in under a minute. Imports the sample
// 3-day conference into an empty guide, then an edited copy of it, and shows that the second run
// writes only the difference, then that a third run writes nothing at all.
import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { createClient } from '../api/index.js';
import { runImport, type ImportRun } from '../pipeline/run-import.js';
import { createReportWriter, formatSummaryText } from '../report/index.js';
import { startSandbox } from '../sandbox/index.js';
import { formatLocal } from '../time/index.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const outDir = path.resolve(process.cwd(), 'demo-output');
const GUIDE = 1;

async function main(): Promise<void> {
  mkdirSync(outDir, { recursive: true });
  const apiKey = randomBytes(16).toString('hex');
  const sandbox = await startSandbox({ port: 0, apiKey });
  // A local sandbox has no daily budget to protect, so the demo may go faster than Guidebook's pace.
  const client = () => createClient({ apiUrl: sandbox.apiUrl, apiKey, rate: 40, concurrency: 8 });
  try {
    say(`Sandbox Guidebook API at ${sandbox.apiUrl} (guide ${GUIDE}, America/New_York, empty)\n`);

    const first = await step('1. Import the 3-day conference (samples/devcon-2027.xlsx)', 'devcon-2027.xlsx', 'first-import', client());
    const second = await step(
      '2. Re-import an edited copy (samples/devcon-2027-edited.xlsx)',
      'devcon-2027-edited.xlsx',
      'edited-import',
      client(),
    );
    showDiff(second);
    const third = await step('3. Run the edited copy again: nothing left to write', 'devcon-2027-edited.xlsx', 'resync', client());

    const sessions = sandbox.state().sessions.filter((s) => s.guide === GUIDE);
    const ids = new Set(sessions.map((s) => s.import_id));
    say(
      `Guide ${GUIDE} now holds ${sessions.length} sessions with ${ids.size} distinct import_ids: ${sessions.length === ids.size ? 'zero duplicates' : 'DUPLICATES FOUND'}.`,
    );
    const state = sandbox.state();
    const speakers = state.custom_list_items.filter((item) => item.guide === GUIDE);
    const links = state.links.filter((link) => link.guide === GUIDE);
    say(
      `Its "Speakers" list holds ${speakers.length} speakers, linked to their sessions both ways by ${links.length} links (two per talk and speaker).`,
    );
    say(
      `Requests spent: ${first.document.summary.requests} + ${second.document.summary.requests} + ${third.document.summary.requests} of the 10,000-a-day budget.`,
    );
    say(`Open demo-output/edited-import.report.html in a browser to see the edit as a planner would.`);
    if (sessions.length !== ids.size || [first, second, third].some((run) => run.exitCode !== 0)) process.exitCode = 1;
  } finally {
    await sandbox.close();
  }
}

async function step(title: string, sample: string, name: string, client: ReturnType<typeof createClient>): Promise<ImportRun> {
  say(`== ${title}`);
  const started = Date.now();
  const csvPath = path.join(outDir, `${name}.report.csv`);
  const htmlPath = path.join(outDir, `${name}.report.html`);
  const run = await runImport(path.join(root, 'samples', sample), {
    client,
    guide: GUIDE,
    createMissing: true,
    openReport: () => createReportWriter(csvPath),
    reportOptions: { guide: GUIDE, createMissing: true },
  });
  const html = createReportWriter(htmlPath);
  await html.finish(run.document);
  say(formatSummaryText(run.document, { reportPath: csvPath, durationMs: Date.now() - started }));
  say(`  html:     ${htmlPath}\n`);
  return run;
}

function showDiff(run: ImportRun): void {
  say('What the edit changed:');
  for (const row of run.document.rows) {
    if (row.record === 'speaker') {
      if (row.action !== 'unchanged') say(`  ~ speaker ${row.name}: ${row.changed_fields.join(', ')} (${row.message})`);
      continue;
    }
    if (row.action === 'create') say(`  + row ${row.row} ${row.import_id} "${row.name}" (new session ${row.session_id ?? ''})`);
    if (row.action !== 'update') continue;
    say(`  ~ row ${row.row} ${row.import_id} "${row.name}"`);
    if (row.changed_fields.includes('speakers')) say('      speakers: linked as the Speakers cell now lists them');
    for (const change of row.changes ?? []) say(`      ${change.field}: ${describeChange(change.field, change.old, change.new, row.zone)}`);
  }
  say('');
}

/** Times in the guide's local time, long texts from where they start to differ. */
function describeChange(field: string, before: unknown, after: unknown, zone: string | undefined): string {
  if ((field === 'start_time' || field === 'end_time') && typeof before === 'string' && typeof after === 'string' && zone) {
    const local = (iso: string) => Object.values(formatLocal(iso, zone)).join(' ');
    return `${local(before)} → ${local(after)} (${zone})`;
  }
  if (typeof before === 'string' && typeof after === 'string' && before.length + after.length > 80) {
    let i = 0;
    while (i < before.length && before[i] === after[i]) i++;
    const from = Math.max(0, i - 20);
    return `…${short(before.slice(from))} → …${short(after.slice(from))}`;
  }
  return `${short(before)} → ${short(after)}`;
}

function short(value: unknown): string {
  const text = JSON.stringify(value) ?? 'null';
  return text.length > 70 ? `${text.slice(0, 67)}…` : text;
}

function say(text: string): void {
  process.stdout.write(`${text}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`demo failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
