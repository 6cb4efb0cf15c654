#!/usr/bin/env node
// The command-line entry: flags → one typed options object → the library. The only place that
// calls process.exit. User errors print one line and exit 2; never a stack trace.
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { nodeVersionProblem } from './node-version.js';

const isEntry = (() => {
  try {
    return realpathSync(process.argv[1] ?? '') === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
})();

// Checked before yargs and the rest load (they are imported below only once Node is known to fit).
const tooOld = isEntry ? nodeVersionProblem(process.versions.node) : null;
if (tooOld) {
  process.stderr.write(`${tooOld}\n`);
  process.exitCode = 2;
} else if (isEntry) {
  // A reader that goes away (`... 2>&1 | head -1`, a closed CI log) must not stop an import
  // half-way: without a listener, the write's EPIPE is an uncaught error that ends the process
  // between writes, with no report. What is printed after that is lost; the run, its report
  // file and its exit code are not.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EPIPE' && error.code !== 'ERR_STREAM_DESTROYED') throw error;
    });
  }
  // One import(): each import() point is a file of the bundle to resolve and load (scripts/bundle-cli.ts).
  const { runCli, redactSecrets } = await import('./run-cli.js');
  runCli(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      // Should not happen: runCli turns every error into a code. Keep the message to one line.
      const message = redactSecrets(error instanceof Error ? error.message : String(error));
      process.stderr.write(`guidebook-import: ${message.replace(/\s*\n\s*/g, ' ')}\n`);
      process.exitCode = 2;
    },
  );
}
