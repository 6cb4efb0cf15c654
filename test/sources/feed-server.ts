// A small HTTP server on 127.0.0.1 for the source tests: serves files, feeds and JSON with a
// content type, ETag and Last-Modified (answering 304 to a matching conditional GET), redirects
// (to anywhere, including non-http schemes), slow answers and endless ones. It records every
// request it gets, so a test can count fetches and see which headers arrived.
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Route {
  body?: string | Buffer;
  type?: string;
  etag?: string;
  lastModified?: string;
  status?: number;
  /** A redirect's target (with status 301/302/307). */
  location?: string;
  /** Wait this long before the headers. */
  delayMs?: number;
  /** Stream this many bytes without a Content-Length (an answer bigger than any cap). */
  endlessBytes?: number;
  /** A header the request must carry (a private feed): 401 without it. */
  requireHeader?: readonly [string, string];
  /** Extra answer headers. */
  headers?: Record<string, string>;
}

export interface FeedServer {
  origin: string;
  url(path: string): string;
  set(path: string, route: Route): void;
  requests: Array<{ path: string; headers: IncomingHttpHeaders }>;
  close(): Promise<void>;
}

export async function startFeedServer(): Promise<FeedServer> {
  const routes = new Map<string, Route>();
  const requests: FeedServer['requests'] = [];
  const server: Server = createServer((request, response) => {
    const path = request.url ?? '/';
    requests.push({ path, headers: request.headers });
    const route = routes.get(path.split('?')[0]!) ?? routes.get(path);
    if (!route) {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    const answer = () => {
      if (route.requireHeader && request.headers[route.requireHeader[0].toLowerCase()] !== route.requireHeader[1]) {
        response.writeHead(401, { 'content-type': 'text/plain' }).end('unauthorized');
        return;
      }
      if (route.location) {
        response.writeHead(route.status ?? 302, { location: route.location }).end();
        return;
      }
      const headers: Record<string, string> = { ...route.headers };
      if (route.type) headers['content-type'] = route.type;
      if (route.etag) headers.etag = route.etag;
      if (route.lastModified) headers['last-modified'] = route.lastModified;
      const matches =
        (route.etag && request.headers['if-none-match'] === route.etag) ||
        (!route.etag && route.lastModified && request.headers['if-modified-since'] === route.lastModified);
      if (matches) {
        response.writeHead(304, headers).end();
        return;
      }
      if (route.endlessBytes) {
        response.writeHead(200, headers);
        const chunk = Buffer.alloc(64 * 1024, 'a');
        let sent = 0;
        const pump = () => {
          while (sent < route.endlessBytes!) {
            sent += chunk.length;
            if (!response.write(chunk)) return void response.once('drain', pump);
          }
          response.end();
        };
        response.on('error', () => {});
        pump();
        return;
      }
      const body = route.body ?? '';
      headers['content-length'] = String(Buffer.byteLength(body));
      response.writeHead(route.status ?? 200, headers).end(body);
    };
    if (route.delayMs) setTimeout(answer, route.delayMs);
    else answer();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    url: (path) => `${origin}${path}`,
    set: (path, route) => routes.set(path, route),
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
