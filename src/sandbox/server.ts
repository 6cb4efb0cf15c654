// startSandbox: a Guidebook-compatible Open API server on 127.0.0.1, built on node:http.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { GuidebookImportError } from '../errors.js';
import { ADMIN_PREFIX, handleAdminRequest } from './admin.js';
import { handleApiRequest, type Answer } from './api-handler.js';
import { MEDIA_PREFIX } from './image-upload.js';
import { secondsUntilUtcMidnight, utcDay } from './budget.js';
import { defaultSandboxState } from './default-state.js';
import { FAITHFUL_SETTINGS, FaultGenerator, mergeFaultSettings } from './faults.js';
import { LOGIN_PAGE_ANSWER, REVOKED_ANSWER, Revocation, THROTTLED_ANSWER, withLoopingNext, writeRedirect } from './hostile-answers.js';
import { mulberry32 } from './prng.js';
import { normalizeState } from './normalize-state.js';
import { bodyForLog, readRequestBody, readRequestText } from './request-body.js';
import { RequestLog } from './request-log.js';
import { matchRoute } from './routes.js';
import { StateFile, loadStateFile } from './state-file.js';
import { SandboxStore } from './store.js';
import type { FaultSettings, SandboxHandle, SandboxImage, SandboxOptions, SandboxState } from './types.js';

const HOST = '127.0.0.1';
const WRITE_METHODS = new Set(['POST', 'PATCH', 'DELETE']);
const FAILURE_DETAIL: Record<number, string> = {
  500: 'A server error occurred.',
  502: 'Bad gateway.',
  503: 'Service temporarily unavailable, try again later.',
};

