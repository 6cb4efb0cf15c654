// The one place a run records why it stopped; every worker asks it before taking an entry.
import type { GuidebookImportError } from '../errors.js';
import { interruptedError, type StopCode } from './stop-reason.js';

export type StopError = GuidebookImportError & { code: StopCode };

export class RunStop {
  #error: StopError | null = null;
  readonly #signal: AbortSignal | undefined;

  constructor(signal: AbortSignal | undefined) {
    this.#signal = signal;
  }

  /** The reason to stop, or null to go on. An aborted signal counts from the moment it fires. */
  check(): StopError | null {
    if (!this.#error && this.#signal?.aborted) this.#error = interruptedError(this.#signal);
    return this.#error;
  }

  /** The stop error recorded so far, without consulting the signal. */
  get recorded(): StopError | null {
    return this.#error;
  }

  /** Records the first stop error; later ones (in-flight requests failing alike) are the same story. */
  stopWith(error: StopError): void {
    this.#error ??= error;
  }
}
