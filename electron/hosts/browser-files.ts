// Files in browser mode, where the page cannot name a path on the server's disk (the browser
// chooses files and saves downloads): what a tab uploads is written to a folder of its own and
// handed to the API by path, as the desktop app's dialog would; what an action writes for a tab
// goes to a one-time download folder whose random id is the only way to fetch it; an attachment
// the tab may read is offered to the browser's own viewer through a short-lived ticket. Nothing
// here is kept after the tab has gone or the server has stopped. The ids in download and view
// addresses stand for the token, which never appears in an address the browser keeps.
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type http from 'node:http';

/** The largest upload: a report's copy is the largest file a person sends here. */
export const MAX_UPLOAD_BYTES = 512 * 1024 * 1024;
/** Uploads a tab keeps; the oldest goes when one more arrives (an import's preview and its confirmation use one). */
const KEPT_UPLOADS = 16;
/** How long a view ticket opens its attachment: while its dialog is likely still open. */
const VIEW_SECONDS = 600;
const ID = /^[0-9a-f-]{36}$/;

/** A file name from the browser, safe to be the last part of a path on any system; its extension kept. */
export function safeFileName(given: string): string {
  const cleaned = [...path.basename(given.replace(/\\/g, '/'))]
    .filter((c) => c.charCodeAt(0) >= 0x20 && c.charCodeAt(0) !== 0x7f && !'/\\:*?"<>|'.includes(c))
    .join('')
    .replace(/^[.\s]+|[.\s]+$/g, '');
  if (!cleaned) return 'file';
  const chars = [...cleaned];
  if (chars.length <= 120) return cleaned;
  const ext = path.extname(cleaned);
  return [...chars.slice(0, 120 - [...ext].length), ...ext].join('');
}

interface Slot {
  client: string;
  dir: string;
}

interface Ticket {
  client: string;
  attachment: string;
  until: number;
}

export class BrowserFiles {
  readonly root: string;
  /** The largest upload taken (MAX_UPLOAD_BYTES; tests set less). */
  readonly maxUpload: number;
  private readonly uploads = new Map<string, string[]>();
  private readonly slots = new Map<string, Slot>();
  private readonly tickets = new Map<string, Ticket>();

  constructor({ root = fs.mkdtempSync(path.join(os.tmpdir(), 'upr-browser-files-')), maxUpload = MAX_UPLOAD_BYTES }: { root?: string; maxUpload?: number } = {}) {
    this.root = root;
    this.maxUpload = maxUpload;
  }

  private clientDir(client: string): string {
    return path.join(this.root, client);
  }

  /**
   * Writes a request's body to a new folder of the tab's under `name`, stopping at the limit
   * (whatever length it declared); answers the path, or null when the body was too large or the
   * request broke off (nothing of it is kept).
   */
  async receive(client: string, name: string, req: http.IncomingMessage): Promise<{ path: string } | { tooLarge: true } | null> {
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > this.maxUpload) return { tooLarge: true };
    const dir = path.join(this.clientDir(client), 'in', randomUUID());
    fs.mkdirSync(dir, { recursive: true });
    const file = path.join(dir, safeFileName(name));
    const out = fs.createWriteStream(file, { flags: 'wx' });
    let size = 0;
    let over = false;
    const done = await new Promise<boolean>((resolve) => {
      let settled = false;
      const settle = (ok: boolean) => {
        if (settled) return;
        settled = true;
        resolve(ok);
      };
      req.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > this.maxUpload) {
          over = true;
          req.unpipe(out);
          req.pause();
          out.destroy();
          settle(false);
        }
      });
      req.on('aborted', () => settle(false));
      req.on('error', () => settle(false));
      out.on('error', () => settle(false));
      out.on('finish', () => settle(!over));
      req.pipe(out);
    });
    if (!done) {
      out.destroy();
      fs.rmSync(dir, { recursive: true, force: true });
      return over ? { tooLarge: true } : null;
    }
    const kept = this.uploads.get(client) ?? [];
    kept.push(dir);
    while (kept.length > KEPT_UPLOADS) fs.rmSync(kept.shift()!, { recursive: true, force: true });
    this.uploads.set(client, kept);
    return { path: file };
  }

  /** A new, empty folder for an action to write `name` in; its id fetches what was written, once. */
  slot(client: string, name: string): { id: string; path: string } {
    const id = randomUUID();
    const dir = path.join(this.clientDir(client), 'out', id);
    fs.mkdirSync(dir, { recursive: true });
    this.slots.set(id, { client, dir });
    return { id, path: path.join(dir, safeFileName(name)) };
  }

  /**
   * The one file written in slot `id` (the action may have added an extension to its name), or
   * null when the id is unknown or nothing complete is there. The slot is gone once taken.
   */
  take(id: string): { file: string; size: number; forget: () => void } | null {
    if (!ID.test(id)) return null;
    const slot = this.slots.get(id);
    if (!slot) return null;
    // An action writes beside the final name and renames: only a finished, regular file counts.
    const entries = fs.readdirSync(slot.dir, { withFileTypes: true }).filter((e) => e.isFile() && !e.name.startsWith('.'));
    if (entries.length !== 1) return null;
    const file = path.join(slot.dir, entries[0]!.name);
    this.slots.delete(id);
    return {
      file,
      size: fs.statSync(file).size,
      forget: () => fs.rmSync(slot.dir, { recursive: true, force: true }),
    };
  }

  /** A ticket that opens attachment `attachment` for `client` in the browser's viewer for a little while. */
  ticket(client: string, attachment: string): string {
    const now = Date.now();
    for (const [id, t] of this.tickets) if (t.until < now) this.tickets.delete(id);
    const id = randomUUID();
    this.tickets.set(id, { client, attachment, until: now + VIEW_SECONDS * 1000 });
    return id;
  }

  redeem(id: string): { client: string; attachment: string } | null {
    if (!ID.test(id)) return null;
    const t = this.tickets.get(id);
    if (!t || t.until < Date.now()) return null;
    return { client: t.client, attachment: t.attachment };
  }

  /** Everything a tab left: its uploads, unfetched downloads and tickets. */
  forget(client: string): void {
    this.uploads.delete(client);
    for (const [id, s] of this.slots) if (s.client === client) this.slots.delete(id);
    for (const [id, t] of this.tickets) if (t.client === client) this.tickets.delete(id);
    fs.rmSync(this.clientDir(client), { recursive: true, force: true });
  }

  close(): void {
    this.uploads.clear();
    this.slots.clear();
    this.tickets.clear();
    fs.rmSync(this.root, { recursive: true, force: true });
  }
}
