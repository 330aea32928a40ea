// A report file open in this process: its database, this session's replica and clock, the change
// log, and the listeners told about every change (windows, browser tabs).
import { randomBytes, randomUUID } from 'node:crypto';
import path from 'node:path';
import type { ApiEvent } from '../../shared/api.js';
import { Clock } from '../sync/hlc.js';
import { ChangeLog, type Change } from '../sync/changes.js';
import { createReportDatabase, openReportDatabase, type DB } from './open.js';
import { compactBusySections, refreshStaleText } from '../docs/section-text.js';
import { bringSearchIndexCurrent } from '../search/indexer.js';

export type Listener = (event: ApiEvent) => void;

export class OpenReport {
  readonly replica: string;
  readonly clock: Clock;
  readonly log: ChangeLog;
  private readonly listeners = new Set<Listener>();
  private recountTimer: NodeJS.Timeout | null = null;
  /** Text was pushed since windows were last told the words changed. */
  private textChanged = false;
  private closed = false;

  private constructor(
    readonly path: string,
    readonly db: DB,
  ) {
    // A fresh replica id every session: two sessions of one copy never share a clock.
    this.replica = randomBytes(8).toString('hex');
    this.clock = new Clock(this.replica);
    this.log = new ChangeLog(db, this.clock);
  }

  static open(file: string): OpenReport {
    return new OpenReport(path.resolve(file), openReportDatabase(path.resolve(file)));
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

  /** Word counts follow typing about once a second, not on every keystroke. */
  scheduleRecount(): void {
    this.textChanged = true;
    if (this.recountTimer || this.closed) return;
    this.recountTimer = setTimeout(() => {
      this.recountTimer = null;
      if (this.closed) return;
      // Told even when a read (a workspace load, a search) already refreshed the cache meanwhile.
      if (refreshStaleText(this.db).length > 0 || this.textChanged) this.emit({ kind: 'changed', what: ['words'] });
      this.textChanged = false;
      compactBusySections(this.db);
      // While the person pauses, so that the next search has nothing left to catch up on.
      bringSearchIndexCurrent(this.db);
    }, 1000);
    this.recountTimer.unref?.();
  }

  close(): void {
    if (this.closed) return;
    if (this.recountTimer) clearTimeout(this.recountTimer);
    this.recountTimer = null;
    refreshStaleText(this.db);
    compactBusySections(this.db, 1);
    bringSearchIndexCurrent(this.db);
    this.closed = true;
    this.emit({ kind: 'closed' });
    this.listeners.clear();
    this.db.close();
  }

  get isClosed(): boolean {
    return this.closed;
  }
}
