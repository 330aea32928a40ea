// Files in browser mode through the real server (electron/hosts/server.ts, browser-files.ts): a
// file the browser sends is kept in a folder of its tab's and read from there by the same API the
// desktop app's dialog feeds; what an action writes is fetched once by its random id; an attached
// PDF is shown to the browser's viewer through a short-lived ticket, and nothing else ever is. Tried
// as a careless user and as a page holding no token would: too large, broken off, odd names,
// guessed ids, another tab's download, a page or picture posing as a PDF.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../electron/hosts/server.js';
import { startDemoServer, tempDir } from './helpers.js';

/** Read, never changed (the corpus is shared guidance). */
const CORPUS_LIST = path.resolve(import.meta.dirname, '../../../shared/corpus/UPR34_Slovenia_Thematic_list_of_Recommendations.docx');

const TOKEN = 'test-token-0123456789abcdef';
const LIMIT = 2 * 1024 * 1024;
let server: RunningServer | null = null;

afterEach(async () => {
  await server?.close();
  server = null;
});

async function start() {
  const started = await startDemoServer(TOKEN, { maxUploadBytes: LIMIT });
  server = started.server;
  return { port: started.server.port, file: started.file, dir: started.dir };
}

interface Answer {
  status: number;
  body: Buffer;
  headers: http.IncomingHttpHeaders;
}

function request(port: number, opts: { path: string; method?: string; headers?: Record<string, string>; body?: Buffer | string; chunks?: Buffer[]; abortAfter?: number }) {
  return new Promise<Answer>((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, path: opts.path, method: opts.method ?? 'GET', headers: opts.headers }, (res) => {
      const parts: Buffer[] = [];
      res.on('data', (c: Buffer) => parts.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(parts), headers: res.headers }));
    });
    req.on('error', (e) => (opts.abortAfter !== undefined || opts.chunks ? resolve({ status: 0, body: Buffer.alloc(0), headers: {} }) : reject(e)));
    if (opts.chunks) {
      for (const c of opts.chunks) req.write(c);
      if (opts.abortAfter !== undefined) {
        setTimeout(() => req.destroy(), opts.abortAfter);
        return;
      }
    } else if (opts.body) req.write(opts.body);
    req.end();
  });
}

const json = (a: Answer) => JSON.parse(a.body.toString('utf8')) as { ok: boolean; result?: Record<string, string>; error?: { message: string; key?: string } };

const headers = (client: string, token = TOKEN) => ({ Authorization: `Bearer ${token}`, 'X-Upr-Client': client });

const call = async (port: number, client: string, method: string, input: unknown) =>
  json(await request(port, { path: `/api/${method}`, method: 'POST', headers: { ...headers(client), 'Content-Type': 'application/json' }, body: JSON.stringify(input) }));

const upload = (port: number, client: string, name: string, body: Buffer, token = TOKEN) =>
  request(port, { path: '/api/files/upload', method: 'POST', headers: { ...headers(client, token), 'X-Upr-File-Name': encodeURIComponent(name), 'Content-Type': 'application/octet-stream' }, body });

const filesCall = async (port: number, client: string, what: 'slot' | 'view', input: unknown) =>
  json(await request(port, { path: `/api/files/${what}`, method: 'POST', headers: { ...headers(client), 'Content-Type': 'application/json' }, body: JSON.stringify(input) }));

async function signInSecretariat(port: number, client: string) {
  const ws = await call(port, client, 'workspace.load', {});
  const members = (ws.result as unknown as { members: Array<{ id: string; role: string }> }).members;
  await call(port, client, 'session.signIn', { memberId: members.find((m) => m.role === 'secretariat')!.id });
}

/** The folders this run's server keeps browser files in. */
const browserRoots = () => new Set(fs.readdirSync(os.tmpdir()).filter((n) => n.startsWith('upr-browser-files-')));

