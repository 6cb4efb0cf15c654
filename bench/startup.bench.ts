// Start-up cost of the CLI: CPU (user + system) of `guidebook-import validate` on a 10-row CSV, against
// a bare `node -e ''` in the same script, runs interleaved. On 10 rows nearly all of it is loading
// modules, so this is the figure lazy loading (issue 11, item 6) moves.
// Run: npx tsx bench/startup.bench.ts. It builds src/ into bench/.out/startup-dist first as
// `npm run build` does (tsc with the build's own config, then the CLI bundle of
// scripts/bundle-cli.ts), so it measures the tree as it is and as it ships, not a stale dist/.
// STARTUP_CLI=<path to a built cli/main.js> measures another build instead (a `git archive` of an
// older commit, say).
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleCli } from '../scripts/bundle-cli.js';
import { agendaCsv } from './agenda.js';
import { OUT_DIR, outPath } from './agenda-files.js';
import { benchRuns, loadAverage, median, saveResult } from './stats.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const ROWS = 10;
/** Start-up is short and noisy: more pairs than the file benchmarks, BENCH_RUNS scales them. */
const PAIRS = benchRuns() * 5;

/**
 * Preloaded into both sides: at exit it appends the process's whole CPU time (Node's own start-up
 * included: cpuUsage counts from process start) to a file, so the figure is the child's own and
 * not the parent's. Both sides pay the same few lines for it.
 */
const CPU_PROBE = `data:text/javascript,${encodeURIComponent(
  "import { appendFileSync } from 'node:fs';" +
    "process.on('exit', () => { const u = process.cpuUsage(); appendFileSync(process.env.STARTUP_CPU_FILE, (u.user + u.system) / 1000 + '\\n'); });",
)}`;

async function buildCli(): Promise<string> {
  const outDir = join(OUT_DIR, 'startup-dist');
  rmSync(outDir, { recursive: true, force: true });
  execFileSync(
    process.execPath,
    [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', join(ROOT, 'tsconfig.build.json'), '--outDir', outDir],
    {
      cwd: ROOT,
      stdio: 'inherit',
    },
  );
  await bundleCli(outDir);
  // The build resolves its own package.json (the version) one level above the output, as dist/ does.
  return join(outDir, 'cli', 'main.js');
}

/** Runs one child to its end and returns the CPU milliseconds it reported. */
function cpuOf(args: string[], cpuFile: string): Promise<number> {
  writeFileSync(cpuFile, '');
  return new Promise((resolveRun, reject) => {
    const child = spawn(process.execPath, ['--import', CPU_PROBE, ...args], {
      cwd: ROOT,
      stdio: ['ignore', 'ignore', 'pipe'],
      env: { ...process.env, STARTUP_CPU_FILE: cpuFile, GUIDEBOOK_API_KEY: '' },
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      const figure = Number(readFileSync(cpuFile, 'utf8').trim());
      // validate exits 1 when rows are invalid; 2 or more is a crash or a user error: not a start-up.
      if (code === null || code > 1 || !Number.isFinite(figure) || figure <= 0) {
        reject(new Error(`${args.join(' ')} exited ${code}: ${stderr.trim()}`));
        return;
      }
      resolveRun(figure);
    });
  });
}

const cli = process.env.STARTUP_CLI ? resolve(process.env.STARTUP_CLI) : await buildCli();
if (!existsSync(cli)) throw new Error(`no CLI at ${cli}`);
const csv = outPath(`startup-${ROWS}.csv`);
writeFileSync(csv, agendaCsv(ROWS));
const report = outPath(`startup-${ROWS}.report.csv`);
const cpuFile = outPath('startup-cpu.txt');

console.log(`start-up: validate on a ${ROWS}-row CSV vs node -e '', ${PAIRS} interleaved pairs, load average ${loadAverage()}`);
console.log(`CLI: ${cli}`);
const bare: number[] = [];
const validate: number[] = [];
for (let i = 0; i < PAIRS; i++) {
  bare.push(await cpuOf(['-e', ''], cpuFile));
  validate.push(await cpuOf([cli, 'validate', csv, '--date-format', 'M/d/yyyy', '--report', report], cpuFile));
}
const bareMs = median(bare);
const validateMs = median(validate);
const above = validateMs - bareMs;
const line = `start-up CPU, validate on ${ROWS} rows: ${(validateMs / 1000).toFixed(3)} s vs node -e '' ${(bareMs / 1000).toFixed(3)} s = ${(above / 1000).toFixed(3)} s above bare node (median of ${PAIRS})`;
console.log(line);
saveResult({ name: 'startup', lines: [line], goalsMet: true });
