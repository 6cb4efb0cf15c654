// `guidebook-import import` against a sandbox process that misbehaves the way real servers and
// proxies do (issue 10): the exit codes, the report rows and the sandbox's final state.
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { agendaRows, writeAgendaCsv, type AgendaRow } from '../support/agenda-sheet.js';
import { readFileSync } from 'node:fs';
import { SECRET_KEY, describeRun, runCli } from '../support/cli-process.js';
import { cleanUp, importWorld } from '../support/import-fixture.js';
import { guideSessions, sessionsByImportId } from '../support/sandbox-process.js';
import { readCsvReport, tally } from '../support/report-file.js';

afterAll(cleanUp);

const WRITES = new Set(['POST', 'PATCH', 'DELETE']);

/** Sessions in guide 2 (the same account's other guide), made through the API. */
async function sessionsOfGuide2(apiUrl: string, importIds: string[]): Promise<void> {
  for (const importId of importIds) {
    const answer = await fetch(`${apiUrl}sessions/`, {
      method: 'POST',
      headers: { Authorization: `JWT ${SECRET_KEY}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ guide: 2, name: `Berlin ${importId}`, start_time: '2027-09-20T08:00:00Z', import_id: importId }),
    });
    expect(answer.status).toBe(201);
  }
}

describe('150 rows sharing start times, pages capped at 20 and ties shuffled per request', () => {
  it('imports exactly 150 sessions, no duplicate, no false conflict, and a re-sync sends 0 writes', async () => {
    const world = await importWorld({ args: ['--page-size-cap', '20', '--unstable-order'] });
    // Five start times a day for 150 rows: ten sessions or more share each one.
    const rows: AgendaRow[] = agendaRows(150).map((row, i) => ({ ...row, start: `${9 + (i % 5)}:00`, end: `${9 + (i % 5)}:45` }));
    const sheet = writeAgendaCsv(join(world.dir, 'agenda.csv'), rows);

    const first = await world.importCli(sheet, ['--json']);
    expect(first.code, describeRun(first)).toBe(0);
    expect(JSON.parse(first.stdout)).toMatchObject({ created: 150, conflicts: 0, failed: 0 });

    const state = await world.sandbox.state();
    expect(guideSessions(state)).toHaveLength(150);
    const groups = sessionsByImportId(state);
    expect(groups.size).toBe(150);
    expect([...groups.values()].every((group) => group.length === 1)).toBe(true);

    const mark = world.sandbox.requests().length;
    const second = await world.importCli(sheet, ['--json']);
    expect(second.code, describeRun(second)).toBe(0);
    expect(JSON.parse(second.stdout)).toMatchObject({ created: 0, updated: 0, unchanged: 150, conflicts: 0 });
    const resync = world.sandbox.requestsSince(mark);
    expect(resync.filter((r) => WRITES.has(r.method))).toEqual([]);
    // The guide, then 8 pages of 20 (150 sessions), each asked by id.
    expect(resync.filter((r) => r.path.endsWith('/sessions/')).map((r) => r.query.ordering)).toEqual(Array.from({ length: 8 }, () => 'id'));
    // Two imports of 150 rows through a CLI process: more than the default 30 s on a busy machine.
  }, 120_000);
});

describe('a login page in front of the API', () => {
  it('is one clear run error, exit 2, before any write', async () => {
    const world = await importWorld({ args: ['--login-page'] });
    const sheet = writeAgendaCsv(join(world.dir, 'agenda.csv'), agendaRows(3));
    const run = await world.importCli(sheet, ['--json']);
    expect(run.code, describeRun(run)).toBe(2);
    expect(run.stderr).toContain('guidebook-import: GET /guides/1/ answered an HTML page instead of guide 1; check --api-url');
    expect(world.sandbox.requests().map((r) => r.method)).toEqual(['GET']);
  });
});

describe('a key revoked in the middle of a run', () => {
  it('stops at the first 401: exit 2, the rest not_attempted, not one more write', async () => {
    // Four reads (the guide and its listings) and three creates; the next request is refused.
    const world = await importWorld({ args: ['--revoke-after', '7'] });
    const sheet = writeAgendaCsv(join(world.dir, 'agenda.csv'), agendaRows(12));
    const run = await world.importCli(sheet, ['--json', '--concurrency', '1']);
    expect(run.code, describeRun(run)).toBe(2);
    expect(JSON.parse(run.stdout)).toMatchObject({ created: 3, not_attempted: 9, failed: 0 });
    expect(run.stderr).toContain('stopped early: the API key was rejected (HTTP 401)');
    const report = readCsvReport(join(world.dir, 'agenda.report.csv'));
    expect(tally(report)).toEqual({ 'create/done': 3, 'create/not_attempted': 9 });
    expect(
      report
        .filter((r) => r.outcome === 'not_attempted')
        .every((r) => /^not attempted: the API key was rejected during the run/.test(r.message)),
    ).toBe(true);
    expect(
      world.sandbox
        .requests()
        .filter((r) => r.method === 'POST')
        .map((r) => r.status),
    ).toEqual([201, 201, 201, 401]);
    expect(`${run.stdout}${run.stderr}`).not.toContain(SECRET_KEY);
  });
});

describe('a server that ignores the guide filter', () => {
  it("never updates or prunes another guide's sessions, and says how many it left out", async () => {
    const world = await importWorld({ args: ['--ignore-guide-filter'] });
    // Guide 2 (same account) holds sessions under import_ids the sheet uses, and one the sheet lacks.
    await sessionsOfGuide2(world.sandbox.apiUrl, ['S-001', 'S-002', 'OLD-1']);
    const before = guideSessions(await world.sandbox.state(), 2);
    const mark = world.sandbox.requests().length;
    const sheet = writeAgendaCsv(join(world.dir, 'agenda.csv'), agendaRows(4));

    const run = await world.importCli(sheet, ['--json', '--prune', '--yes']);
    expect(run.code, describeRun(run)).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ created: 4, updated: 0, deleted: 0, conflicts: 0 });
    expect(run.stderr).toContain(
      'warning: the server listed 3 sessions of other guides when asked for guide 1 (it ignored the guide filter)',
    );
    const state = await world.sandbox.state();
    expect(guideSessions(state, 2)).toEqual(before);
    expect(
      guideSessions(state, 1)
        .map((s) => s.import_id)
        .sort(),
    ).toEqual(['S-001', 'S-002', 'S-003', 'S-004']);
    expect(
      world.sandbox
        .requestsSince(mark)
        .filter((r) => WRITES.has(r.method))
        .map((r) => `${r.method} ${r.body && (r.body as { guide?: number }).guide}`),
    ).toEqual(Array.from({ length: 4 }, () => 'POST 1'));
  });
});

describe('creates answered 201 with an empty body', () => {
  it('are confirmed by import_id: each created once, and a re-run sends nothing', async () => {
    const world = await importWorld({ args: ['--empty-create-answers'] });
    const sheet = writeAgendaCsv(join(world.dir, 'agenda.csv'), agendaRows(6));
    const run = await world.importCli(sheet, ['--json']);
    expect(run.code, describeRun(run)).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ created: 6, failed: 0 });
    expect(world.sandbox.requests().filter((r) => r.method === 'POST')).toHaveLength(6);
    expect(sessionsByImportId(await world.sandbox.state()).size).toBe(6);
    const report = readCsvReport(join(world.dir, 'agenda.report.csv'));
    expect(report.map((r) => r.message)).toEqual(
      Array.from({ length: 6 }, () => 'created (the server answered without the session; found by import_id)'),
    );
    const again = await world.importCli(sheet, ['--json']);
    expect(JSON.parse(again.stdout)).toMatchObject({ created: 0, unchanged: 6 });
  });
});

describe('writes answered with a redirect', () => {
  it('are not followed: exit 2 naming the https:// URL, one request, the rest not_attempted', async () => {
    const world = await importWorld({ args: ['--redirect-writes', 'https'] });
    const sheet = writeAgendaCsv(join(world.dir, 'agenda.csv'), agendaRows(5));
    const run = await world.importCli(sheet, ['--json', '--concurrency', '1']);
    expect(run.code, describeRun(run)).toBe(2);
    expect(run.stderr).toContain(
      `stopped early: POST /sessions/ answered 301, a redirect to https://127.0.0.1:${world.sandbox.port}/open-api/v1.1/sessions/: redirects are never followed; use the https:// API URL`,
    );
    expect(JSON.parse(run.stdout)).toMatchObject({ created: 0, not_attempted: 5 });
    expect(
      world.sandbox
        .requests()
        .filter((r) => r.method === 'POST')
        .map((r) => r.status),
    ).toEqual([301]);
    expect(guideSessions(await world.sandbox.state())).toHaveLength(0);
  });
});

