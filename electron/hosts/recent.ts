// The list of recently opened reports, newest first, kept in the data folder.
import fs from 'node:fs';
import path from 'node:path';
import type { RecentFile } from '../../shared/api.js';

const MAX_RECENT = 10;

export class RecentFiles {
  private readonly file: string;

  constructor(dataDir: string) {
    this.file = path.join(dataDir, 'recent.json');
  }

  list(): RecentFile[] {
    try {
      const parsed = JSON.parse(fs.readFileSync(this.file, 'utf8')) as unknown;
      if (!Array.isArray(parsed)) return [];
      return parsed
        .filter((r): r is RecentFile => typeof r?.path === 'string' && typeof r?.title === 'string' && typeof r?.openedAt === 'string')
        .filter((r) => fs.existsSync(r.path))
        .slice(0, MAX_RECENT);
    } catch {
      return [];
    }
  }

  add(entry: { path: string; title: string }): RecentFile[] {
    const list = [{ ...entry, openedAt: new Date().toISOString() }, ...this.list().filter((r) => r.path !== entry.path)].slice(
      0,
      MAX_RECENT,
    );
    fs.mkdirSync(path.dirname(this.file), { recursive: true });
    const tmp = `${this.file}.tmp`;
    fs.writeFileSync(tmp, JSON.stringify(list, null, 2));
    fs.renameSync(tmp, this.file);
    return list;
  }

  /** Forgets every entry (File ▸ Open Recent ▸ Clear Menu); the reports themselves are untouched. */
  clear(): void {
    fs.rmSync(this.file, { force: true });
  }
}
