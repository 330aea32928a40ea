import http from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../electron/hosts/server.js';
import { startDemoServer } from './helpers.js';

const TOKEN = 'test-token-0123456789abcdef';
let server: RunningServer | null = null;

afterEach(async () => {
  await server?.close();
  server = null;
});

async function start() {
  const { server: started } = await startDemoServer(TOKEN);
  server = started;
  return started;
}

function request(port: number, opts: { path: string; method?: string; headers?: Record<string, string>; body?: string }) {
  return new Promise<{ status: number; body: string; headers: http.IncomingHttpHeaders }>((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, path: opts.path, method: opts.method ?? 'GET', headers: opts.headers }, (res) => {
      let body = '';
      res.on('data', (c) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
    });
    req.on('error', reject);
    if (opts.body) req.write(opts.body);
    req.end();
  });
}

const call = (port: number, client: string, method: string, input: unknown, token = TOKEN) =>
  request(port, {
    path: `/api/${method}`,
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'X-Upr-Client': client, 'Content-Type': 'application/json' },
    body: JSON.stringify(input),
  });

describe('browser-mode server', () => {
  it('listens on 127.0.0.1 only and prints an address with the token', async () => {
    const s = await start();
    expect(s.url).toBe(`http://127.0.0.1:${s.port}/?token=${TOKEN}`);
  });

  it('serves the page with a strict CSP, and nothing outside the renderer folder', async () => {
    const s = await start();
    const page = await request(s.port, { path: '/' });
    expect(page.status).toBe(200);
    expect(page.headers['content-security-policy']).toMatch(/default-src 'self'; script-src 'self'/);
    expect((await request(s.port, { path: '/../secret.txt' })).body).not.toMatch(/not for the web/);
    const encoded = await request(s.port, { path: '/%2e%2e/secret.txt' });
    expect(encoded.status).toBeGreaterThanOrEqual(400);
    expect(encoded.body).not.toMatch(/not for the web/);
  });

  it('refuses API calls without the token and requests naming another host', async () => {
    const s = await start();
    expect((await call(s.port, 'client-0001', 'workspace.load', {}, 'wrong')).status).toBe(401);
    const rebinding = await request(s.port, { path: '/', headers: { Host: 'evil.example:80' } });
    expect(rebinding.status).toBe(403);
    const ok = await call(s.port, 'client-0001', 'workspace.load', {});
    expect(JSON.parse(ok.body)).toMatchObject({ ok: true, result: { report: { country: 'the Republic of Veridia' } } });
  });

  it('pushes one tab’s changes to another tab with the same file open', async () => {
    const s = await start();
    const events: string[] = [];
    const got = new Promise<void>((resolve) => {
      http.get({ host: '127.0.0.1', port: s.port, path: `/api/events?token=${TOKEN}&client=watcher-0001` }, (res) => {
        res.on('data', (c: Buffer) => {
          events.push(c.toString());
          if (c.toString().includes('"changed"')) resolve();
        });
      });
    });
    await new Promise((r) => setTimeout(r, 100));
    const ws = JSON.parse((await call(s.port, 'editor-0001', 'workspace.load', {})).body).result;
    const secretariat = ws.members.find((m: { role: string }) => m.role === 'secretariat');
    await call(s.port, 'editor-0001', 'session.signIn', { memberId: secretariat.id });
    const renamed = await call(s.port, 'editor-0001', 'sections.update', { id: ws.sections[0].id, title: 'Methodology' });
    expect(JSON.parse(renamed.body)).toMatchObject({ ok: true });
    await got;
    expect(events.join('')).toContain('{"kind":"changed","what":["sections"]}');
  });

  it('answers malformed JSON with a readable error', async () => {
    const s = await start();
    const r = await request(s.port, {
      path: '/api/workspace.load',
      method: 'POST',
      headers: { Authorization: `Bearer ${TOKEN}`, 'X-Upr-Client': 'client-0002' },
      body: '{not json',
    });
    expect(r.status).toBe(400);
    expect(JSON.parse(r.body)).toMatchObject({ ok: false, error: { message: 'The request is not valid JSON.' } });
  });
});
