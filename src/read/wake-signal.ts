// One waiter at a time, woken by the next `wake()`: how the CSV record readers (csv-records.ts,
// csv-worker-records.ts, csv-parse-worker.ts) wait for a stream event or a thread's message
// without a promise per record. A `wake()` with no one waiting does nothing.

export interface WakeSignal {
  /** Resolves at the next `wake()`. */
  wait(): Promise<void>;
  wake(): void;
}

export function wakeSignal(): WakeSignal {
  let waiting: (() => void) | null = null;
  return {
    wait: () =>
      new Promise<void>((resolve) => {
        waiting = resolve;
      }),
    wake: () => {
      const resolve = waiting;
      waiting = null;
      resolve?.();
    },
  };
}
