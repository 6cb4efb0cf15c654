// After each write, apply compares the server's answer with what was sent and says, once per
// field per run, when the server stores a value otherwise (issue 10: "the server stores X as Y").
import { afterEach, describe, expect, it } from 'vitest';
import { applyPlan } from '../../src/apply/index.js';
import { StoredValueNotes } from '../../src/apply/stored-values.js';
import type { SandboxHandle } from '../../src/sandbox/types.js';
import { agenda, handPlan } from './hand-plan.js';
import { GUIDE, clientFor, listAll, withSandbox } from './sandbox-fixture.js';

let sandbox: SandboxHandle;
afterEach(async () => {
  await sandbox?.close();
});

describe('what the server stores, against what was sent', () => {
  it('a description the cleaner re-serialises is noted on the first row only, as the same to the next run', async () => {
    sandbox = await withSandbox();
    const client = clientFor(sandbox);
    const rows = agenda(3).map((row, i) => ({ ...row, description_html: `<P>Q&A ${i}<br/>a > b</P>` }));
    const applied = await applyPlan(handPlan(GUIDE, rows, await listAll(client)), client);
    const messages = applied.results.map((r) => r.message);
    const noted = messages.filter((message) => message !== 'created');
    expect(noted).toHaveLength(1);
    expect(noted[0]).toMatch(
      /^created; the server stores description_html "<P>Q&A (\d)<br\/>a > b<\/P>" as "<p>Q&amp;A \1<br>a &gt; b<\/p>" \(the next run reads the two as the same\)$/,
    );
  });

  it("times in the API's own notation and numbers as floats are not worth a word", async () => {
    sandbox = await withSandbox();
    const client = clientFor(sandbox);
    const [row] = agenda(1);
    const created = await client.createSession({ ...row!, guide: GUIDE, rank: 2 });
    expect(created.session.start_time).not.toBe(row!.start_time);
    expect(new StoredValueNotes().note({ ...row!, rank: 2.0 }, created.session)).toBeNull();
  });

  it('a value stored otherwise in a way the planner does not accept says the next run will send it again', async () => {
    sandbox = await withSandbox();
    const client = clientFor(sandbox);
    const [row] = agenda(1);
    const created = await client.createSession({ ...row!, guide: GUIDE });
    // As if the server had kept only whole minutes of a rank, or rounded it: 1.25 stored as 1.
    const notes = new StoredValueNotes();
    const stored = { ...created.session, rank: 1 };
    expect(notes.note({ rank: 1.25, name: row!.name }, stored)).toBe(
      'the server stores rank 1.25 as 1 (the next run will see a difference and send it again until the sheet holds what the server stores)',
    );
    expect(notes.note({ rank: 1.25 }, stored)).toBeNull(); // once per field per run
  });
});
