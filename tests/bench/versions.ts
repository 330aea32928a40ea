// 12–13. Versions and history on the large generated report (issue 14).
// 12: comparing two versions of the whole report with 30% of its paragraphs changed in between.
//     The edits are made straight on each section's Yjs document (a word inserted in the first text
//     run of every third-and-a-bit paragraph, and stored as one update per section), untimed; the
//     versions are saved through saveVersion. Timed: compareVersions (each section's document
//     rebuilt from its updates, both versions' paragraphs read through their snapshots, aligned and
//     marked word by word). Baseline: the same paragraphs, already as strings, through the same
//     jsdiff calls: the floor of the diff itself.
//     Measured once in `before` (untimed), for the note: the file's size with ten versions saved
//     against without (VACUUMed both), and what the same ten versions would weigh as full states.
// 13: the history of a section with 5,000 stored updates (three people typing in sessions an hour
//     apart). Timed: readHistory for that section (records and text sessions, characters counted
//     from each update). Baseline: SELECT of the same 5,000 rows' bytes.
import fs from 'node:fs';
import Database from 'better-sqlite3';
import { diffArrays, diffWordsWithSpace } from 'diff';
import * as Y from 'yjs';
import { textUpdates } from '../../electron/docs/section-text.js';
import { historyDoc, paragraphsAt } from '../../electron/docs/version-text.js';
import { readHistory } from '../../electron/services/history.js';
import { compareVersions, saveVersion } from '../../electron/services/versions.js';
import { OpenReport } from '../../electron/store/open-report.js';
import { listSections } from '../../electron/store/queries.js';
import type { Benchmark, BenchEnv } from './benchmarks.js';

/** Paragraphs changed between the two versions: one in this many... roughly 30%. */
const SHARE = 0.3;
const VERSIONS_FOR_SIZE = 10;
const HISTORY_UPDATES = 5_000;

/** Inserts a word into `share` of the paragraphs of a section's document; returns the update, or null when none was changed. */
function changeParagraphs(state: Uint8Array, share: number, seed: number): { update: Uint8Array | null; changed: number; total: number } {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, state);
  const before = Y.encodeStateVector(doc);
  const root = doc.get('root', Y.XmlText);
  const paragraphs: Y.XmlText[] = [];
  const walk = (t: Y.XmlText) => {
    for (const d of t.toDelta() as Array<{ insert: unknown }>) {
      if (!(d.insert instanceof Y.XmlText)) continue;
      const type = d.insert.getAttribute('__type');
      if (type === 'paragraph' || type === 'heading' || type === 'listitem') paragraphs.push(d.insert);
      else walk(d.insert);
    }
  };
  walk(root);
  let changed = 0;
  doc.transact(() => {
    paragraphs.forEach((p, i) => {
      // Every paragraph whose place falls in the share (spread evenly, shifted per section).
      if (Math.floor((i + seed) * share) === Math.floor((i + seed - 1) * share)) return;
      const delta = p.toDelta() as Array<{ insert: unknown }>;
      let at = 0;
      for (const d of delta) {
        if (typeof d.insert === 'string') {
          p.insert(at + Math.min(d.insert.length, 3), ' revised');
          changed++;
          return;
        }
        at += 1;
      }
    });
  });
  const update = changed ? Y.encodeStateAsUpdate(doc, before) : null;
  doc.destroy();
  return { update, changed, total: paragraphs.length };
}

