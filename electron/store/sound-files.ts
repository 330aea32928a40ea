// Which report files this app knows to be sound without reading them through again: a file passed
// `PRAGMA quick_check` here, or this app closed it itself, and it has not changed since (same
// inode, size and modification time). `quick_check` reads every page (about 180 ms for the large
// generated report); a report a person opens over and over is checked when it first arrives or
// after anything else touched it. Kept in the user's data folder, as `sound-files.json`.
import fs from 'node:fs';
import path from 'node:path';
import type { SoundFiles } from './open.js';

interface Seen {
  dev: number;
  ino: number;
  size: number;
  mtimeMs: number;
}

/** Files remembered at most; the oldest go first. */
const KEPT = 50;

export class SoundFileRecord implements SoundFiles {
  private readonly file: string;

  constructor(dataDir: string) {
    this.file = path.join(dataDir, 'sound-files.json');
  }

  private read(): Record<string, Seen> {
    try {
      const value: unknown = JSON.parse(fs.readFileSync(this.file, 'utf8'));
      return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, Seen>) : {};
    } catch {
      return {};
    }
  }

  private static seen(file: string): Seen | null {
    const s = fs.statSync(file, { throwIfNoEntry: false });
    return s ? { dev: s.dev, ino: s.ino, size: s.size, mtimeMs: s.mtimeMs } : null;
  }

  isKnownSound(file: string): boolean {
    // A file whose journal holds changes not in the file itself: read it through.
    if ((fs.statSync(`${file}-wal`, { throwIfNoEntry: false })?.size ?? 0) > 0) return false;
    const now = SoundFileRecord.seen(file);
    const then = this.read()[path.resolve(file)];
    return !!now && !!then && now.dev === then.dev && now.ino === then.ino && now.size === then.size && now.mtimeMs === then.mtimeMs;
  }

  markSound(file: string): void {
    const now = SoundFileRecord.seen(file);
    if (!now) return;
    const all = this.read();
    delete all[path.resolve(file)];
    all[path.resolve(file)] = now;
    const kept = Object.fromEntries(Object.entries(all).slice(-KEPT));
    try {
      fs.mkdirSync(path.dirname(this.file), { recursive: true });
      const tmp = `${this.file}.${process.pid}.tmp`;
      fs.writeFileSync(tmp, JSON.stringify(kept));
      fs.renameSync(tmp, this.file);
    } catch {
      // Not remembering only means checking again next time.
    }
  }
}
