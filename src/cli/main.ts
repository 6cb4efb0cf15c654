#!/usr/bin/env node
// The command-line entry: flags → one typed options object → the library. The only place that
// calls process.exit. User errors print one line and exit 2; never a stack trace.
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { redactSecrets } from './redact.js';
import { runCli } from './run-cli.js';

const isEntry = (() => {
  try {
    return realpathSync(process.argv[1] ?? '') === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
})();

if (isEntry) {
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
