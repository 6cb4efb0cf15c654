// Builds the API client a command needs: against Guidebook (key from the environment or a file)
// or, with --sandbox, against an in-process sandbox that needs no key. The caller closes it.
import type { GuidebookClient, RequestInfo } from '../api/types.js';
import type { ConnectionOptions } from '../options/run-options.js';
import { registerSecret } from './redact.js';

export interface Connection {
  client: GuidebookClient;
  apiUrl: string;
  /** True when talking to the in-process sandbox. */
  sandbox: boolean;
  close(): Promise<void>;
}

/** Any command's connection options; the guide is not needed to connect (`guides` has none). */
export async function connect(
  options: Omit<ConnectionOptions, 'guide'>,
  extra: { signal?: AbortSignal; onRequest?: (info: RequestInfo) => void } = {},
): Promise<Connection> {
  // Loaded here, not at the top: only the commands that talk to a guide pay for the HTTP client,
  // and only a --sandbox run for the sandbox server (issue 11: an offline command loads neither).
  const { createClient, resolveApiKey, resolveApiUrl } = await import('../api/index.js');
  let apiUrl: string;
  let apiKey: string;
  let close = async (): Promise<void> => {};
  if (options.sandbox) {
    // A fresh random key: the in-process sandbox is private to this run.
    // node:crypto asked for here, not imported: ~8 ms of every start-up of the other commands.
    apiKey = process.getBuiltinModule('node:crypto').randomBytes(16).toString('hex');
    const { startSandbox } = await import('../sandbox/index.js');
    const sandbox = await startSandbox({ port: 0, apiKey, stateFile: options.sandboxState });
    apiUrl = sandbox.apiUrl;
    close = () => sandbox.close();
  } else {
    apiKey = resolveApiKey({ apiKeyFile: options.apiKeyFile });
    apiUrl = resolveApiUrl({ apiUrl: options.apiUrl });
  }
  registerSecret(apiKey);
  const client = createClient({
    apiUrl,
    apiKey,
    concurrency: options.concurrency,
    rate: options.rate,
    retries: options.retries,
    timeoutMs: options.timeoutMs,
    maxRequests: options.maxRequests,
    signal: extra.signal,
    onRequest: extra.onRequest,
  });
  return { client, apiUrl, sandbox: options.sandbox, close };
}
