// Images through the command, as a scheduled job runs it: the memory lives in the per-user state
// folder (XDG_STATE_HOME), so the second run sends no image; --refresh-images sends it again.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type SandboxHandle } from '../../src/sandbox/index.js';
import { describeRun, runCli, SECRET_KEY } from '../support/cli-process.js';
import { tempDir } from '../support/temp-dir.js';
import { PNG_1X1 } from './image-bytes.js';

let sandbox: SandboxHandle;
let sheet: string;

beforeAll(async () => {
  sandbox = await startSandbox({ apiKey: SECRET_KEY });
  const dir = tempDir('images-cli');
  writeFileSync(join(dir, 'keynote.png'), PNG_1X1);
  sheet = join(dir, 'agenda.csv');
  writeFileSync(sheet, 'Import ID,Title,Start,End,Image\nk1,Keynote,2027-05-10 09:00,2027-05-10 10:00,keynote.png\n');
});
afterAll(() => sandbox.close());

async function importRun(...flags: string[]) {
  const mark = sandbox.requestLog.length;
  const result = await runCli(['import', sheet, '--guide', '1', ...flags], {
    apiKey: SECRET_KEY,
    env: { GUIDEBOOK_API_URL: sandbox.apiUrl },
  });
  const uploads = sandbox.requestLog.slice(mark).filter((e) => e.method === 'PATCH');
  return { result, uploads };
}

describe('import with images', () => {
  it('uploads once, remembers it in the state folder, sends nothing next time, and again with --refresh-images', async () => {
    const first = await importRun();
    expect(first.result.code, describeRun(first.result)).toBe(0);
    expect(first.result.stderr).toContain('Images: 1 upload after the sessions are written (1 more request).');
    expect(first.uploads).toHaveLength(1);
    const second = await importRun();
    expect(second.result.code, describeRun(second.result)).toBe(0);
    expect(second.uploads).toHaveLength(0);
    expect(second.result.stderr).not.toContain('Images:');
    const refreshed = await importRun('--refresh-images');
    expect(refreshed.result.code, describeRun(refreshed.result)).toBe(0);
    expect(refreshed.uploads).toHaveLength(1);
    // Three CLI processes in a row: on a loaded machine that takes longer than one test's default.
  }, 120_000);
});