describe('a file sent from the browser', () => {
  it('is kept under its own name in a folder of the tab’s, and the import reads it there as it reads a file the dialog chose', async () => {
    const { port } = await start();
    await signInSecretariat(port, 'tab-00000001');
    const list = fs.readFileSync(CORPUS_LIST);
    const sent = await upload(port, 'tab-00000001', 'UPR34 thematic list.docx', list);
    expect(sent.status).toBe(200);
    const where = json(sent).result!.path!;
    expect(path.basename(where)).toBe('UPR34 thematic list.docx');
    expect(where).toContain(`${path.sep}tab-00000001${path.sep}`);
    expect(fs.readFileSync(where).equals(list)).toBe(true);

    const preview = await call(port, 'tab-00000001', 'recommendations.previewImport', { path: where });
    expect(preview.ok).toBe(true);
    expect(preview.result!.fileName).toBe('UPR34 thematic list.docx');
  });

  it('keeps only the last part of a name, with no characters a file system refuses', async () => {
    const { port } = await start();
    const cases: Array<[string, string]> = [
      ['../../etc/passwd', 'passwd'],
      ['..\\..\\Windows\\win.ini', 'win.ini'],
      ['a<b>c:d"e|f?g*h.csv', 'abcdefgh.csv'],
      ['...', 'file'],
      ['', 'file'],
      [`${'ž'.repeat(300)}.xlsx`, `${'ž'.repeat(115)}.xlsx`],
    ];
    for (const [given, kept] of cases) {
      const where = json(await upload(port, 'tab-00000002', given, Buffer.from('x'))).result!.path!;
      expect(path.basename(where)).toBe(kept);
      expect(path.basename(path.dirname(path.dirname(path.dirname(where))))).toBe('tab-00000002');
    }
    // A name that is not even valid percent-encoding is a file like any other.
    const odd = await request(port, { path: '/api/files/upload', method: 'POST', headers: { ...headers('tab-00000002'), 'X-Upr-File-Name': '%E0%A4%A' }, body: 'x' });
    expect(path.basename(json(odd).result!.path!)).toBe('file');
  });

  it('is refused without the token, and nothing of it is kept', async () => {
    const { port } = await start();
    const refused = await upload(port, 'tab-00000003', 'list.docx', Buffer.from('PK'), 'not-the-token');
    expect(refused.status).toBe(401);
    // No tab folder was made for a caller without the token.
    for (const r of browserRoots()) expect(fs.existsSync(path.join(os.tmpdir(), r, 'tab-00000003'))).toBe(false);
  });

  it('over the limit is refused in the person’s words, whether it says its length or not, and nothing of it is kept', async () => {
    const { port } = await start();
    const said = await upload(port, 'tab-00000004', 'huge.upr', Buffer.alloc(LIMIT + 1));
    expect(said.status).toBe(413);
    expect(json(said).error).toMatchObject({ key: 'uploadTooLarge', message: '“huge.upr” is larger than the 2 MB this server takes; nothing was sent.' });

    // Sent in chunks with no length given: cut off at the limit.
    const chunked = await request(port, {
      path: '/api/files/upload',
      method: 'POST',
      headers: { ...headers('tab-00000004'), 'X-Upr-File-Name': 'huge.upr', 'Transfer-Encoding': 'chunked' },
      chunks: [Buffer.alloc(LIMIT), Buffer.alloc(1024)],
    });
    if (chunked.status !== 0) expect(chunked.status).toBe(413);
    await new Promise((r) => setTimeout(r, 100));
    const kept = [...browserRoots()].flatMap((r) => {
      const tab = path.join(os.tmpdir(), r, 'tab-00000004', 'in');
      return fs.existsSync(tab) ? fs.readdirSync(tab) : [];
    });
    expect(kept).toEqual([]);

    // The server goes on.
    expect((await upload(port, 'tab-00000004', 'small.csv', Buffer.from('a;b'))).status).toBe(200);
  });

  it('broken off half-way leaves nothing behind, and the server goes on', async () => {
    const { port } = await start();
    await request(port, {
      path: '/api/files/upload',
      method: 'POST',
      headers: { ...headers('tab-00000005'), 'X-Upr-File-Name': 'copy.upr', 'Content-Length': String(LIMIT) },
      chunks: [Buffer.alloc(1024)],
      abortAfter: 50,
    });
    await new Promise((r) => setTimeout(r, 200));
    const kept = [...browserRoots()].flatMap((r) => {
      const tab = path.join(os.tmpdir(), r, 'tab-00000005', 'in');
      return fs.existsSync(tab) ? fs.readdirSync(tab) : [];
    });
    expect(kept).toEqual([]);
    expect((await upload(port, 'tab-00000005', 'copy.upr', Buffer.from('x'))).status).toBe(200);
  });
});

