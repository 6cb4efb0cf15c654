// Preloaded into a CLI child (`--import`): writes the URL of every module the child resolves, one a
// line, to the file named by MODULE_LOG_FILE, and at exit the path of every CommonJS module it
// required (a require() does not pass the resolve hook on Node 20). The evidence of what a command
// really loaded, as opposed to what its sources say. The hook runs on Node's loader thread, hence
// the inline module.
import { appendFileSync } from 'node:fs';
import { createRequire, register } from 'node:module';
import { pathToFileURL } from 'node:url';

const HOOKS = `
import { appendFileSync } from 'node:fs';
export async function resolve(specifier, context, next) {
  const resolved = await next(specifier, context);
  if (process.env.MODULE_LOG_FILE) appendFileSync(process.env.MODULE_LOG_FILE, resolved.url + '\\n');
  return resolved;
}
`;

register(`data:text/javascript,${encodeURIComponent(HOOKS)}`);

// One cache for every require() of the process, whichever module's require it was.
const requireCache = createRequire(import.meta.url).cache;
process.on('exit', () => {
  const file = process.env.MODULE_LOG_FILE;
  if (file)
    appendFileSync(
      file,
      Object.keys(requireCache)
        .map((path) => `${pathToFileURL(path).href}\n`)
        .join(''),
    );
});