describe('an answer whose body stalls after the headers', () => {
  it('meets the --timeout-ms deadline: exit 2, one clear line, no write', async () => {
    const world = await importWorld({ args: ['--slow-body-ms', '5000'] });
    const sheet = writeAgendaCsv(join(world.dir, 'agenda.csv'), agendaRows(3));
    const run = await world.importCli(sheet, ['--timeout-ms', '300', '--retries', '0']);
    expect(run.code, describeRun(run)).toBe(2);
    expect(run.stderr).toMatch(
      /guidebook-import: GET \/guides\/1\/: no complete answer from 127\.0\.0\.1:\d+ within 300 ms \(--timeout-ms\)\n$/,
    );
    // No write, and no retry (--retries 0). Whether the sandbox logged the one GET depends on how
    // far it got before the client hung up, so only what must not happen is checked.
    expect(world.sandbox.requests().filter((r) => r.method !== 'GET')).toEqual([]);
    expect(world.sandbox.requests().length).toBeLessThanOrEqual(1);
  });
});

describe('export from a server that ignores the guide filter', () => {
  it("writes only the guide's own sessions and says how many others it left out", async () => {
    const world = await importWorld({ args: ['--ignore-guide-filter'] });
    const sheet = writeAgendaCsv(join(world.dir, 'agenda.csv'), agendaRows(3));
    expect((await world.importCli(sheet, ['--guide', '1'])).code).toBe(0);
    await sessionsOfGuide2(world.sandbox.apiUrl, ['B-001', 'B-002']);
    const output = join(world.dir, 'export.csv');
    const run = await runCli(['export', '--guide', '1', '--output', output, '--api-url', world.sandbox.apiUrl], { apiKey: SECRET_KEY });
    expect(run.code, describeRun(run)).toBe(0);
    expect(run.stderr).toContain('warning: the server listed 2 sessions of other guides when asked for guide 1');
    const text = readFileSync(output, 'utf8');
    expect(['S-001', 'S-002', 'S-003'].every((id) => text.includes(id))).toBe(true);
    expect(text).not.toContain('B-001');
  });
});
