// Loaded with `--import` before the CLI: on exit, writes the process's peak resident memory in
// bytes to $PEAK_RSS_FILE, so a test can bound the memory of a child it runs.
import { writeFileSync } from 'node:fs';

const target = process.env.PEAK_RSS_FILE;
if (target) {
  process.on('exit', () => {
    // resourceUsage().maxRSS is in kilobytes.
    writeFileSync(target, String(process.resourceUsage().maxRSS * 1024));
  });
}
