import { readFileSync } from 'node:fs';

/** The package version, read from package.json beside dist/ or src/. */
export function packageVersion(): string {
  try {
    const url = new URL('../../package.json', import.meta.url);
    return (JSON.parse(readFileSync(url, 'utf8')) as { version: string }).version;
  } catch {
    return '0.0.0';
  }
}
