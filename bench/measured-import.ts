// The product modules a measured task runs: from the build in BENCH_VALIDATE_DIST (bench/bench-build.ts;
// the CSV parse worker needs a built file), else from src/ through tsx.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** `modulePath` as dist/ lays it out ("read/csv-records.js"); its src/ twin is the same path under src/. */
export function importMeasured(modulePath: string): Promise<object> {
  const dist = process.env.BENCH_VALIDATE_DIST;
  return dist ? import(pathToFileURL(join(dist, modulePath)).href) : import(`../src/${modulePath}`);
}
