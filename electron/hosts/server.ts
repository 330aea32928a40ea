// Browser mode: the same API over HTTP on 127.0.0.1, for machines without a display for Electron
// and for end-to-end tests. Every API request carries the per-run token; the Host header must name
// this server (no DNS rebinding); events reach each tab over Server-Sent Events.
import { timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { ApiEvent } from '../../shared/api.js';
import { CONTENT_SECURITY_POLICY } from '../../shared/csp.js';
import type { Host } from './host.js';

export interface ServerOptions {
  host: Host;
  token: string;
  /** The built renderer (dist/renderer). */
  staticDir: string;
  /** The report each new tab opens, if any. */
  defaultReport?: string;
  port?: number;
}

export interface RunningServer {
  url: string;
  port: number;
  close: () => Promise<void>;
}

const MAX_BODY = 20 * 1024 * 1024;
const CLIENT_ID = /^[A-Za-z0-9-]{8,64}$/;
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
  '.ico': 'image/x-icon',
};

export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const { host, token } = options;
  const streams = new Map<string, http.ServerResponse>();
  const graceTimers = new Map<string, NodeJS.Timeout>();
  let port = 0;

  const tokenOk = (given: string | null | undefined) => {
    if (!given) return false;
    const a = Buffer.from(given);
    const b = Buffer.from(token);
    return a.length === b.length && timingSafeEqual(a, b);
  };

  /** The host client for a tab, created (and given the default report) on first sight. */
  const clientFor = (id: string) => {
    const existing = host.client(id);
    if (existing) return existing;
    // The host keeps a tab's own text edits from coming back to it, and strips whose they were.
    const client = host.connect((event: ApiEvent) => {
      const stream = streams.get(id);
      if (stream) stream.write(`data: ${JSON.stringify(event)}\n\n`);
    }, id);
    if (options.defaultReport) {
      try {
        host.attach(client, options.defaultReport);
      } catch (e) {
        console.error(`upr: could not open ${options.defaultReport}: ${(e as Error).message}`);
      }
    }
    return client;
  };

  const server = http.createServer((req, res) => {
    // Whatever a request holds (any page on this computer can send one), it gets an answer and
    // the server goes on: a malformed address is a 400, anything else unexpected a 500.
    req.on('error', () => res.destroy());
    res.on('error', () => {});
    try {
      route(req, res);
    } catch {
      refuse(res, 400, 'Bad request');
    }
  });
  server.on('clientError', (_e, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
    else socket.destroy();
  });

  function route(req: http.IncomingMessage, res: http.ServerResponse): void {
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Referrer-Policy', 'no-referrer');
    res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
    const expectedHosts = [`127.0.0.1:${port}`, `localhost:${port}`];
    if (!expectedHosts.includes(req.headers.host ?? '')) {
      res.writeHead(403).end('Forbidden');
      return;
    }
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
    if (url.pathname === '/api/events' && req.method === 'GET') {
      const id = url.searchParams.get('client') ?? '';
      if (!tokenOk(url.searchParams.get('token')) || !CLIENT_ID.test(id)) {
        res.writeHead(401).end('Unauthorized');
        return;
      }
      clearTimeout(graceTimers.get(id));
      graceTimers.delete(id);
      clientFor(id);
      res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store', Connection: 'keep-alive' });
      res.write(': connected\n\n');
      streams.set(id, res);
      const heartbeat = setInterval(() => res.write(': ping\n\n'), 20_000);
      req.on('close', () => {
        clearInterval(heartbeat);
        if (streams.get(id) === res) streams.delete(id);
        // A tab that reloads comes back with a new id; one that lost its connection briefly keeps it.
        graceTimers.set(
          id,
          setTimeout(() => {
            graceTimers.delete(id);
            if (!streams.has(id)) host.disconnect(id);
          }, 10_000),
        );
      });
      return;
    }
    if (url.pathname.startsWith('/api/')) {
      void handleCall(req, res, url.pathname.slice('/api/'.length));
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405).end();
      return;
    }
    serveStatic(options.staticDir, url.pathname, res);
  }

  async function handleCall(req: http.IncomingMessage, res: http.ServerResponse, method: string): Promise<void> {
    try {
      await answerCall(req, res, method);
    } catch {
      refuse(res, 500, 'The server could not answer this request.');
    }
  }

  async function answerCall(req: http.IncomingMessage, res: http.ServerResponse, method: string): Promise<void> {
    const auth = req.headers.authorization ?? '';
    const id = String(req.headers['x-upr-client'] ?? '');
    if (req.method !== 'POST') {
      res.writeHead(405).end();
      return;
    }
    if (!tokenOk(auth.startsWith('Bearer ') ? auth.slice(7) : null) || !CLIENT_ID.test(id)) {
      res.writeHead(401, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ ok: false, error: { message: 'This page is not signed in to the server; open the address it printed.', code: 'forbidden' } }));
      return;
    }
    let body: unknown;
    try {
      body = await readJson(req);
    } catch (e) {
      res.writeHead(400, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ ok: false, error: { message: (e as Error).message, code: 'invalid' } }));
      return;
    }
    let name: string;
    try {
      name = decodeURIComponent(method);
    } catch {
      refuse(res, 400, 'Bad request');
      return;
    }
    clientFor(id);
    const reply = await host.dispatch(id, name, body);
    if (res.destroyed) return;
    res.writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' });
    res.end(JSON.stringify(reply));
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/?token=${encodeURIComponent(token)}`,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of streams.values()) s.end();
        for (const t of graceTimers.values()) clearTimeout(t);
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function readJson(req: http.IncomingMessage): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) {
        reject(new Error('The request is too large.'));
        req.destroy();
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => {
      try {
        const text = Buffer.concat(chunks).toString('utf8');
        resolve(text ? JSON.parse(text) : {});
      } catch {
        reject(new Error('The request is not valid JSON.'));
      }
    });
    req.on('error', reject);
  });
}

/** Answers with a status and a short text, unless an answer has begun already. */
function refuse(res: http.ServerResponse, status: number, text: string): void {
  if (res.headersSent || res.destroyed) {
    res.destroy();
    return;
  }
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8' }).end(text);
}

function serveStatic(root: string, pathname: string, res: http.ServerResponse): void {
  let rel: string;
  try {
    rel = pathname === '/' ? 'index.html' : decodeURIComponent(pathname).replace(/^\/+/, '');
  } catch {
    refuse(res, 400, 'Bad request');
    return;
  }
  const file = path.resolve(root, rel);
  if (rel.includes('\u0000') || !file.startsWith(path.resolve(root) + path.sep)) {
    res.writeHead(403).end();
    return;
  }
  fs.readFile(file, (err, data) => {
    if (err) {
      res.writeHead(404).end('Not found');
      return;
    }
    const type = TYPES[path.extname(file)] ?? 'application/octet-stream';
    const headers: Record<string, string> = { 'Content-Type': type };
    if (type.startsWith('text/html')) {
      headers['Content-Security-Policy'] = CONTENT_SECURITY_POLICY;
      headers['Cache-Control'] = 'no-store';
    }
    res.writeHead(200, headers).end(data);
  });
}
