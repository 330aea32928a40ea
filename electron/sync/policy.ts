// The write policy applied in the change log: a change is judged against the report as it stood at
// the change's stamp (shared/policy.ts says what is allowed). Two views give that report:
// - `CurrentView`, the materialized tables, for changes made here (their stamps are the newest, so
//   "as of the stamp" is now), with the earlier changes of the same batch laid over them;
// - `LogView`, the change log read as of any stamp, skipping changes held back, for changes merged
//   from a copy, which may be older than what this file already holds.
// Both answer the same few questions (a cell's value, who made a row, who the members are), so a
// change is judged the same way wherever it is judged, and every office holds back the same ones.
import type { ChangeScope, Actor } from '../../shared/policy.js';
import { judgeChange, judgeText } from '../../shared/policy.js';
import type { Message } from '../../shared/messages.js';
import { denySectionText } from '../../shared/permissions.js';
import type { Role } from '../../shared/domain.js';
import { columnDefault, type CellValue, type SyncedTable } from '../../shared/synced.js';
import { prepared, type DB } from '../store/open.js';

export interface PolicyView {
  /** The cell's value; the column's default when the row exists but the cell was never written; undefined when the row does not exist. */
  cell(table: SyncedTable, row: string, column: string): CellValue | undefined;
  /** Who made the row (the author of its first change not held back), or null when it does not exist. */
  creator(table: SyncedTable, row: string): string | null;
  /** Every member row the report has (removed ones too). */
  memberIds(): readonly string[];
  /** Whether some member is in the secretariat. */
  hasSecretariat(): boolean;
  /** The member as the view has them, or null when they are not (or no longer) a member. */
  actor(id: string): Actor | null;
  /** The report's settings row, or null when the view has none. */
  reportId(): string | null;
}

/** The report's settings row: one id in every copy of a report (null in a file without one). */
function settingsRowId(db: DB): string | null {
  return (prepared(db, 'SELECT id FROM report LIMIT 1').pluck().get() as string | undefined) ?? null;
}

const str = (v: CellValue | undefined): string | null => (typeof v === 'string' ? v : null);

/** The member as the view has them, read cell by cell. */
export function actorOf(view: Pick<PolicyView, 'cell'>, id: string): Actor | null {
  const role = view.cell('members', id, 'role');
  if (role === undefined || view.cell('members', id, 'deleted') === 1) return null;
  return { id, name: str(view.cell('members', id, 'name')) ?? '', role: role as Role, organizationId: str(view.cell('members', id, 'organization_id')) ?? '' };
}

/** Whether some member is in the secretariat, with `except`'s role and removal as given (the change being judged). */
export function secretariatRemains(view: PolicyView, except?: { id: string; role: CellValue; deleted: CellValue }): boolean {
  return view.memberIds().some((id) => {
    const role = except?.id === id ? except.role : view.cell('members', id, 'role');
    const deleted = except?.id === id ? except.deleted : view.cell('members', id, 'deleted');
    return role === 'secretariat' && deleted !== 1;
  });
}

function sectionScope(view: PolicyView, id: string | null): ChangeScope['section'] {
  if (!id || view.cell('sections', id, 'title') === undefined) return null;
  const status = str(view.cell('sections', id, 'status'));
  // The report's lock matters only to a section ready for review: read only then.
  const report = status === 'ready_for_review' ? view.reportId() : null;
  return {
    title: str(view.cell('sections', id, 'title')) ?? '',
    leadOrganizationId: str(view.cell('sections', id, 'lead_organization_id')),
    status,
    lockAtReview: report !== null && view.cell('report', report, 'lock_at_review') === 1,
  };
}

function recommendationScope(view: PolicyView, id: string | null): ChangeScope['recommendation'] {
  if (!id || view.cell('recommendations', id, 'number') === undefined) return null;
  return { number: str(view.cell('recommendations', id, 'number')) ?? '', responsibleOrganizationId: str(view.cell('recommendations', id, 'responsible_organization_id')) };
}

export interface Judged {
  table: SyncedTable;
  row: string;
  column: string;
  value: CellValue;
}

/**
 * What a change is judged against. Where the change itself names what the row belongs to (a
 * comment's section, a reply's comment), that is the one it will belong to.
 */