export async function startSandbox(options: SandboxOptions = {}): Promise<SandboxHandle> {
  const port = options.port ?? 0;
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new GuidebookImportError('usage', `port must be an integer from 0 to 65535, got ${JSON.stringify(port)}`);
  }
  let faultSettings = mergeFaultSettings(
    FAITHFUL_SETTINGS,
    definedOnly({
      latencyMs: options.latencyMs,
      failRate: options.failRate,
      dropRate: options.dropRate,
      dailyBudget: options.dailyBudget,
      pageSizeCap: options.pageSizeCap ?? options.pageSizeMax,
      unstableOrder: options.unstableOrder,
      ignoreGuideFilter: options.ignoreGuideFilter,
      ignoreOrdering: options.ignoreOrdering,
      redirectWrites: options.redirectWrites,
      emptyCreateAnswers: options.emptyCreateAnswers,
      revokeAfter: options.revokeAfter,
      slowBodyMs: options.slowBodyMs,
      loopingNext: options.loopingNext,
      throttleNext: options.throttleNext,
      loginPage: options.loginPage,
      refusePublish: options.refusePublish,
    }),
  );
  const seed = options.seed ?? 1;
  if (!Number.isFinite(seed)) throw new GuidebookImportError('usage', `seed must be a number, got ${JSON.stringify(seed)}`);
  const now = options.now ?? Date.now;
  const log = new RequestLog(options.requestLogFile, options.verbose ?? false);
  const { store, stateFile } = openState(options);
  const faults = new FaultGenerator(seed);
  // Its own draw sequence, so turning --unstable-order on never changes which requests fail.
  const shuffleRandom = mulberry32(seed ^ 0x5eed0de);
  const revocation = new Revocation(faultSettings.revokeAfter);
  let loops = 0;

  const controls = {
    state: (): SandboxState => structuredClone(store.toState()),
    resetBudget: () => store.resetBudget(utcDay(now())),
    faults: (): FaultSettings => ({ ...faultSettings }),
    setFaults: (update: Partial<FaultSettings>) => {
      faultSettings = mergeFaultSettings(faultSettings, update);
      if (update.revokeAfter !== undefined) revocation.restart(faultSettings.revokeAfter);
    },
  };

  async function serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const started = performance.now();
    const url = new URL(req.url ?? '/', `http://${HOST}`);
    const method = (req.method ?? 'GET').toUpperCase();
    if (url.pathname.startsWith(`/${MEDIA_PREFIX}`) && (method === 'GET' || method === 'HEAD')) {
      // Stored images, as a media host serves them: no key, not counted, not faulted.
      sendImage(res, store.image(url.pathname.slice(1)), method);
      return;
    }
    if (url.pathname.startsWith(ADMIN_PREFIX)) {
      const text = await readRequestText(req);
      send(
        res,
        text === null
          ? { status: 413, body: { detail: 'Request body too large.' } }
          : handleAdminRequest(method, url.pathname, text, controls),
      );
      return;
    }

    // Drawn and counted on arrival, before any await, so the order of arrival fixes the outcome.
    const decision = faults.decide(faultSettings, WRITE_METHODS.has(method));
    const arrivedAt = now();
    const count = store.countRequest(utcDay(arrivedAt));
    const revoked = revocation.countRequest();
    const throttled = faultSettings.throttleNext > 0;
    if (throttled) faultSettings = { ...faultSettings, throttleNext: faultSettings.throttleNext - 1 };
    const read = await readRequestBody(req);
    if (faultSettings.latencyMs > 0) await sleep(faultSettings.latencyMs);

    let answer: Answer;
    let handled = false;
    const route = matchRoute(url.pathname);
    const redirect =
      faultSettings.redirectWrites && WRITE_METHODS.has(method) ? writeRedirect(faultSettings.redirectWrites, url, req.headers.host) : null;
    if (faultSettings.loginPage) {
      answer = LOGIN_PAGE_ANSWER;
    } else if (revoked) {
      answer = REVOKED_ANSWER;
    } else if (throttled) {
      answer = THROTTLED_ANSWER;
    } else if (count > faultSettings.dailyBudget) {
      const wait = secondsUntilUtcMidnight(now());
      answer = {
        status: 429,
        body: { detail: `Request was throttled. Expected available in ${wait} seconds.` },
        headers: { 'Retry-After': String(wait) },
      };
    } else if (decision.failStatus !== null) {
      answer = { status: decision.failStatus, body: { detail: FAILURE_DETAIL[decision.failStatus] } };
    } else if (!route) {
      answer = { status: 404, body: { detail: 'Not found.' } };
    } else if (redirect) {
      answer = redirect;
    } else if (!url.pathname.endsWith('/')) {
      answer = slashRedirect(url);
    } else if (!read.ok) {
      answer = { status: read.status, body: { detail: read.detail } };
    } else {
      answer = handleApiRequest(
        {
          method,
          route,
          query: url.searchParams,
          body: read.body,
          authorization: req.headers.authorization,
          origin: `http://${req.headers.host ?? `${HOST}:${actualPort}`}`,
        },
        {
          store,
          apiKey: options.apiKey,
          pageSizeMax: faultSettings.pageSizeCap,
          now,
          listing: {
            ignoreGuideFilter: faultSettings.ignoreGuideFilter,
            ignoreOrdering: faultSettings.ignoreOrdering,
            unstableRandom: faultSettings.unstableOrder ? shuffleRandom : null,
          },
          refusePublish: faultSettings.refusePublish,
        },
      );
      handled = true;
      if (faultSettings.emptyCreateAnswers && method === 'POST' && answer.status === 201) answer = { status: 201 };
      if (faultSettings.loopingNext && method === 'GET' && route.id === null)
        answer = withLoopingNext(answer, url, req.headers.host, (loops += 1));
    }

    const dropped = handled && decision.drop;
    log.record(
      {
        time: new Date(arrivedAt).toISOString(),
        method,
        path: url.pathname,
        query: Object.fromEntries(url.searchParams),
        status: answer.status,
        body: read.ok ? bodyForLog(read.body) : null,
        ...(dropped ? { dropped: true } : {}),
      },
      performance.now() - started,
    );
    if (dropped) {
      // The write is done and on disk; the client sees the connection close with no answer.
      req.socket.destroy();
      return;
    }
    if (faultSettings.slowBodyMs > 0) await sendSlowly(res, answer, faultSettings.slowBodyMs);
    else send(res, answer);
  }

  const server = createServer((req, res) => {
    serve(req, res).catch((error: unknown) => {
      process.stderr.write(`sandbox: ${req.method} ${req.url}: ${error instanceof Error ? error.message : String(error)}\n`);
      if (!res.headersSent && !res.destroyed) send(res, { status: 500, body: { detail: 'A server error occurred.' } });
    });
  });
  let actualPort = port;
  try {
    actualPort = await listen(server, port);
  } catch (error) {
    stateFile?.close();
    throw error;
  }

  const origin = `http://${HOST}:${actualPort}`;
  let closing: Promise<void> | null = null;
  return {
    origin,
    apiUrl: `${origin}/open-api/v1.1/`,
    port: actualPort,
    requestLog: log.entries,
    state: controls.state,
    faults: controls.faults,
    setFaults: controls.setFaults,
    resetBudget: controls.resetBudget,
    close: () => {
      closing ??= new Promise<void>((resolve) => {
        server.close(() => {
          stateFile?.close();
          resolve();
        });
        server.closeAllConnections();
      });
      return closing;
    },
  };
}