describe('a file written for the browser to download', () => {
  it('is written where the server says, fetched once by its id with its name, then gone', async () => {
    const { port } = await start();
    await signInSecretariat(port, 'tab-00000006');
    const slot = (await filesCall(port, 'tab-00000006', 'slot', { name: 'demo.docx' })).result!;
    const written = await call(port, 'tab-00000006', 'export.write', { format: 'docx', path: slot.path });
    expect(written.ok).toBe(true);

    const got = await request(port, { path: `/api/files/download/${slot.id}` });
    expect(got.status).toBe(200);
    expect(got.headers['content-disposition']).toBe(`attachment; filename="demo.docx"; filename*=UTF-8''demo.docx`);
    expect(got.headers['content-type']).toBe('application/octet-stream');
    // A real Word file, as pandoc reads it.
    const out = path.join(tempDir(), 'downloaded.docx');
    fs.writeFileSync(out, got.body);
    expect(execFileSync('pandoc', [out, '-t', 'plain'], { encoding: 'utf8' })).toContain('Veridia');

    expect((await request(port, { path: `/api/files/download/${slot.id}` })).status).toBe(404);
    await new Promise((r) => setTimeout(r, 50));
    expect(fs.existsSync(path.dirname(slot.path))).toBe(false);
  });

  it('keeps a name in any script for the browser, with a plain fallback', async () => {
    const { port } = await start();
    await signInSecretariat(port, 'tab-00000007');
    const slot = (await filesCall(port, 'tab-00000007', 'slot', { name: 'التقرير "الوطني".uprz' })).result!;
    expect((await call(port, 'tab-00000007', 'sharing.sendCopy', { path: slot.path })).ok).toBe(true);
    const got = await request(port, { path: `/api/files/download/${slot.id}` });
    expect(got.headers['content-disposition']).toBe(
      `attachment; filename="_______ ______.uprz"; filename*=UTF-8''${encodeURIComponent('التقرير الوطني.uprz')}`,
    );
    // A copy is packed to e-mail (electron/sync/packed.ts).
    expect(got.body.subarray(1, 5).toString('latin1')).toBe('UPRZ');
  });

  it('is not there before it is written, nor for a guessed or malformed id', async () => {
    const { port } = await start();
    const slot = (await filesCall(port, 'tab-00000008', 'slot', { name: 'matrix.xlsx' })).result!;
    expect((await request(port, { path: `/api/files/download/${slot.id}` })).status).toBe(404);
    for (const id of ['00000000-0000-4000-8000-000000000000', '..%2F..%2Fdemo.upr', '%00', 'x'.repeat(5000)]) {
      expect((await request(port, { path: `/api/files/download/${id}` })).status).toBeGreaterThanOrEqual(400);
    }
    // The report itself cannot be fetched through a slot: a slot is a new, empty folder.
    const report = await filesCall(port, 'tab-00000008', 'slot', { name: '../demo.upr' });
    expect(path.basename(report.result!.path!)).toBe('demo.upr');
    expect(fs.existsSync(report.result!.path!)).toBe(false);
  });

  it('asks for the token to make a place, and a name to give it', async () => {
    const { port } = await start();
    const refused = await request(port, { path: '/api/files/slot', method: 'POST', headers: { 'X-Upr-Client': 'tab-00000009' }, body: '{"name":"a.docx"}' });
    expect(refused.status).toBe(401);
    expect((await request(port, { path: '/api/files/slot', method: 'POST', headers: headers('tab-00000009'), body: '{}' })).status).toBe(404);
    expect((await request(port, { path: '/api/files/slot', method: 'POST', headers: headers('tab-00000009'), body: 'not json' })).status).toBe(400);
    expect((await request(port, { path: '/api/files/anything', method: 'POST', headers: headers('tab-00000009'), body: '{}' })).status).toBe(404);
  });
});

