// How every command ends on a run-level error: one line on stderr, secrets hidden, and the exit
// code of the error's kind. Its own module, so a command can use it without importing the CLI
// frame that imports every command (a cycle that broke importing a command on its own).
import { GuidebookImportError } from '../errors.js';
import { exitCodeOf } from '../report/exit-code.js';
import { redactSecrets } from './redact.js';

/** Turns a thrown error into one line on stderr and an exit code. */
export function reportError(error: unknown): number {
  if (error instanceof GuidebookImportError) {
    // Ctrl-C before the run had its plan (the guide still being read): no summary follows to
    // say what is left, so this line says it.
    const left =
      error.code === 'interrupted'
        ? '; run the same command again to finish (what was done is found, not repeated)'
        : // A new user's likeliest slip: the guide id. The command that lists the right ones.
          error.code === 'not_found' && /^guide \d+ not found/.test(error.message)
          ? ': "guidebook-import guides" lists the guides the key reaches, with their ids'
          : '';
    process.stderr.write(`guidebook-import: ${oneLine(redactSecrets(error.message))}${left}\n`);
    return exitCodeOf({ stoppedBy: error });
  }
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`guidebook-import: unexpected error: ${oneLine(redactSecrets(message))}\n`);
  return 2;
}

/** One line of text. Redact before calling: a key split over two lines is found only as it was. */
export function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ').trim();
}