export function scopeOf(view: PolicyView, change: Judged, authorId: string): ChangeScope {
  const { table, row, column, value } = change;
  const after = (col: string) => (column === col ? str(value) : str(view.cell(table, row, col)));
  // Everything but the author is read only when the rule asks (most changes are the secretariat's).
  const once = <T>(read: () => T): (() => T) => {
    let done = false;
    let v: T;
    return () => {
      if (!done) {
        v = read();
        done = true;
      }
      return v;
    };
  };
  const commentOfReply = once(() => (table === 'comment_replies' ? after('comment_id') : null));
  const section = once((): ChangeScope['section'] => {
    switch (table) {
      case 'sections':
        return sectionScope(view, row);
      case 'comments':
      case 'section_recommendations':
      case 'paragraph_settlements':
        return sectionScope(view, after('section_id'));
      case 'comment_replies': {
        const commentId = commentOfReply();
        return commentId ? sectionScope(view, str(view.cell('comments', commentId, 'section_id'))) : null;
      }
      default:
        return null;
    }
  });
  const comment = once((): ChangeScope['comment'] => {
    const commentId = commentOfReply();
    if (!commentId) return null;
    const made = view.creator('comments', commentId);
    return made === null ? null : { authorId: made };
  });
  const recommendation = once((): ChangeScope['recommendation'] =>
    table === 'recommendations'
      ? recommendationScope(view, row)
      : table === 'recommendation_notes' || table === 'actions' || table === 'indicators' || table === 'evidence'
        ? recommendationScope(view, after('recommendation_id'))
        : null,
  );
  const creator = once(() => view.creator(table, row));
  const secretariat = once(() => view.hasSecretariat());
  return {
    author: view.actor(authorId),
    get hasSecretariat() {
      return secretariat();
    },
    get creator() {
      return creator();
    },
    get section() {
      return section();
    },
    get comment() {
      return comment();
    },
    get recommendation() {
      return recommendation();
    },
  };
}

/** The column naming what a row belongs to, by which the write policy scopes it. */
const OWNER_COLUMN: Partial<Record<SyncedTable, string>> = {
  comments: 'section_id',
  section_recommendations: 'section_id',
  paragraph_settlements: 'section_id',
  comment_replies: 'comment_id',
  recommendation_notes: 'recommendation_id',
  actions: 'recommendation_id',
  indicators: 'recommendation_id',
  evidence: 'recommendation_id',
};

/**
 * The policy and the report's two invariants: a change may not leave the report without a
 * secretariat member, nor put a section inside itself. Null when the change may be made.
 */
export function judge(view: PolicyView, change: Judged, authorId: string): Message | null {
  const { table, row, column, value } = change;
  // The secretariat may change everything: nothing else about the report needs reading, save for
  // the two invariants below (most changes are the secretariat's).
  const invariant = (table === 'members' && (column === 'role' || column === 'deleted')) || (table === 'sections' && column === 'parent_id');
  if (!invariant && view.actor(authorId)?.role === 'secretariat') return null;
  const denied = judgeChange(table, column, value, scopeOf(view, change, authorId));
  if (denied) return denied;
  // A row moved to another section, comment or recommendation is judged where it is as well as
  // where it goes: the new place alone would let a drafter take another ministry's note (or a
  // cluster's action, a comment...) into their own recommendation or section and change it there.
  if (OWNER_COLUMN[table] === column) {
    const now = view.cell(table, row, column);
    if (now !== undefined && now !== value) {
      const there = judgeChange(table, column, value, scopeOf(view, { ...change, column: '' }, authorId));
      if (there) return there;
    }
  }
  if (table === 'members' && (column === 'role' || column === 'deleted')) {
    const wasSecretariat = view.cell('members', row, 'role') === 'secretariat' && view.cell('members', row, 'deleted') !== 1;
    const role = column === 'role' ? value : (view.cell('members', row, 'role') ?? null);
    const deleted = column === 'deleted' ? value : (view.cell('members', row, 'deleted') ?? 0);
    if (wasSecretariat && !secretariatRemains(view, { id: row, role, deleted })) {
      return { key: 'lastSecretariat', params: { name: str(view.cell('members', row, 'name')) ?? '' } };
    }
  }
  if (table === 'sections' && column === 'parent_id' && typeof value === 'string') {
    // Up from the new parent: the section may not be among its own ancestors.
    const seen = new Set<string>();
    for (let at: string | null = value; at; at = str(view.cell('sections', at, 'parent_id'))) {
      if (at === row) return { key: 'moveInsideItself' };
      if (seen.has(at)) break;
      seen.add(at);
    }
  }
  return null;
}

/**
 * What `authorId` may do to a section's text, as the view has the report: write it, only mark
 * passages in it, or nothing; `denied` is why they may not write it (null when they may).
 */
