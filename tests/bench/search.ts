// 8. The search box over the whole report: 100 queries drawn from the report's own text (single
// words, two-word phrases, prefixes being typed, recommendation numbers), each timed alone through
// searchReport (index brought current, bm25 per kind, snippets, titles). Baseline: the same queries
// as LIKE '%...%' over the same columns, first 11 rows per kind, no ranking and no snippets.
import { performance } from 'node:perf_hooks';
import { SEARCH_KINDS } from '../../shared/api.js';
import { bringSearchIndexCurrent, rebuildSearchIndex } from '../../electron/search/indexer.js';
import { parseQuery } from '../../electron/search/query.js';
import { searchReport } from '../../electron/search/search.js';
import { findAll } from '../../electron/services/find-replace.js';
import type { ServiceContext } from '../../electron/services/context.js';
import { getMember } from '../../electron/store/queries.js';
import { textUpdates } from '../../electron/docs/section-text.js';
import { writeText } from '../../electron/sync/text-log.js';
import { editSection } from '../../electron/docs/headless.js';
import { OpenReport } from '../../electron/store/open-report.js';
import { $createParagraphNode, $createTextNode, $getRoot } from 'lexical';
import type { Benchmark, BenchEnv } from './benchmarks.js';
import type { Trial } from './measure.js';
import { Prng } from './prose.js';

/** The plan of searchQueries: 40 + 30 + 25 + 5. */
const QUERIES = 100;
const LIMIT = 10;
/** Words nobody searches for alone. */
const STOP = new Set(['with', 'that', 'this', 'from', 'which', 'have', 'were', 'their', 'into', 'also', 'been', 'more', 'than', 'there', 'these', 'other', 'such', 'most']);

type Db = OpenReport['db'];

/**
 * The queries, from the indexed texts: a kind picked evenly, then a document of it, then a place in
 * its text. 40 single words, 30 two-word phrases (quoted), 25 prefixes of 3 to 5 letters (a word
 * being typed), 5 recommendation numbers, in a shuffled order. Deterministic for a given report.
 */