function openState(options: SandboxOptions): { store: SandboxStore; stateFile: StateFile | null } {
  const initial = (): SandboxState => normalizeState(structuredClone(options.initialState ?? defaultSandboxState()), 'initialState');
  if (!options.stateFile) return { store: new SandboxStore(initial()), stateFile: null };
  const path = options.stateFile;
  const loaded = loadStateFile(path);
  const store = new SandboxStore(loaded.state ?? initial());
  store.replay(loaded.journal);
  let stateFile: StateFile;
  try {
    stateFile = new StateFile(path, () => store.toState());
    // Folds any journal left by a killed run into the state file (and creates a new one).
    stateFile.rewrite();
  } catch (error) {
    throw new GuidebookImportError('file', `cannot write sandbox state ${path}: ${(error as Error).message}`, { cause: error });
  }
  store.persistTo(stateFile);
  return { store, stateFile };
}

function listen(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      const why =
        error.code === 'EADDRINUSE' ? 'is already in use' : error.code === 'EACCES' ? 'is not allowed' : `failed (${error.message})`;
      reject(new GuidebookImportError('usage', `port ${port} on ${HOST} ${why}`, { cause: error }));
    });
    server.listen(port, HOST, () => resolve((server.address() as AddressInfo).port));
  });
}

/**
 * A path without its trailing slash is answered as Django's APPEND_SLASH answers it: a 301 to the
 * slashed path, nothing done. A client that follows it loses a POST's body (it becomes a GET).
 */
function slashRedirect(url: URL): Answer {
  return { status: 301, body: { detail: 'Moved permanently.' }, headers: { Location: `${url.pathname}/${url.search}` } };
}

function send(res: ServerResponse, answer: Answer): void {
  const headers: Record<string, string | number> = { ...answer.headers };
  if (answer.raw) {
    headers['Content-Type'] = answer.raw.contentType;
    headers['Content-Length'] = Buffer.byteLength(answer.raw.text);
    res.writeHead(answer.status, headers).end(answer.raw.text);
    return;
  }
  if (answer.status === 204 || answer.body === undefined) {
    res.writeHead(answer.status, headers).end();
    return;
  }
  const text = JSON.stringify(answer.body);
  headers['Content-Type'] = 'application/json';
  headers['Content-Length'] = Buffer.byteLength(text);
  res.writeHead(answer.status, headers).end(text);
}

function sendImage(res: ServerResponse, image: SandboxImage | undefined, method: string): void {
  if (!image) {
    send(res, { status: 404, body: { detail: 'Not found.' } });
    return;
  }
  const bytes = Buffer.from(image.data, 'base64');
  res.writeHead(200, { 'Content-Type': image.content_type, 'Content-Length': bytes.length });
  res.end(method === 'HEAD' ? undefined : bytes);
}

/** Headers at once, the body `delayMs` later: a transfer that stalls after the status line. */
async function sendSlowly(res: ServerResponse, answer: Answer, delayMs: number): Promise<void> {
  const text = answer.raw?.text ?? (answer.status === 204 || answer.body === undefined ? '' : JSON.stringify(answer.body));
  res.writeHead(answer.status, {
    ...answer.headers,
    ...(text === '' ? {} : { 'Content-Type': answer.raw?.contentType ?? 'application/json' }),
    'Content-Length': Buffer.byteLength(text),
  });
  res.flushHeaders();
  await sleep(delayMs);
  if (!res.destroyed) res.end(text);
}

function definedOnly<T extends object>(values: T): Partial<T> {
  return Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined)) as Partial<T>;
}
