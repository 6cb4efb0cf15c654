// Child process for streaming-memory.test.ts (run with --expose-gc): reads a CSV through openSheet
// and prints how much the retained heap grew while the rows went by, measured after forced GCs.
import { openSheet } from '../../src/read/index.js';
import { scoreHeader } from './helpers.js';

const gc = (globalThis as { gc?: () => void }).gc;
if (gc === undefined) throw new Error('run with --expose-gc');

const retained = (): number => {
  gc();
  const usage = process.memoryUsage();
  return usage.heapUsed + usage.arrayBuffers;
};

const baseline = retained();
const source = await openSheet(process.argv[2]!, { scoreHeader });
let rows = 0;
let peak = 0;
let lastRow = 0;
for await (const row of source.rows) {
  rows++;
  lastRow = row.row;
  if (rows % 10_000 === 0) peak = Math.max(peak, retained() - baseline);
}
process.stdout.write(JSON.stringify({ rows, lastRow, peakGrowth: peak }));
