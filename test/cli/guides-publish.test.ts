// --publish on import, as a user runs it against a sandbox on 127.0.0.1: a clean run that wrote
// publishes the guide; a run that wrote nothing does not; a refusal (a plan that cannot publish)
// is one line and exit 1; without --publish a run that wrote says how attendees get the changes.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startSandbox, type SandboxHandle } from '../../src/sandbox/index.js';
import { describeRun, runCli, SECRET_KEY } from '../support/cli-process.js';
import { tempDir } from '../support/temp-dir.js';

let sandbox: SandboxHandle;
let sheet: string;

beforeEach(async () => {
  sandbox = await startSandbox({ apiKey: SECRET_KEY });
  const dir = tempDir('cli-publish');
  sheet = join(dir, 'agenda.csv');
  writeFileSync(sheet, 'Import ID,Title,Start,End\nk1,Keynote,2027-05-10 09:00,2027-05-10 10:00\n');
});
afterEach(() => sandbox.close());

const importRun = (...flags: string[]) =>
  runCli(['import', sheet, '--guide', '1', ...flags], { apiKey: SECRET_KEY, env: { GUIDEBOOK_API_URL: sandbox.apiUrl } });
const publishes = () => sandbox.requestLog.filter((e) => e.path.endsWith('/publish/'));

describe('import --publish', () => {
  it('publishes after a clean run that wrote, and not after a run that wrote nothing', async () => {
    const first = await importRun('--publish');
    expect(first.code, describeRun(first)).toBe(0);
    expect(first.stderr).toContain('Published guide 1: attendees see the changes.');
    expect(sandbox.state().publications).toEqual([{ guide: 1, at: expect.any(String) }]);
    expect(publishes().map((e) => `${e.method} ${e.path} ${e.status}`)).toEqual(['POST /open-api/v1.1/guides/1/publish/ 200']);

    const again = await importRun('--publish');
    expect(again.code, describeRun(again)).toBe(0);
    expect(publishes()).toHaveLength(1);
    expect(again.stderr).not.toContain('Published');
    expect(again.stderr).toContain(
      "Nothing was written, so guide 1 was not published; if an earlier run's changes are waiting, use Publish in Guidebook Builder.",
    );
  }, 90_000);

  it('a refused publish is one clear line with the server reason and exit 1; the sessions stay written', async () => {
    sandbox.setFaults({ refusePublish: true });
    const result = await importRun('--publish', '--json');
    expect(result.code, describeRun(result)).toBe(1);
    // The summary a script reads agrees with the process.
    expect((JSON.parse(result.stdout) as { exit_code: number; created: number }).exit_code).toBe(1);
    expect(result.stderr).toMatch(
      /guidebook-import: publishing guide 1 was refused: Publishing through the Open API is not available on your plan\..*\(HTTP 403\); the changes are saved: publish from Guidebook Builder/,
    );
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(sandbox.state().sessions.map((s) => s.import_id)).toEqual(['k1']);
    expect(sandbox.state().publications).toEqual([]);
  }, 90_000);

  it('a run that stopped early is not published, and says a re-run with --publish does it', async () => {
    writeFileSync(
      sheet,
      'Import ID,Title,Start,End\nk1,Keynote,2027-05-10 09:00,2027-05-10 10:00\nk2,Talk,2027-05-10 10:00,2027-05-10 11:00\n',
    );
    // 2 reads and one create, then the daily budget is spent: one session written, one left.
    sandbox.setFaults({ dailyBudget: 3 });
    const result = await importRun('--publish', '--concurrency', '1');
    expect(result.code, describeRun(result)).toBe(3);
    expect(result.stderr).toContain(
      'guide 1 was not published: the run did not end cleanly (it stopped early: once the reason above is dealt with, run the same import again with --publish)',
    );
    expect(publishes()).toHaveLength(0);
  }, 90_000);

  it('without --publish a run that wrote says attendees see the changes after publishing, and how; a dry run says nothing', async () => {
    const dry = await importRun('--dry-run');
    expect(dry.stderr).not.toContain('Attendees see');
    const result = await importRun();
    expect(result.code, describeRun(result)).toBe(0);
    expect(result.stderr).toContain(
      'Attendees see these changes once guide 1 is published: run with --publish, or use Publish in Guidebook Builder.',
    );
    expect(publishes()).toHaveLength(0);
  }, 90_000);
});
