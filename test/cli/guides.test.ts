// `guidebook-import guides` as a user runs it: against a sandbox on 127.0.0.1, human table and
// --json, every page of the list, and the key check with import's own messages.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultSandboxState, startSandbox, type SandboxHandle } from '../../src/sandbox/index.js';
import { describeRun, runCli, SECRET_KEY } from '../support/cli-process.js';
import { tempDir } from '../support/temp-dir.js';

let sandbox: SandboxHandle;

beforeAll(async () => {
  const state = defaultSandboxState();
  // A fourth guide without zone or dates, and a page cap of 2: the command must follow `next`.
  state.guides.push({ id: 7, name: 'Pop-up   Meetup', timezone: null, start_date: null, end_date: null, owner: state.account });
  sandbox = await startSandbox({ apiKey: SECRET_KEY, initialState: state, pageSizeCap: 2 });
});
afterAll(() => sandbox.close());

const env = () => ({ GUIDEBOOK_API_URL: sandbox.apiUrl });

describe('guides', () => {
  it('prints a table of the guides the key reaches, over every page, and says the key works', async () => {
    const result = await runCli(['guides'], { apiKey: SECRET_KEY, env: env() });
    expect(result.code, describeRun(result)).toBe(0);
    expect(result.stdout.split('\n')).toEqual([
      'ID  NAME                   TIME ZONE         START       END',
      '1   Sandbox Conference     America/New_York  2027-05-10  2027-05-12',
      '2   Sandbox Summit Europe  Europe/Berlin     2027-09-20  2027-09-21',
      '7   Pop-up Meetup          -                 -           -',
      '',
    ]);
    expect(result.stderr).toContain('The key works: 3 guides reachable.');
    expect(result.stdout).not.toContain("Another Account's Expo");
    // Two pages of two: two GET requests.
    expect(sandbox.requestLog.filter((e) => e.path === '/open-api/v1.1/guides/').length).toBeGreaterThanOrEqual(2);
  }, 90_000);

  it('--json prints the guides with their zones and dates as days', async () => {
    const result = await runCli(['guides', '--json'], { apiKey: SECRET_KEY, env: env() });
    expect(result.code, describeRun(result)).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({
      guides: [
        { id: 1, name: 'Sandbox Conference', timezone: 'America/New_York', start_date: '2027-05-10', end_date: '2027-05-12' },
        { id: 2, name: 'Sandbox Summit Europe', timezone: 'Europe/Berlin', start_date: '2027-09-20', end_date: '2027-09-21' },
        { id: 7, name: 'Pop-up   Meetup', timezone: null, start_date: null, end_date: null },
      ],
    });
  }, 90_000);

  it('a rejected key ends as an import with that key ends: the same line, exit 2, the key never shown', async () => {
    const wrongKey = 'WRONG-KEY-987654';
    const guides = await runCli(['guides'], { apiKey: wrongKey, env: env() });
    const dir = tempDir('cli-guides');
    const sheet = join(dir, 'agenda.csv');
    writeFileSync(sheet, 'Import ID,Title,Start,End\nk1,Keynote,2027-05-10 09:00,2027-05-10 10:00\n');
    const imported = await runCli(['import', sheet, '--guide', '1'], { apiKey: wrongKey, env: env() });
    expect(guides.code).toBe(2);
    expect(imported.code).toBe(2);
    const keyLine = (stderr: string) => stderr.split('\n').find((line) => line.includes('rejected'));
    expect(keyLine(guides.stderr)).toMatch(/the API key was rejected \(HTTP 401\)/);
    expect(keyLine(guides.stderr)).toBe(keyLine(imported.stderr));
    expect(guides.stderr + guides.stdout).not.toContain(wrongKey);
  }, 90_000);

  it('without a key it says how to give one (exit 2); --guide is refused as meaningless here', async () => {
    const noKey = await runCli(['guides'], { apiKey: null, env: env() });
    expect(noKey.code).toBe(2);
    expect(noKey.stderr).toMatch(/GUIDEBOOK_API_KEY/);
    const withGuide = await runCli(['guides', '--guide', '1'], { apiKey: SECRET_KEY, env: env() });
    expect(withGuide.code).toBe(2);
    expect(withGuide.stderr).toContain('drop --guide');
  }, 90_000);

  it('--sandbox lists the in-process sandbox guides without a key', async () => {
    const result = await runCli(['guides', '--sandbox', '--json'], { apiKey: null });
    expect(result.code, describeRun(result)).toBe(0);
    expect((JSON.parse(result.stdout) as { guides: Array<{ id: number }> }).guides.map((g) => g.id)).toEqual([1, 2]);
  }, 90_000);
});