export function judgeTextAt(view: PolicyView, sectionId: string, authorId: string): { may: 'write' | 'annotate' | 'nothing'; denied: Message | null } {
  let secretariat: boolean | undefined;
  const scope: ChangeScope = {
    author: view.actor(authorId),
    get hasSecretariat() {
      return (secretariat ??= view.hasSecretariat());
    },
    creator: null,
    section: sectionScope(view, sectionId),
    comment: null,
    recommendation: null,
  };
  const verdict = judgeText(scope);
  if (verdict === 'write') return { may: 'write', denied: null };
  const denied = denySectionText(scope.author, scope.section ?? { title: '', leadOrganizationId: null });
  return { may: verdict === 'annotate' ? 'annotate' : 'nothing', denied: denied ?? (verdict as Message) };
}

/**
 * The materialized tables, which hold the report as of now, with the earlier changes of the batch
 * being judged laid over them (a batch is judged change by change, each seeing those before it).
 */
export class CurrentView implements PolicyView {
  private readonly overlay = new Map<string, CellValue>();
  private readonly made = new Map<string, string>();
  private members: string[] | null = null;
  private membersLaid = false;

  constructor(
    private readonly db: DB,
    private readonly held: ReadonlySet<string>,
  ) {}

  /** Lays a change of the batch over the tables, for the changes after it. */
  lay(table: SyncedTable, row: string, column: string, value: CellValue, author: string): void {
    this.overlay.set(`${table}\u0000${row}\u0000${column}`, value);
    const key = `${table}\u0000${row}`;
    // A row not in its table yet is made by this change (a row's first change materializes it).
    if (!this.made.has(key) && prepared(this.db, `SELECT 1 FROM ${table} WHERE id = ?`).get(row) === undefined) this.made.set(key, author);
    if (table === 'members') {
      this.members = null;
      this.membersLaid = true;
    }
  }

  cell(table: SyncedTable, row: string, column: string): CellValue | undefined {
    const key = `${table}\u0000${row}\u0000${column}`;
    if (this.overlay.has(key)) return this.overlay.get(key);
    // Both names come from the description (SyncedTable, and a column the caller took from it).
    const found = prepared(this.db, `SELECT ${column} AS v FROM ${table} WHERE id = ?`).pluck().get(row) as CellValue | undefined;
    if (found !== undefined) return found;
    return this.made.has(`${table}\u0000${row}`) ? columnDefault(table, column) : undefined;
  }

  creator(table: SyncedTable, row: string): string | null {
    const made = this.made.get(`${table}\u0000${row}`);
    if (made !== undefined) return made;
    for (const c of prepared(this.db, 'SELECT hlc, author FROM change_log WHERE tbl = ? AND row_id = ? ORDER BY hlc').iterate(table, row) as Iterable<{ hlc: string; author: string }>) {
      if (!this.held.has(c.hlc)) return c.author;
    }
    return null;
  }

  memberIds(): readonly string[] {
    if (!this.members) {
      const ids = new Set(prepared(this.db, 'SELECT id FROM members').pluck().all() as string[]);
      for (const key of this.overlay.keys()) if (key.startsWith('members\u0000')) ids.add(key.split('\u0000')[1]!);
      this.members = [...ids];
    }
    return this.members;
  }

  actor(id: string): Actor | null {
    if (this.membersLaid) return actorOf(this, id);
    const m = prepared(this.db, 'SELECT name, role, organization_id AS organizationId, deleted FROM members WHERE id = ?').get(id) as (Actor & { deleted: number }) | undefined;
    return m && m.deleted !== 1 ? { id, name: m.name, role: m.role, organizationId: m.organizationId } : null;
  }

  hasSecretariat(): boolean {
    if (!this.membersLaid) return prepared(this.db, "SELECT 1 FROM members WHERE role = 'secretariat' AND deleted = 0 LIMIT 1").get() !== undefined;
    return secretariatRemains(this);
  }

  private report: string | null | undefined;

  reportId(): string | null {
    return (this.report ??= settingsRowId(this.db));
  }
}

interface Entry {
  hlc: string;
  value: CellValue;
}