describe('an attachment opened in the browser’s viewer', () => {
  const PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');

  async function attached(port: number, client: string, name: string, mediaType: string, bytes: Buffer) {
    await signInSecretariat(port, client);
    const input = (await call(port, client, 'inputs.create', { title: 'Submission of the Bar Association' })).result!;
    const after = await call(port, client, 'inputs.attach', { inputId: input.id, name, mediaType, data: bytes.toString('base64') });
    const list = (after.result as unknown as { attachments: Array<{ id: string; name: string }> }).attachments;
    return list.find((a) => a.name === name)!.id;
  }

  it('shows a PDF inline, as a PDF, under a policy that runs nothing', async () => {
    const { port } = await start();
    const id = await attached(port, 'tab-00000010', 'annex.pdf', 'application/pdf', PDF);
    const ticket = (await filesCall(port, 'tab-00000010', 'view', { attachment: id })).result!.ticket!;
    const shown = await request(port, { path: `/api/files/view/${ticket}` });
    expect(shown.status).toBe(200);
    expect(shown.headers['content-type']).toBe('application/pdf');
    expect(shown.headers['content-disposition']).toMatch(/^inline; filename="annex.pdf"/);
    expect(shown.headers['content-security-policy']).toMatch(/default-src 'none'/);
    expect(shown.headers['x-content-type-options']).toBe('nosniff');
    expect(shown.body.equals(PDF)).toBe(true);
    // The viewer may ask again while the ticket lasts.
    expect((await request(port, { path: `/api/files/view/${ticket}` })).status).toBe(200);
  });

  it('never shows a page or a picture, whatever it calls itself, nor anything for an unknown ticket', async () => {
    const { port } = await start();
    const page = await attached(port, 'tab-00000011', 'annex.pdf.html', 'text/html', Buffer.from('<script>alert(1)</script>'));
    const posing = await attached(port, 'tab-00000011', 'fake.pdf', 'application/pdf', Buffer.from('<html><script>alert(1)</script>'));
    for (const id of [page, posing]) {
      const ticket = (await filesCall(port, 'tab-00000011', 'view', { attachment: id })).result!.ticket!;
      const shown = await request(port, { path: `/api/files/view/${ticket}` });
      expect(shown.status).toBe(404);
      expect(shown.body.toString()).not.toContain('<script>');
    }
    expect((await request(port, { path: '/api/files/view/00000000-0000-4000-8000-000000000000' })).status).toBe(404);
  });

  it('shows nothing once the attachment is removed', async () => {
    const { port } = await start();
    const id = await attached(port, 'tab-00000012', 'annex.pdf', 'application/pdf', PDF);
    const ticket = (await filesCall(port, 'tab-00000012', 'view', { attachment: id })).result!.ticket!;
    expect((await call(port, 'tab-00000012', 'inputs.detach', { id })).ok).toBe(true);
    expect((await request(port, { path: `/api/files/view/${ticket}` })).status).toBe(404);
  });
});

describe('when the server stops', () => {
  it('removes every file it kept for the browser', async () => {
    const { port } = await start();
    const where = json(await upload(port, 'tab-00000013', 'list.csv', Buffer.from('a;b'))).result!.path!;
    const root = path.dirname(path.dirname(path.dirname(path.dirname(where))));
    expect(fs.existsSync(root)).toBe(true);
    await server!.close();
    server = null;
    expect(fs.existsSync(root)).toBe(false);
  });
});