export function versionsBenchmarks(env: BenchEnv): Benchmark[] {
  let file = '';
  let from = '';
  let to = '';
  let strings: Array<[string[], string[]]> = [];
  const facts = { paragraphs: 0, changed: 0, sections: 0, plainMb: 0, withMb: 0, fullStatesMb: 0, saveMs: 0, fullStateMs: 0 };
  const compare: Benchmark = {
    id: '12',
    name: 'compare two versions, 30% of paragraphs changed',
    get note() {
      return (
        `compareVersions over the whole report (${facts.sections} sections, ${facts.paragraphs.toLocaleString('en')} paragraphs, ${facts.changed.toLocaleString('en')} of them changed between the versions): ` +
        'each section\'s Yjs document rebuilt from its stored updates (nothing garbage-collected), both versions\' paragraphs read through their snapshots, aligned (diffArrays) and the changed ones marked word by word (diffWordsWithSpace). ' +
        `Baseline: the same paragraphs, already strings, through the same jsdiff calls. Keeping versions: the file is ${facts.plainMb.toFixed(1)} MB without versions and ${facts.withMb.toFixed(1)} MB with ${VERSIONS_FOR_SIZE} ` +
        `(${(facts.withMb / facts.plainMb).toFixed(3)}×, both VACUUMed); the same ${VERSIONS_FOR_SIZE} versions as full Yjs states would add ${facts.fullStatesMb.toFixed(1)} MB. Saving one version (snapshots): ${facts.saveMs.toFixed(0)} ms; encoding the full states instead: ${facts.fullStateMs.toFixed(0)} ms.`
      );
    },
    target: { stat: 'p95', ms: 500 },
    plan: env.quick ? { warmup: 1, runs: 3 } : { warmup: 2, runs: 15 },
    baselineName: 'jsdiff on strings',
    before: () => {
      file = env.copy();
      const plainCopy = env.copy();
      const report = OpenReport.open(file);
      try {
        const author = env.report.secretariatId;
        from = saveVersion(report, author, 'named', 'Before the changes').id;
        const sections = listSections(report.db);
        facts.sections = sections.length;
        const stored = report.db.prepare('INSERT INTO section_updates (section_id, data, replica, author, created_at, hlc, folded) VALUES (?, ?, ?, ?, ?, ?, 0)');
        report.db.transaction(() => {
          sections.forEach((s, i) => {
            const edit = changeParagraphs(Y.mergeUpdates(textUpdates(report.db, s.id)), SHARE, i);
            facts.paragraphs += edit.total;
            facts.changed += edit.changed;
            if (edit.update) stored.run(s.id, edit.update, report.replica, author, new Date().toISOString(), report.clock.tick());
          });
        })();
        const t0 = performance.now();
        to = saveVersion(report, author, 'named', 'After the changes').id;
        facts.saveMs = performance.now() - t0;
        // The paragraphs as strings, for the baseline.
        strings = sections.map((s) => {
          const doc = historyDoc(textUpdates(report.db, s.id));
          const kept = JSON.parse(report.db.prepare('SELECT state FROM versions WHERE id = ?').pluck().get(from) as string) as { sections: Array<{ id: string; snapshot: string }> };
          const snap = Y.decodeSnapshotV2(new Uint8Array(Buffer.from(kept.sections.find((k) => k.id === s.id)!.snapshot, 'base64')));
          const pair: [string[], string[]] = [paragraphsAt(doc, snap), paragraphsAt(doc)];
          doc.destroy();
          return pair;
        });
        // What full states would cost instead of snapshots (for the note).
        const t1 = performance.now();
        let fullBytes = 0;
        for (const s of sections) fullBytes += Y.mergeUpdates(textUpdates(report.db, s.id)).length;
        facts.fullStateMs = performance.now() - t1;
        facts.fullStatesMb = (fullBytes * VERSIONS_FOR_SIZE) / 1e6;
        for (let k = 2; k < VERSIONS_FOR_SIZE; k++) saveVersion(report, author, 'named', `Version ${k + 1}`);
      } finally {
        report.close();
      }
      const vacuumed = (f: string) => {
        const db = new Database(f);
        db.exec('VACUUM');
        db.close();
        return fs.statSync(f).size / 1e6;
      };
      facts.plainMb = vacuumed(plainCopy);
      env.discard(plainCopy);
      facts.withMb = vacuumed(file);
      const check = compareVersions(new Database(file, { readonly: true }) as never, from, to);
      if (check.totals.sectionsChanged === 0) throw new Error('The two versions compare the same: the changes did not land.');
    },
    after: () => {
      if (file) env.discard(file);
    },
    run: {
      setup: () => ({ db: new Database(file, { readonly: true }) }),
      run: (state: unknown) => {
        const { db } = state as { db: Database.Database };
        const cmp = compareVersions(db as never, from, to);
        if (cmp.totals.wordsInserted === 0) throw new Error('Nothing inserted between the versions.');
      },
      teardown: (state: unknown) => (state as { db: Database.Database }).db.close(),
    },
    baseline: {
      run: () => {
        for (const [a, b] of strings) {
          for (const run of diffArrays(a, b)) if (run.added || run.removed) for (const p of run.value) diffWordsWithSpace(p, p);
          for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) diffWordsWithSpace(a[i]!, b[i]!, { timeout: 200 });
        }
      },
    },
  };

  let historyFile = '';
  let sectionId = '';
  const history: Benchmark = {
    id: '13',
    name: `history of a section with ${HISTORY_UPDATES.toLocaleString('en')} stored updates`,
    note:
      `readHistory of one section whose text has ${HISTORY_UPDATES.toLocaleString('en')} stored updates (three people typing, in sessions an hour apart), with its records: ` +
      'the change log\'s rows of the section, its comments and links, grouped; the updates grouped into editing sessions, the characters typed and deleted counted from each. ' +
      `Baseline: SELECT of the same ${HISTORY_UPDATES.toLocaleString('en')} rows' bytes.`,
    target: { stat: 'p95', ms: 200 },
    plan: env.quick ? { warmup: 1, runs: 3 } : { warmup: 2, runs: 20 },
    baselineName: `SELECT ${HISTORY_UPDATES} rows`,
    before: () => {
      historyFile = env.copy();
      const db = new Database(historyFile);
      sectionId = env.report.bigSection.id;
      const members = db.prepare("SELECT id FROM members WHERE role IN ('drafter', 'secretariat') LIMIT 3").pluck().all() as string[];
      const doc = new Y.Doc();
      Y.applyUpdate(doc, Y.mergeUpdates(textUpdates(db as never, sectionId)));
      const paragraph = (doc.get('root', Y.XmlText).toDelta() as Array<{ insert: unknown }>).map((d) => d.insert).find((x): x is Y.XmlText => x instanceof Y.XmlText)!;
      const updates: Uint8Array[] = [];
      doc.on('update', (u: Uint8Array) => updates.push(u));
      for (let k = 0; k < HISTORY_UPDATES; k++) {
        if (k % 7 === 6) paragraph.delete(1, 1);
        else paragraph.insert(1, 'x');
      }
      doc.destroy();
      const insert = db.prepare('INSERT INTO section_updates (section_id, data, replica, author, created_at, hlc, folded) VALUES (?, ?, ?, ?, ?, ?, 0)');
      // After everything else in the file, so the sessions are the newest entries of its history.
      const newest = Math.max(Date.parse((db.prepare('SELECT max(hlc) FROM change_log').pluck().get() as string).slice(0, 24)), Date.parse((db.prepare('SELECT max(hlc) FROM section_updates').pluck().get() as string).slice(0, 24)));
      const start = newest + 86_400_000;
      db.transaction(() => {
        updates.forEach((u, k) => {
          // 50 sessions of 100 updates, an hour apart, one of three people each.
          const at = new Date(start + Math.floor(k / 100) * 3_600_000 + (k % 100) * 2_000).toISOString();
          insert.run(sectionId, u, `bench${String(Math.floor(k / 100)).padStart(12, '0')}`, members[Math.floor(k / 100) % members.length]!, at, `${at}-0000-${String(k).padStart(16, '0')}`);
        });
      })();
      db.close();
    },
    after: () => {
      if (historyFile) env.discard(historyFile);
    },
    run: {
      // Writable, as the app's is: naming a comment may refresh the text cache first.
      setup: () => ({ db: new Database(historyFile) }),
      run: (state: unknown) => {
        const page = readHistory((state as { db: Database.Database }).db as never, { sectionId });
        if (!page.entries.some((e) => e.kind === 'text' && e.saves >= 100)) throw new Error('The sessions typed were not found.');
      },
      teardown: (state: unknown) => (state as { db: Database.Database }).db.close(),
    },
    baseline: {
      setup: () => ({ db: new Database(historyFile, { readonly: true }) }),
      run: (state: unknown) => {
        (state as { db: Database.Database }).db.prepare('SELECT data FROM section_updates WHERE section_id = ?').all(sectionId);
      },
      teardown: (state: unknown) => (state as { db: Database.Database }).db.close(),
    },
  };
  return [compare, history];
}
