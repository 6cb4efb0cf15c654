// A fixed number of workers pulling from one list: at most `limit` tasks are ever in flight, so a
// 100k-item list never becomes 100k pending promises.

/**
 * Runs `task` for the items in order of taking, `limit` at a time. Before taking each item the
 * workers ask `shouldStop`; once it answers true no new item is taken and in-flight tasks finish.
 * Resolves with the number of items taken (the rest were never started). `task` must not throw.
 */
export async function runBounded<T>(
  items: readonly T[],
  limit: number,
  task: (item: T) => Promise<void>,
  shouldStop: () => boolean,
): Promise<number> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length && !shouldStop()) {
      const item = items[next++] as T;
      await task(item);
    }
  };
  const workers = Math.max(1, Math.min(Math.floor(limit), items.length));
  await Promise.all(Array.from({ length: workers }, worker));
  return next;
}