export function searchQueries(db: Db, seed = 8): string[] {
  const rng = new Prng(seed);
  const texts = (sql: string) => (db.prepare(sql).all() as Array<{ t: string }>).map((r) => r.t).filter((t) => t.trim() !== '');
  const byKind = [
    texts('SELECT plain AS t FROM section_text'),
    texts('SELECT text AS t FROM recommendations WHERE deleted = 0'),
    texts("SELECT summary || ' ' || full_text AS t FROM inputs WHERE deleted = 0"),
    texts("SELECT body || ' ' || proposed AS t FROM comments WHERE deleted = 0"),
  ].filter((k) => k.length > 0);
  const numbers = texts('SELECT number AS t FROM recommendations WHERE deleted = 0');
  const isWord = (w: string | undefined): w is string => !!w && /^\p{L}{4,}$/u.test(w) && !STOP.has(w.toLowerCase());
  const place = (): [string, string | undefined] => {
    for (;;) {
      const words = rng.pick(rng.pick(byKind)).split(/[\s,.;:()“”"]+/);
      const i = rng.int(0, words.length - 1);
      if (isWord(words[i])) return [words[i]!, words[i + 1]];
    }
  };
  const make = {
    // A finished word: the space after it says so.
    word: () => `${place()[0]} `,
    phrase: () => {
      for (;;) {
        const [a, b] = place();
        if (isWord(b)) return `"${a} ${b}"`;
      }
    },
    prefix: () => {
      for (;;) {
        const [a] = place();
        if (a.length >= 6) return a.slice(0, rng.int(3, 5));
      }
    },
    number: () => (numbers.length ? rng.pick(numbers) : `${place()[0]} `),
  };
  const plan = [...Array<'word'>(40).fill('word'), ...Array<'phrase'>(30).fill('phrase'), ...Array<'prefix'>(25).fill('prefix'), ...Array<'number'>(5).fill('number')];
  for (let i = plan.length - 1; i > 0; i--) {
    const j = rng.int(0, i);
    [plan[i], plan[j]] = [plan[j]!, plan[i]!];
  }
  return plan.map((kind) => make[kind]());
}

/** The baseline: each kind's text columns scanned with LIKE for every term, the first 11 rows. */
function likeSearch(db: Db, query: string): number {
  const terms = parseQuery(query).map((t) => `%${t.text.replace(/[%_\\]/g, (c) => `\\${c}`)}%`);
  if (terms.length === 0) return 0;
  const all = (columns: string[]) => terms.map(() => `(${columns.map((c) => `${c} LIKE ? ESCAPE '\\'`).join(' OR ')})`).join(' AND ');
  const args = (columns: string[]) => terms.flatMap((t) => Array<string>(columns.length).fill(t));
  const replies = "(SELECT group_concat(body, ' ') FROM comment_replies r WHERE r.comment_id = c.id AND r.deleted = 0)";
  const kinds: Array<[string, string[]]> = [
    ['SELECT s.id FROM sections s JOIN section_text t ON t.section_id = s.id WHERE s.deleted = 0', ['s.title', 't.plain']],
    ['SELECT id FROM recommendations WHERE deleted = 0', ['number', 'text', 'states', 'cluster', 'themes']],
    ['SELECT id FROM inputs WHERE deleted = 0', ['title', 'summary', 'full_text', 'themes']],
    ['SELECT id FROM comments c WHERE deleted = 0', ['c.body', 'c.proposed', 'c.quote', replies]],
  ];
  const sqls = kinds.map(([select, columns]) => [`${select} AND ${all(columns)} LIMIT 11`, columns] as const);
  let found = 0;
  for (const [sql, columns] of sqls) found += db.prepare(sql).all(...args(columns)).length;
  return found;
}

export function searchBenchmark(env: BenchEnv): Benchmark {
  let file = '';
  let report: OpenReport | null = null;
  let queries: string[] = [];
  let next = 0;
  let baselineNext = 0;
  const facts = { rebuildMs: NaN, documents: 0, indexBytes: 0, afterEditMs: NaN };
  const run: Trial<string> = {
    setup: () => queries[next++ % queries.length]!,
    run: (q) => {
      const found = searchReport(report!.db, q, { limit: LIMIT });
      // Every query comes from the report's text, so it finds at least where it came from.
      if (!found.groups.some((g) => g.hits.length > 0)) throw new Error(`The search for ${q} found nothing.`);
    },
  };
  const baseline: Trial<string> = {
    setup: () => queries[baselineNext++ % queries.length]!,
    run: (q) => {
      likeSearch(report!.db, q);
    },
  };
  const mb = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;
  return {
    id: '8',
    name: `Search the report, ${QUERIES} queries`,
    get note() {
      return (
        `searchReport(db, q, {limit: ${LIMIT}}) for each of ${QUERIES} queries drawn from the report's own text (40 words, 30 quoted ` +
        'two-word phrases, 25 prefixes of 3-5 letters, 5 recommendation numbers), one query per run: index brought current (nothing to do), ' +
        `FTS5 MATCH per kind (${SEARCH_KINDS.join(', ')}) ranked by bm25, snippets, outline labels and comment numbers. ` +
        `The index: ${facts.documents.toLocaleString('en')} documents, ${mb(facts.indexBytes)}, rebuilt from the tables in ${Math.round(facts.rebuildMs)} ms; ` +
        `a search right after an edit of the 5,000-word section took ${facts.afterEditMs.toFixed(1)} ms (median of 5: its text read again headless, its document replaced). ` +
        "Baseline: the same queries as LIKE '%term%' (every term, any text column) over the same tables, first 11 rows per kind, no ranking, no snippets, no diacritics folding."
      );
    },
    target: { stat: 'p95', ms: 20 },
    plan: { warmup: 10, runs: QUERIES },
    before: () => {
      file = env.copy();
      report = OpenReport.open(file);
      const db = report.db;
      const started = performance.now();
      facts.documents = rebuildSearchIndex(db);
      facts.rebuildMs = performance.now() - started;
      facts.indexBytes = indexBytes(db);
      facts.afterEditMs = searchAfterEdit(report);
      queries = searchQueries(db);
      next = baselineNext = 0;
    },
    after: () => {
      report?.close();
      report = null;
      env.discard(file);
    },
    run,
    baselineName: "LIKE '%term%'",
    baseline,
  };
}

/** Bytes of the index and its bookkeeping (dbstat when SQLite has it, else 0). */
function indexBytes(db: Db): number {
  try {
    return (db.prepare("SELECT sum(pgsize) AS n FROM dbstat WHERE name LIKE 'search%'").get() as { n: number }).n;
  } catch {
    return 0;
  }
}

/**
 * A paragraph appended to the longest section, then one search: what keeping current costs after
 * typing (the section's text read again headless, its document replaced). Median of 5 after one
 * untimed round (the first headless read of a process is cold).
 */
function searchAfterEdit(report: OpenReport): number {
  const db = report.db;
  const longest = (db.prepare('SELECT section_id AS id FROM section_text ORDER BY words DESC LIMIT 1').get() as { id: string }).id;
  const times: number[] = [];
  for (let i = 0; i < 6; i++) {
    const word = `Zanzibar${'abcdef'[i]}`;
    const update = editSection(textUpdates(db, longest), () => {
      $getRoot().append($createParagraphNode().append($createTextNode(`The Ombudsperson visited ${word} detention centres.`)));
    });
    writeText(report, longest, update, db.prepare("SELECT id FROM members WHERE role = 'secretariat' AND deleted = 0 LIMIT 1").pluck().get() as string, 'edit');
    const started = performance.now();
    const found = searchReport(db, word);
    times.push(performance.now() - started);
    if (found.groups[0]!.hits[0]?.id !== longest) throw new Error('The edit was not found by the search that followed it.');
    if (bringSearchIndexCurrent(db).documents !== 0) throw new Error('The index was not current after the search.');
  }
  return times.slice(1).sort((a, b) => a - b)[2]!;
}

/**
 * 11. Find in the whole report (the find bar's "Whole report…"): every match of a word or phrase
 * drawn from the report's text, by section, accents and case ignored, with the words around each.
 */
export function findAllBenchmark(env: BenchEnv): Benchmark {
  let file = '';
  let report: OpenReport | null = null;
  let ctx: ServiceContext | null = null;
  let queries: string[] = [];
  let next = 0;
  let baselineNext = 0;
  // Words and phrases only: the find looks for the text as typed (no prefixes, no quoting).
  const plainQueries = (db: Db) => searchQueries(db).map((q) => q.replace(/"/g, '')).filter((q) => q.length >= 3);
  return {
    id: '11',
    name: `Find in the whole report, ${QUERIES} queries`,
    note:
      "findAll(ctx, {query}) for words and phrases drawn from the report's own text, one per run: the sections' plain text (the cache kept " +
      'current with every edit) folded (accents, case) and searched, in outline order, with 40 characters either side of each match and ' +
      "whether the person may replace there. Baseline: SELECT of every section's plain text with instr(lower(plain), lower(q)) (no folding, no context).",
    target: { stat: 'p95', ms: 50 },
    plan: { warmup: 10, runs: QUERIES },
    before: () => {
      file = env.copy();
      report = OpenReport.open(file);
      // As a member of the secretariat, who may replace everywhere: the most there is to say.
      ctx = { report, me: getMember(report.db, report.db.prepare("SELECT id FROM members WHERE role = 'secretariat' LIMIT 1").pluck().get() as string) ?? null };
      queries = plainQueries(report.db);
      next = baselineNext = 0;
    },
    after: () => {
      report?.close();
      report = null;
      ctx = null;
      env.discard(file);
    },
    run: {
      setup: (): string => queries[next++ % queries.length]!,
      run: (q: string) => {
        // Queries come from all the report's text (comments, recommendations too): some are in no section.
        findAll(ctx!, { query: q });
      },
    },
    baselineName: 'instr(lower(plain))',
    baseline: {
      setup: (): string => queries[baselineNext++ % queries.length]!,
      run: (q: string) => {
        report!.db.prepare('SELECT section_id FROM section_text WHERE instr(lower(plain), lower(?)) > 0').all(q);
      },
    },
  };
}
