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
import type { UserError } from '../../shared/errors.js';
import { userError } from '../../shared/messages.js';
import type { Host } from './host.js';
import { BrowserFiles } from './browser-files.js';

export interface ServerOptions {
  host: Host;
  token: string;
  /** The built renderer (dist/renderer). */
  staticDir: string;
  /** The report each new tab opens, if any. */
  defaultReport?: string;
  port?: number;
  /** The largest file a tab may send (browser-files.ts's MAX_UPLOAD_BYTES unless a test says less). */
  maxUploadBytes?: number;
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
  // pdf.js's worker, loaded as a module script (which must be served as JavaScript).
  '.mjs': 'text/javascript; charset=utf-8',
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
  const files = new BrowserFiles(options.maxUploadBytes ? { maxUpload: options.maxUploadBytes } : {});
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
            if (streams.has(id)) return;
            host.disconnect(id);
            files.forget(id);
          }, 10_000),
        );
      });
      return;
    }
    if (url.pathname.startsWith('/api/files/')) {
      void handleFiles(req, res, url.pathname.slice('/api/files/'.length)).catch(() => refuse(res, 500, 'The server could not answer this request.'));
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

  /** The tab a POST comes from, when it carries the token; otherwise the answer is sent and null returned. */
  function caller(req: http.IncomingMessage, res: http.ServerResponse): string | null {
    const auth = req.headers.authorization ?? '';
    const id = String(req.headers['x-upr-client'] ?? '');
    if (req.method !== 'POST') {
      res.writeHead(405).end();
      return null;
    }
    if (!tokenOk(auth.startsWith('Bearer ') ? auth.slice(7) : null) || !CLIENT_ID.test(id)) {
      res.writeHead(401, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ ok: false, error: { message: 'This page is not signed in to the server; open the address it printed.', code: 'forbidden' } }));
      return null;
    }
    return id;
  }

  function answer(res: http.ServerResponse, status: number, reply: unknown): void {
    if (res.destroyed) return;
    res.writeHead(status, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' });
    res.end(JSON.stringify(reply));
  }

  /**
   * Files in browser mode (./browser-files.ts): `upload` (the body is the file, its name in
   * X-Upr-File-Name) and `slot` (a place for an action to write a download) and `view` (a ticket
   * for an attachment) carry the token like every call; `download/ID` and `view/TICKET` are the
   * addresses the browser itself fetches, the id standing for the token.
   */
  async function handleFiles(req: http.IncomingMessage, res: http.ServerResponse, what: string): Promise<void> {
    if (req.method === 'GET' && what.startsWith('download/')) {
      const taken = files.take(what.slice('download/'.length));
      if (!taken) {
        refuse(res, 404, 'This download has been taken already, or its tab has closed. Write the file again.');
        return;
      }
      res.writeHead(200, {
        'Content-Type': 'application/octet-stream',
        'Content-Length': String(taken.size),
        'Content-Disposition': disposition('attachment', path.basename(taken.file)),
        'Cache-Control': 'no-store',
      });
      const stream = fs.createReadStream(taken.file);
      stream.on('error', () => res.destroy());
      res.on('close', taken.forget);
      stream.pipe(res);
      return;
    }
    if (req.method === 'GET' && what.startsWith('view/')) {
      const ticket = files.redeem(what.slice('view/'.length));
      const reply = ticket ? await host.dispatch(ticket.client, 'inputs.attachment', { id: ticket.attachment }) : null;
      const content = reply?.ok ? (reply.result as { name: string; data: string }) : null;
      const bytes = content ? Buffer.from(content.data, 'base64') : null;
      // Only a PDF is ever shown from this address, and only in the browser's own viewer: a page
      // or picture someone attached could otherwise run as this app.
      if (!content || !bytes || bytes.subarray(0, 5).toString('latin1') !== '%PDF-') {
        refuse(res, 404, 'This attachment cannot be shown here any more; open it again from the app.');
        return;
      }
      res.writeHead(200, {
        'Content-Type': 'application/pdf',
        'Content-Length': String(bytes.length),
        'Content-Disposition': disposition('inline', content.name),
        'Content-Security-Policy': "default-src 'none'; object-src 'self'; plugin-types application/pdf",
        'Cache-Control': 'no-store',
      });
      res.end(bytes);
      return;
    }
    const id = caller(req, res);
    if (!id) return;
    clientFor(id);
    if (what === 'upload') {
      let name: string;
      try {
        name = decodeURIComponent(String(req.headers['x-upr-file-name'] ?? ''));
      } catch {
        name = '';
      }
      const received = await files.receive(id, name, req);
      const said = (e: UserError) => ({ ok: false, error: { message: e.message, code: e.code, ...(e.translatable ?? {}) } });
      if (received === null) answer(res, 400, said(userError('uploadBroken', { name })));
      else if ('tooLarge' in received) {
        answer(res, 413, said(userError('uploadTooLarge', { name, limit: Math.round(files.maxUpload / 1024 / 1024) })));
        // The rest of a body too large is not read: the connection ends with the answer.
        res.on('finish', () => req.destroy());
      } else answer(res, 200, { ok: true, result: received });
      return;
    }
    let body: unknown;
    try {
      body = await readJson(req);
    } catch (e) {
      answer(res, 400, { ok: false, error: { message: (e as Error).message, code: 'invalid' } });
      return;
    }
    const field = (key: string) => {
      const value = (body as Record<string, unknown> | null)?.[key];
      return typeof value === 'string' && value.length > 0 && value.length <= 1000 ? value : null;
    };
    if (what === 'slot' && field('name')) {
      answer(res, 200, { ok: true, result: files.slot(id, field('name')!) });
      return;
    }
    if (what === 'view' && field('attachment')) {
      answer(res, 200, { ok: true, result: { ticket: files.ticket(id, field('attachment')!) } });
      return;
    }
    refuse(res, 404, 'Not found');
  }

  async function answerCall(req: http.IncomingMessage, res: http.ServerResponse, method: string): Promise<void> {
    const id = caller(req, res);
    if (!id) return;
    let body: unknown;
    try {
      body = await readJson(req);
    } catch (e) {
      answer(res, 400, { ok: false, error: { message: (e as Error).message, code: 'invalid' } });
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
    answer(res, 200, await host.dispatch(id, name, body));
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
        files.close();
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

/** A Content-Disposition naming the file in any script, with a plain-ASCII fallback for old readers. */
function disposition(kind: 'attachment' | 'inline', name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]|["\\%]/g, '_');
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
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
