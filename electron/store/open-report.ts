// A report file open in this process: its database, this session's replica and clock, the change
// log, and the listeners told about every change (windows, browser tabs).
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import Database from 'better-sqlite3';
import path from 'node:path';
import type { ApiEvent } from '../../shared/api.js';
import { Clock } from '../sync/hlc.js';
import { ChangeLog, type Change } from '../sync/changes.js';
import { createReportDatabase, IMAGE_MAX_BYTES, inspectReportFile, openReportDatabase, openReportImage, type DB, type SoundFiles } from './open.js';
import { noteOpenReport } from './files.js';
import { writeClosedCopy } from '../sync/copy.js';
import { compactBusySections, refreshStaleText } from '../docs/section-text.js';
import { bringSearchIndexCurrent } from '../search/indexer.js';

export type Listener = (event: ApiEvent) => void;

/** Work done in the background that failed: written to the log, never thrown where nothing would catch it. */
function reportBackgroundFailure(what: string, e: unknown): void {
  console.error(`upr: ${what} failed: ${e instanceof Error ? e.message : String(e)}`);
}

export class OpenReport {
  readonly replica: string;
  readonly clock: Clock;
  readonly log: ChangeLog;
  private readonly listeners = new Set<Listener>();
  private recountTimer: NodeJS.Timeout | null = null;
  /** Text was pushed since windows were last told the words changed. */
  private textChanged = false;
  private closed = false;
  /** Where the working copy was written when the report was closed (see openWorkingCopy). */
  writtenBack: string | null = null;

  /**
   * For a file on a network share or in a synced folder: the file the person opened, which this
   * working copy on local disk is written back to, closed, when the report is closed.
   */
  private writeBack: WriteBack | null = null;
  /** Told that the file is sound when this app closes it. */
  private known: SoundFiles | null = null;
  /** A snapshot's temporary folder, removed when it is closed (see openSnapshot). */
  private snapshotDir: string | null = null;

  private constructor(
    readonly path: string,
    readonly db: DB,
  ) {
    // A fresh replica id every session: two sessions of one copy never share a clock.
    this.replica = randomBytes(8).toString('hex');
    this.clock = new Clock(this.replica);
    this.log = new ChangeLog(db, this.clock);
    // Nothing is written over an open report (electron/store/files.ts): the file the person chose,
    // and the working copy on local disk when they differ.
    for (const f of this.files()) noteOpenReport(f, true);
  }

  private files(): string[] {
    return [...new Set([this.path, this.db.memory ? this.path : this.db.name])];
  }

  /** `known`: files known sound (checked here, or closed here unchanged since): told when this one is closed. */
  static open(file: string, known?: SoundFiles): OpenReport {
    const report = new OpenReport(path.resolve(file), openReportDatabase(path.resolve(file), known));
    report.known = known ?? null;
    return report;
  }

  /**
   * Opens a report kept on a network share or in a synced folder: never that file itself, but a
   * closed copy of it in `workDir` on local disk, written back to the original when the report is
   * closed (see writeBackCopy).
   */
  static openWorkingCopy(origin: string, workDir: string): OpenReport {
    const source = path.resolve(origin);
    const before = fs.statSync(source, { throwIfNoEntry: false });
    fs.mkdirSync(workDir, { recursive: true });
    const working = path.join(workDir, `${path.basename(source, path.extname(source))}-${createHash('sha256').update(source).digest('hex').slice(0, 12)}.upr`);
    // Its bytes are fetched first (SQLite opening it there, even read-only, may leave a journal
    // beside it), with its journal if it has one; then checked and compacted into the working copy.
    const fetched = `${working}.fetched`;
    for (const f of [working, `${working}-wal`, `${working}-shm`, fetched, `${fetched}-wal`, `${fetched}-shm`]) fs.rmSync(f, { force: true });
    try {
      if (before) fs.copyFileSync(source, fetched);
      if (fs.existsSync(`${source}-wal`)) fs.copyFileSync(`${source}-wal`, `${fetched}-wal`);
      try {
        inspectReportFile(fetched);
      } catch (e) {
        // The messages name the file the person chose, not the fetched copy.
        inspectReportFile(source);
        throw e;
      }
      const from = new Database(fetched, { fileMustExist: true });
      try {
        from.prepare('VACUUM INTO ?').run(working);
      } finally {
        from.close();
      }
    } finally {
      for (const f of [fetched, `${fetched}-wal`, `${fetched}-shm`]) fs.rmSync(f, { force: true });
    }
    const report = new OpenReport(source, openReportDatabase(working));
    report.writeBack = { origin: source, mtimeMs: before!.mtimeMs, size: before!.size };
    return report;
  }

