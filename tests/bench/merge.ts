// 10. Merging a copy another office worked on: the large generated report takes a copy carrying
// 100,000 change-log rows it lacks (10,000 consultation inputs registered, ten fields each) and
// 10,000 typed text edits across 20 sections (500 keystrokes each, one stored Yjs update per
// keystroke), through mergeCopy: the checks, the backup, and the one transaction. The copy is made
// once, untimed. Baseline in the same run: the same 100,000 rows inserted with plain better-sqlite3
// in one transaction into a fresh table of change_log's shape (its primary key and cell index).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import * as Y from 'yjs';
import { readSectionText, textState } from '../../electron/docs/section-text.js';
import { OpenReport } from '../../electron/store/open-report.js';
import { listSections } from '../../electron/store/queries.js';
import type { Change, LoggedChange } from '../../electron/sync/changes.js';
import { mergeCopy } from '../../electron/sync/merge.js';
import { Clock } from '../../electron/sync/hlc.js';
import { currentKeyStore, Signer } from '../../electron/sync/signing.js';
import type { DB } from '../../electron/store/open.js';
import type { Benchmark, BenchEnv } from './benchmarks.js';

/** The copy's size: 10,000 inputs (100,000 rows) and 500 keystrokes in each of 20 sections; a tenth and a fifth of that with --quick (the run only has to work). */
const FULL = { inputs: 10_000, keystrokes: 500 };
const QUICK = { inputs: 1_000, keystrokes: 100 };
const SECTIONS = 20;
const TYPED = ' merged';

/** `count` inputs, ten fields each: 100,000 changes for 10,000. */
function inputChanges(count: number): Change[] {
  const changes: Change[] = [];
  for (let i = 0; i < count; i++) {
    const row = `bench-merge-input-${i}`;
    const cell = (column: string, value: string | number) => changes.push({ table: 'inputs', row, column, value });
    cell('title', `Submission ${i} from the regional consultation`);
    cell('received_on', '2026-10-01');
    cell('channel', 'written_submission');
    cell('summary', `Summary of submission ${i}: access to justice and legal aid in rural districts.`);
    cell('full_text', `Full text of submission ${i}. `.repeat(8));
    cell('themes', '["justice"]');
    cell('disposition', 'reflected');
    cell('rationale', '');
    cell('created_at', '2026-10-01T09:00:00.000Z');
    cell('deleted', 0);
  }
  return changes;
}

/**
 * Types `count` keystrokes into the first paragraph of a section's text, straight on its Yjs
 * document (as Lexical's binding would store them: characters inserted inside a text run), and
 * returns one update per keystroke. Going through a headless editor per key would take minutes.
 */
function keystrokes(state: Uint8Array, count: number): Uint8Array[] {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, state);
  const root = doc.get('root', Y.XmlText);
  const paragraph = (root.toDelta() as Array<{ insert: unknown }>).map((d) => d.insert).find((x): x is Y.XmlText => x instanceof Y.XmlText && x.toDelta().some((d: { insert: unknown }) => typeof d.insert === 'string'));
  if (!paragraph) throw new Error('A section to type in has no paragraph with text.');
  // Just after the first character of the paragraph's first text run.
  let at = 0;
  for (const d of paragraph.toDelta() as Array<{ insert: unknown }>) {
    if (typeof d.insert === 'string') break;
    at += 1;
  }
  at += 1;
  const updates: Uint8Array[] = [];
  doc.on('update', (u: Uint8Array) => updates.push(u));
  for (let k = 0; k < count; k++) paragraph.insert(at + k, TYPED[k % TYPED.length]!);
  doc.destroy();
  return updates;
}

/**
 * 10 (and 10s, `signing`): 10s times the same merge against itself with the receiving report's
 * signature checks off, as merging was before signing: the cost of checking signatures.
 */
