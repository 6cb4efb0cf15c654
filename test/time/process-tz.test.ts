import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const probe = fileURLToPath(new URL('./tz-probe.ts', import.meta.url));

function runUnder(tz: string): { machineOffset: number; output: unknown } {
  const stdout = execFileSync(process.execPath, ['--import', 'tsx', probe], {
    env: { ...process.env, TZ: tz },
    encoding: 'utf8',
  });
  return JSON.parse(stdout) as { machineOffset: number; output: unknown };
}

describe('results do not depend on the machine time zone', () => {
  it('UTC, America/New_York and Asia/Kolkata give identical conversions', () => {
    const utc = runUnder('UTC');
    const newYork = runUnder('America/New_York');
    const kolkata = runUnder('Asia/Kolkata');
    expect([utc.machineOffset, newYork.machineOffset, kolkata.machineOffset]).toEqual([0, 300, -330]);
    expect(newYork.output).toEqual(utc.output);
    expect(kolkata.output).toEqual(utc.output);
    expect(JSON.stringify(utc.output)).toContain('"code":"dst_gap"');
  });
});
