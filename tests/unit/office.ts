// Acting in a report file as one of its members, as an office does in its own copy: the service
// context, a section found by the start of its title, and typing a paragraph at the end of one
// (headless, stored as the editor stores it). Used by the merge tests and the sharing e2e test.
import { $createParagraphNode, $createTextNode, $getRoot } from 'lexical';
import { editSection } from '../../electron/docs/headless.js';
import { textUpdates } from '../../electron/docs/section-text.js';
import { writeText } from '../../electron/sync/text-log.js';
import { OpenReport } from '../../electron/store/open-report.js';
import { writeClosedCopy } from '../../electron/sync/copy.js';
import { getMember, listSections } from '../../electron/store/queries.js';
import Database from 'better-sqlite3';
import type { DB } from '../../electron/store/open.js';
import { currentKeyStore, Signer, type SignedChange } from '../../electron/sync/signing.js';

/** Opens `file` to act in it as the member named `who`, or as its secretariat. */
export function actIn(file: string, who?: string) {
  const report = OpenReport.open(file);
  const id = (
    who === undefined
      ? report.db.prepare("SELECT id FROM members WHERE role = 'secretariat' LIMIT 1").pluck().get()
      : report.db.prepare('SELECT id FROM members WHERE name = ?').pluck().get(who)
  ) as string;
  const me = getMember(report.db, id)!;
  const section = (title: string) => listSections(report.db).find((s) => s.title.startsWith(title))!;
  const type = (title: string, words: string) => {
    const s = section(title);
    const update = editSection(textUpdates(report.db, s.id), () => {
      $getRoot().append($createParagraphNode().append($createTextNode(words)));
    });
    writeText(report, s.id, update, me.id, 'edit');
  };
  return { report, me, ctx: { report, me }, section, type };
}

/** A closed copy of `from` written at `to`, as Send a copy writes one; its path. */
export function sendCopyOf(from: string, to: string): string {
  const r = OpenReport.open(from);
  try {
    return writeClosedCopy(r.db, to).path;
  } finally {
    r.close();
  }
}

/**
 * Signs rows written into a file by hand as their author's own app would have: with the author's
 * key on this machine (the key store in use) (recorded in the file first when it is not), so that what is judged is what
 * the author did, not that someone else wrote it. The rows are already in the file.
 */
export function signAsAuthor(file: string, author: string, what: { changes?: string[]; text?: string }): void {
  const db = new Database(file);
  try {
    const signer = new Signer(db as unknown as DB, currentKeyStore());
    const key = signer.keyFor(author);
    const intro = signer.keyRecord(key, false);
    if (intro.length) {
      const replica = 'f0000000000000fe';
      const base = Date.parse('2000-01-01T00:00:00.000Z');
      const rows = intro.map((c, i) => ({ hlc: `${new Date(base).toISOString()}-${i.toString(16).padStart(4, '0')}-${replica}`, replica, author, tbl: c.table, row_id: c.row, col: c.column, value: c.value, prev_hlc: null }));
      const put = db.prepare('INSERT INTO change_log (hlc, replica, author, tbl, row_id, col, value, prev_hlc) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
      for (const r of rows) put.run(r.hlc, r.replica, r.author, r.tbl, r.row_id, r.col, r.value, r.prev_hlc);
      signer.signChanges(key, rows);
    }
    for (const hlc of what.changes ?? []) {
      const row = db.prepare('SELECT hlc, replica, author, tbl, row_id, col, value, prev_hlc FROM change_log WHERE hlc = ?').get(hlc) as SignedChange;
      signer.signChanges(key, [row]);
    }
    if (what.text) {
      const row = db.prepare('SELECT hlc, section_id AS sectionId, replica, author, data FROM section_updates WHERE hlc = ?').get(what.text) as { hlc: string; sectionId: string; replica: string; author: string; data: Uint8Array };
      signer.signText(key, row);
    }
    signer.seal();
  } finally {
    db.close();
  }
}
