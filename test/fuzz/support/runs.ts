/**
 * Runs per property: modest in `npm test` (the fuzz suite stays well under a minute on 2 cores);
 * FUZZ_SCALE=20 npx vitest run test/fuzz hunts longer.
 */
export function runs(base: number): number {
  const scale = Number(process.env.FUZZ_SCALE ?? 1);
  return Math.max(1, Math.round(base * (Number.isFinite(scale) && scale > 0 ? scale : 1)));
}