  /**
   * Opens a report only to read it (`upr info`, `upr export`, `upr copy`): a copy of it in memory
   * is opened, migrated and tidied if need be, so the person's file is left exactly as it was and
   * nothing is written beside it. A file whose journal holds changes not yet in it (or one too
   * large to hold in memory) is copied with its journal to a temporary folder instead, removed
   * when closed.
   */
  static openSnapshot(file: string): OpenReport {
    const source = path.resolve(file);
    inspectReportFile(source);
    if ((fs.statSync(`${source}-wal`, { throwIfNoEntry: false })?.size ?? 0) === 0 && fs.statSync(source).size <= IMAGE_MAX_BYTES) {
      const image = fs.readFileSync(source);
      // SQLite opens an image in memory only in rollback-journal mode (header bytes 18 and 19).
      image[18] = 1;
      image[19] = 1;
      return new OpenReport(source, openReportImage(image));
    }
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'upr-snapshot-'));
    const copy = path.join(dir, 'snapshot.upr');
    try {
      fs.copyFileSync(source, copy);
      if (fs.existsSync(`${source}-wal`)) fs.copyFileSync(`${source}-wal`, `${copy}-wal`);
      const report = new OpenReport(source, openReportDatabase(copy));
      report.snapshotDir = dir;
      return report;
    } catch (e) {
      fs.rmSync(dir, { recursive: true, force: true });
      throw e;
    }
  }

  /** Where the working copy goes back to when closed, or null for a file opened where it is. */
  get origin(): string | null {
    return this.writeBack?.origin ?? null;
  }

  static create(file: string): OpenReport {
    return new OpenReport(path.resolve(file), createReportDatabase(path.resolve(file)));
  }

  newId(): string {
    return randomUUID();
  }

  write(author: string, changes: readonly Change[]): void {
    this.log.write(author, changes);
  }

  on(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit(event: ApiEvent): void {
    for (const l of this.listeners) l(event);
  }

  /**
   * Word counts follow typing about once a second, not on every keystroke. What runs then is kept
   * from failing the process: another program may hold the file's write lock for a moment (the
   * next pause tries again), and one section's text that cannot be read never stops the others.
   */
  scheduleRecount(): void {
    this.textChanged = true;
    if (this.recountTimer || this.closed) return;
    this.recountTimer = setTimeout(() => {
      this.recountTimer = null;
      if (this.closed) return;
      try {
        // Told even when a read (a workspace load, a search) already refreshed the cache meanwhile.
        if (refreshStaleText(this.db).length > 0 || this.textChanged) this.emit({ kind: 'changed', what: ['words'] });
        this.textChanged = false;
        compactBusySections(this.db);
        // While the person pauses, so that the next search has nothing left to catch up on.
        bringSearchIndexCurrent(this.db);
      } catch (e) {
        reportBackgroundFailure('tidying up after typing', e);
        this.textChanged = true;
        if (!this.closed) this.scheduleRecount();
      }
    }, 1000);
    this.recountTimer.unref?.();
  }

  close(): void {
    if (this.closed) return;
    if (this.recountTimer) clearTimeout(this.recountTimer);
    this.recountTimer = null;
    // Tidying up is worth trying, and never worth not closing the file for.
    for (const [what, tidy] of [
      ['counting words', () => refreshStaleText(this.db)],
      ['folding text updates', () => compactBusySections(this.db, 1)],
      ['updating the search index', () => bringSearchIndexCurrent(this.db)],
      // What was written is signed before the file leaves this process.
      ['signing', () => this.log.signer?.seal()],
    ] as const) {
      try {
        tidy();
      } catch (e) {
        reportBackgroundFailure(what, e);
      }
    }
    try {
      if (this.writeBack) this.writtenBack = writeBackCopy(this.db, this.writeBack);
    } finally {
      this.closed = true;
      this.emit({ kind: 'closed' });
      this.listeners.clear();
      this.db.close();
      for (const f of this.files()) noteOpenReport(f, false);
      if (this.snapshotDir) fs.rmSync(this.snapshotDir, { recursive: true, force: true });
    }
    if (!this.writeBack && !this.snapshotDir) this.known?.markSound(this.path);
  }

  get isClosed(): boolean {
    return this.closed;
  }
}

interface WriteBack {
  origin: string;
  mtimeMs: number;
  size: number;
}

/**
 * Writes the working copy back to where it came from, as a closed copy by temporary name and rename.
 * If the original changed meanwhile (another office saved over it), it is left as it is and the
 * copy goes beside it under a name that says so: nothing is lost, and the secretariat can merge the
 * two. Returns where it was written.
 */
export function writeBackCopy(db: DB, back: WriteBack): string {
  const now = fs.statSync(back.origin, { throwIfNoEntry: false });
  const unchanged = !now || (now.mtimeMs === back.mtimeMs && now.size === back.size);
  const target = unchanged
    ? back.origin
    : path.join(path.dirname(back.origin), `${path.basename(back.origin, path.extname(back.origin))} (changed here ${new Date().toISOString().slice(0, 16).replace(':', '-')}).upr`);
  return writeClosedCopy(db, target, back.origin).path;
}