/** Index of the last entry stamped before `at` (-1 when none). */
function before(entries: readonly { hlc: string }[], at: string): number {
  let lo = 0;
  let hi = entries.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (entries[mid]!.hlc < at) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

/**
 * The change log read as of a stamp (`at`): each cell's newest change stamped before it, skipping
 * those held back. Timelines are read once per cell and kept, so judging a run of changes in stamp
 * order reads each cell's history once.
 */
export class LogView implements PolicyView {
  at = '';
  private readonly timelines = new Map<string, Entry[]>();
  private readonly firsts = new Map<string, Array<{ hlc: string; author: string }>>();
  private members: string[] | null = null;
  private readonly cellHistory: import('better-sqlite3').Statement;
  private readonly rowHistory: import('better-sqlite3').Statement;

  constructor(
    private readonly db: DB,
    /** Stamps held back; the caller keeps it current as it judges. */
    private readonly held: ReadonlySet<string>,
  ) {
    this.cellHistory = db.prepare('SELECT hlc, value FROM change_log WHERE tbl = ? AND row_id = ? AND col = ? ORDER BY hlc');
    this.rowHistory = db.prepare('SELECT hlc, author FROM change_log WHERE tbl = ? AND row_id = ? ORDER BY hlc');
  }

  private timeline(table: string, row: string, column: string): Entry[] {
    const key = `${table}\u0000${row}\u0000${column}`;
    let entries = this.timelines.get(key);
    if (!entries) this.timelines.set(key, (entries = this.cellHistory.all(table, row, column) as Entry[]));
    return entries;
  }

  private history(table: string, row: string): Array<{ hlc: string; author: string }> {
    const key = `${table}\u0000${row}`;
    let entries = this.firsts.get(key);
    if (!entries) this.firsts.set(key, (entries = this.rowHistory.all(table, row) as Array<{ hlc: string; author: string }>));
    return entries;
  }

  /** The row's first change before `at` that is not held back. */
  private first(table: string, row: string): { hlc: string; author: string } | null {
    for (const c of this.history(table, row)) {
      if (c.hlc >= this.at) return null;
      if (!this.held.has(c.hlc)) return c;
    }
    return null;
  }

  cell(table: SyncedTable, row: string, column: string): CellValue | undefined {
    const entries = this.timeline(table, row, column);
    for (let i = before(entries, this.at); i >= 0; i--) {
      if (!this.held.has(entries[i]!.hlc)) return entries[i]!.value;
    }
    return this.first(table, row) ? columnDefault(table, column) : undefined;
  }

  creator(table: SyncedTable, row: string): string | null {
    return this.first(table, row)?.author ?? null;
  }

  memberIds(): readonly string[] {
    this.members ??= this.db.prepare("SELECT DISTINCT row_id FROM change_log WHERE tbl = 'members'").pluck().all() as string[];
    return this.members;
  }

  private report: string | null | undefined;

  reportId(): string | null {
    return (this.report ??= settingsRowId(this.db));
  }

  /** Members as read at some stamp, kept while none of their cells changes (see nextChange). */
  private readonly actors = new Map<string, { from: string; until: string | null; actor: Actor | null }>();

  actor(id: string): Actor | null {
    const known = this.actors.get(id);
    if (known && this.at >= known.from && (known.until === null || this.at <= known.until)) return known.actor;
    const actor = actorOf(this, id);
    const cells: Array<[string, string, string]> = ['role', 'deleted', 'name', 'organization_id'].map((c) => ['members', id, c]);
    // The member row's first change decides whether the row exists (and so its defaults).
    const first = this.history('members', id).find((c) => !this.held.has(c.hlc));
    const next = this.nextChange(cells);
    const until = first && first.hlc >= this.at && (next === null || first.hlc < next) ? first.hlc : next;
    this.actors.set(id, { from: this.at, until, actor });
    return actor;
  }

  /** Kept from `from` until the next change to a member's role or removal. */
  private secretariat: { from: string; until: string | null; value: boolean } | null = null;

  hasSecretariat(): boolean {
    const known = this.secretariat;
    if (known && this.at >= known.from && (known.until === null || this.at <= known.until)) return known.value;
    const value = secretariatRemains(this);
    const cells = this.memberIds().flatMap((id): Array<[string, string, string]> => [['members', id, 'role'], ['members', id, 'deleted']]);
    this.secretariat = { from: this.at, until: this.nextChange(cells), value };
    return value;
  }

  /**
   * The first stamp from `at` on at which any of these cells changes, or null: what was read of
   * them at `at` (changes stamped before it) holds for every stamp up to and including that one.
   */
  nextChange(cells: ReadonlyArray<[string, string, string]>): string | null {
    let next: string | null = null;
    for (const [t, r, c] of cells) {
      const entries = this.timeline(t, r, c);
      const i = before(entries, this.at) + 1;
      if (i < entries.length && (next === null || entries[i]!.hlc < next)) next = entries[i]!.hlc;
    }
    return next;
  }
}
