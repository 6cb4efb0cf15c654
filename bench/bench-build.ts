// The code the file benchmarks measure: src/ compiled as `npm run build` compiles it (tsc, the
// build's config) into bench/.out/bench-dist, once per benchmark process. Run from the sources
// through tsx, the CSV parse worker would load tsx and compile its modules on every start (~0.5 s
// that the package never pays). BENCH_DIST=<a built dist/ directory> measures another build (a
// `git archive` snapshot's, say) instead.
import { execFileSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { OUT_DIR } from './agenda-files.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

let built: string | null = null;

export function benchDist(): string {
  if (process.env.BENCH_DIST) {
    const dist = resolve(process.env.BENCH_DIST);
    if (!existsSync(join(dist, 'pipeline', 'validate-file.js'))) throw new Error(`BENCH_DIST: no pipeline/validate-file.js in ${dist}`);
    return dist;
  }
  if (built !== null) return built;
  const outDir = join(OUT_DIR, 'bench-dist');
  rmSync(outDir, { recursive: true, force: true });
  execFileSync(
    process.execPath,
    [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', join(ROOT, 'tsconfig.build.json'), '--outDir', outDir],
    { cwd: ROOT, stdio: 'inherit' },
  );
  built = outDir;
  return outDir;
}