export function mergeBenchmark(env: BenchEnv, signing = false): Benchmark {
  const { inputs: INPUTS, keystrokes: KEYSTROKES } = env.quick ? QUICK : FULL;
  /** The merge, timed, into a fresh copy of the large report; `checked`: with its signature checks. */
  const merging = (checked: boolean) => ({
    setup: () => {
      const file = env.copy();
      const report = OpenReport.open(file);
      // As merging was before signing: the receiving report judges no signatures.
      if (!checked) (report.log as { signer: unknown }).signer = null;
      return { file, report };
    },
    run: (state: unknown) => {
      const { report } = state as { report: OpenReport };
      const summary = mergeCopy(report, other, { backupDir: path.join(dir, 'backups') });
      if (summary.rows !== rows.length || summary.texts !== SECTIONS || summary.held.length) {
        throw new Error(`Merged ${summary.rows} rows and ${summary.texts} texts, held back ${summary.held.length}.`);
      }
      facts.rows = summary.rows;
      facts.texts = summary.texts;
    },
    teardown: (state: unknown) => {
      const { file, report } = state as { file: string; report: OpenReport };
      report.close();
      env.discard(file);
      fs.rmSync(path.join(dir, 'backups'), { recursive: true, force: true });
    },
  });
  let dir = '';
  let other = '';
  let rows: LoggedChange[] = [];
  let shape: string[] = [];
  const facts = { rows: 0, texts: 0, otherMb: 0 };
  return {
    id: signing ? '10s' : '10',
    name: signing ? 'Merge a copy, signatures checked against not checked' : `Merge a copy: ${(INPUTS * 10).toLocaleString('en')} change-log rows, ${(SECTIONS * KEYSTROKES).toLocaleString('en')} text edits`,
    get note() {
      if (signing) {
        return (
          `Figure 10's merge (${facts.rows.toLocaleString('en')} change-log rows in one signed batch, ${(SECTIONS * KEYSTROKES).toLocaleString('en')} text updates each signed), every signature checked. ` +
          'Baseline: the same merge with the receiving report\'s signature checks off, as merging was before signing.'
        );
      }
      return (
        `mergeCopy of another office's copy (${facts.otherMb.toFixed(1)} MB) into a fresh copy of the large report: checks (quick_check of the tables the merge reads from the copy: its log, text updates, people, attachments), ` +
        `backup (the checkpointed file copied), then in one transaction ${facts.rows.toLocaleString('en')} change-log rows through applyLoggedChanges and the Yjs text of ${facts.texts} sections ` +
        `(${(SECTIONS * KEYSTROKES).toLocaleString('en')} stored keystroke updates). Target also: within 4× the baseline (the table prints one condition; see the ratio). ` +
        'Baseline: the same 100,000 rows INSERTed with plain better-sqlite3 in one transaction into a fresh table of change_log\'s shape.'
      );
    },
    target: signing ? null : { stat: 'median', ms: 1500 },
    plan: env.quick ? { warmup: 0, runs: 2 } : { warmup: 1, runs: signing ? 3 : 5 },
    baselineName: signing ? 'merge, signatures not checked' : 'plain INSERTs, 1 transaction',
    before: () => {
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'upr-bench-merge-'));
      other = env.copy();
      const report = OpenReport.open(other);
      const author = report.db.prepare("SELECT id FROM members WHERE role = 'secretariat' LIMIT 1").pluck().get() as string;
      const since = report.db.prepare('SELECT max(hlc) FROM change_log').pluck().get() as string;
      report.write(author, inputChanges(INPUTS));
      rows = report.db.prepare('SELECT hlc, replica, author, tbl, row_id, col, value, prev_hlc FROM change_log WHERE hlc > ? ORDER BY hlc').all(since) as LoggedChange[];
      shape = [
        (report.db.prepare("SELECT sql FROM sqlite_master WHERE name = 'change_log'").pluck().get() as string).replace('change_log', 'plain_log'),
        (report.db.prepare("SELECT sql FROM sqlite_master WHERE name = 'change_log_cell'").pluck().get() as string)
          .replace('change_log_cell', 'plain_log_cell')
          .replace(/ON change_log\b/, 'ON plain_log'),
      ];
      const sections = listSections(report.db).slice(0, SECTIONS);
      const replica = report.replica;
      report.close();
      if (sections.length < SECTIONS) throw new Error(`The generated report has ${sections.length} sections; the bench types in ${SECTIONS}.`);
      // The keystrokes go in after closing, which folds each section's updates into one: the copy
      // keeps all 10,000, as one sent mid-session would.
      const db = new Database(other, { fileMustExist: true });
      // Each keystroke stamped by the session's clock, as the text write path stores typing.
      const clock = new Clock(replica);
      clock.observe(db.prepare('SELECT max(hlc) FROM change_log').pluck().get() as string);
      const append = db.prepare('INSERT INTO section_updates (section_id, data, replica, author, created_at, hlc, folded) VALUES (?, ?, ?, ?, ?, ?, 0)');
      // Each signed by its author, as the text write path signs typing (their key is this process's).
      const signer = new Signer(db as unknown as DB, currentKeyStore());
      const key = signer.keyFor(author);
      db.transaction(() => {
        for (const s of sections) {
          for (const u of keystrokes(textState(db, s.id), KEYSTROKES)) {
            const hlc = clock.tick();
            append.run(s.id, u, replica, author, new Date().toISOString(), hlc);
            signer.signText(key, { hlc, sectionId: s.id, replica, author, data: u });
          }
        }
      })();
      signer.seal();
      // The typing reads back as text, or the figure would time a merge of nonsense.
      const plain = readSectionText(db, sections[0]!.id).plain;
      const stored = db.prepare('SELECT count(*) FROM section_updates').pluck().get() as number;
      db.close();
      if (!plain.includes(TYPED.repeat(10).trim())) throw new Error('The typed keystrokes do not read back as text.');
      if (stored < SECTIONS * KEYSTROKES) throw new Error(`The copy stores ${stored} text updates.`);
      // The inputs' rows, and the author's signing key where this is their first act on this machine.
      const inputRows = rows.filter((r) => r.tbl === 'inputs').length;
      if (inputRows !== INPUTS * 10 || rows.length - inputRows > 4) throw new Error(`The copy carries ${rows.length} new change-log rows (${inputRows} of inputs), expected ${INPUTS * 10}.`);
      facts.otherMb = fs.statSync(other).size / 1e6;
    },
    after: () => {
      if (other) env.discard(other);
      if (dir) fs.rmSync(dir, { recursive: true, force: true });
    },
    run: merging(true),
    baseline: signing ? merging(false) : {
      setup: () => {
        const file = env.copy();
        const db = new Database(file, { fileMustExist: true });
        for (const sql of shape) db.exec(sql);
        return { file, db };
      },
      run: (state: unknown) => {
        const { db } = state as { db: Database.Database };
        const insert = db.prepare('INSERT INTO plain_log (hlc, replica, author, tbl, row_id, col, value, prev_hlc) VALUES (@hlc, @replica, @author, @tbl, @row_id, @col, @value, @prev_hlc)');
        db.transaction(() => {
          for (const r of rows) insert.run(r);
        })();
      },
      teardown: (state: unknown) => {
        const { file, db } = state as { file: string; db: Database.Database };
        db.close();
        env.discard(file);
      },
    },
  };
}
