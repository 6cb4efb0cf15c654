// The Node.js versions the dependencies run on (yargs 18: ^20.19 || ^22.12 || >=23), checked
// before anything else is loaded, so an old Node gets one line saying what to install instead of
// a stack trace from deep inside a dependency. package.json "engines" says the same.

export const SUPPORTED_NODE = '^20.19.0 || ^22.12.0 || >=23';

/** Null when `version` (as process.versions.node gives it, e.g. "20.20.2") is supported, else the line to print. */
export function nodeVersionProblem(version: string): string | null {
  const [major = 0, minor = 0] = version.split('.').map((part) => Number.parseInt(part, 10));
  const supported = (major === 20 && minor >= 19) || (major === 22 && minor >= 12) || major >= 23;
  if (supported) return null;
  return `guidebook-import needs Node.js 20.19 or newer (22.12 or newer on Node 22); this is Node.js ${version}. Install a current LTS from https://nodejs.org and run it again.`;
}
