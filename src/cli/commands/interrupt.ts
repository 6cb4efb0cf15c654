// Ctrl-C and SIGTERM: the first asks the run to stop taking rows and finish its report; if the
// run has not ended a few seconds later, or a second signal comes, leave at once (the report's
// rows so far are already on disk). Exit code 3 either way: a re-run finishes the job.
const GRACE_MS = 5_000;

export function onInterrupt(controller: AbortController): () => void {
  let timer: NodeJS.Timeout | null = null;
  const handler = (signal: NodeJS.Signals) => {
    if (controller.signal.aborted) {
      process.stderr.write(`guidebook-import: ${signal} again: stopping now\n`);
      process.exit(3);
    }
    process.stderr.write(`guidebook-import: ${signal}: finishing requests in flight and writing the report (again to stop now)\n`);
    controller.abort();
    timer = setTimeout(() => {
      process.stderr.write('guidebook-import: requests still in flight after 5 s: stopping now\n');
      process.exit(3);
    }, GRACE_MS);
    timer.unref();
  };
  process.on('SIGINT', handler);
  process.on('SIGTERM', handler);
  return () => {
    process.off('SIGINT', handler);
    process.off('SIGTERM', handler);
    if (timer) clearTimeout(timer);
  };
}
