// Preloaded into a CLI child (`--import`): writes the URL of every module the child resolves, one a
// line, to the file named by MODULE_LOG_FILE. The evidence of what a command really loaded, as
// opposed to what its sources say. The hook runs on Node's loader thread, hence the inline module.
import { register } from 'node:module';

const HOOKS = `
import { appendFileSync } from 'node:fs';
export async function resolve(specifier, context, next) {
  const resolved = await next(specifier, context);
  if (process.env.MODULE_LOG_FILE) appendFileSync(process.env.MODULE_LOG_FILE, resolved.url + '\\n');
  return resolved;
}
`;

register(`data:text/javascript,${encodeURIComponent(HOOKS)}`);
