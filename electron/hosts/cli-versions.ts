// `upr versions`, `upr version`, `upr diff` and `upr history`: a report's versions and history from a
// terminal. All but `version` read the report in memory, so the file is left byte for byte as it was.
// cli.ts parses nothing for them: it hands over the arguments and prints what they return.
import fs from 'node:fs';
import path from 'node:path';
import { UserError } from '../../shared/errors.js';
import type { Result } from '../../shared/api.js';
import { outlineOrder, type Section } from '../../shared/domain.js';
import type { HistoryEntry, HistoryFilter, HistoryPage, RecordEntry, TextEntry } from '../../shared/history.js';
import { COMPARED_FIELD_NAMES, type ComparedField, type ParagraphChange, type VersionComparison, type VersionInfo, type VersionKind, type VersionSide } from '../../shared/versions.js';
import { writeThroughTemporary } from '../export/write-file.js';
import { readHistory } from '../services/history.js';
import { writeRedline } from '../services/redline.js';
import { compareVersions, listVersions } from '../services/versions.js';
import { realPath } from '../store/files.js';
import { OpenReport } from '../store/open-report.js';
import { listMembers, listOrganizations, listSections } from '../store/queries.js';
import { actingMember, callAs, findMember, onePath, parse, type Out } from './cli.js';

const VERSION_USAGE = 'upr version FILE --name NAME [--as MEMBER]';
const DIFF_USAGE = 'upr diff FILE --from VERSION [--to VERSION|now] [--format text|json|docx] [--out PATH]';

/** The usage lines of these commands, as `upr help` lists them. */
export const VERSIONS_USAGE = [
  'upr versions FILE [--json]',
  VERSION_USAGE,
  DIFF_USAGE,
  'upr history FILE [--section LABEL] [--person NAME] [--since YYYY-MM-DD] [--until YYYY-MM-DD] [--limit N] [--json]',
];

/** Each command by name: its arguments after the command, and what it exits with. */
export const VERSION_COMMANDS: Record<string, (args: string[], io: Out) => Promise<number>> = {
  versions: showVersions,
  version: saveVersion,
  diff: showDiff,
  history: showHistory,
};

async function showVersions(args: string[], io: Out): Promise<number> {
  const { values, positionals } = parse(args, { json: { type: 'boolean' } });
  const report = OpenReport.openSnapshot(onePath(positionals, 'versions'));
  try {
    const versions = listVersions(report.db);
    io.out(values.json ? JSON.stringify(versions, null, 2) : formatVersions(versions));
  } finally {
    report.close();
  }
  return 0;
}

async function saveVersion(args: string[], io: Out): Promise<number> {
  const { values, positionals } = parse(args, { name: { type: 'string' }, as: { type: 'string' } });
  if (positionals.length !== 1) throw new UserError(`usage: ${VERSION_USAGE}`);
  if (values.name === undefined) throw new UserError('say what to call the version: --name NAME');
  const who = (report: OpenReport) => actingMember(report, values.as, 'save a version as').id;
  const saved = (await callAs(positionals[0]!, who, 'versions.save', { name: values.name })) as Result<'versions.save'>;
  io.out(`saved version “${saved.name}” (id ${saved.id})`);
  return 0;
}

async function showDiff(args: string[], io: Out): Promise<number> {
  const { values, positionals } = parse(args, { from: { type: 'string' }, to: { type: 'string' }, format: { type: 'string' }, out: { type: 'string' } });
  if (positionals.length !== 1) throw new UserError(`usage: ${DIFF_USAGE}`);
  const file = positionals[0]!;
  if (values.from === undefined) throw new UserError('say which version to compare from: --from VERSION (upr versions FILE lists them)');
  const format = values.format ?? 'text';
  if (format !== 'docx' && !Object.hasOwn(SHOW_COMPARISON, format)) throw new UserError(`unknown diff format “${format}” (accepted: text, json, docx)`);
  if (format === 'docx' && values.out === undefined) throw new UserError('a redline is a Word file: say where to write it with --out PATH');
  const out = values.out === undefined ? undefined : path.resolve(values.out);
  if (out !== undefined && realPath(out) === realPath(file)) throw new UserError(`--out names the report itself (${file}); nothing is ever written over it. Choose another file.`);
  const report = OpenReport.openSnapshot(file);
  try {
    const from = versionRef(report, values.from);
    const to = versionRef(report, values.to ?? 'now');
    if (format === 'docx') {
      // The app's own redline: the same comparison, document and safe writer.
      const written = await writeRedline({ report, me: null }, { from, to, path: out! });
      io.out(`wrote ${written.path} (${written.bytes.toLocaleString('en')} bytes)`);
      return 0;
    }
    const shown = SHOW_COMPARISON[format as keyof typeof SHOW_COMPARISON](compareVersions(report.db, from, to));
    if (out === undefined) {
      io.out(shown);
    } else {
      await writeThroughTemporary(out, (tmp) => fs.promises.writeFile(tmp, `${shown}\n`));
      io.out(`wrote ${out}`);
    }
  } finally {
    report.close();
  }
  return 0;
}

/** Entries `upr history` shows unless --limit says otherwise: a screenful or a few, not the whole log. */
const HISTORY_LIMIT = 200;

async function showHistory(args: string[], io: Out): Promise<number> {
  const { values, positionals } = parse(args, {
    section: { type: 'string' },
    person: { type: 'string' },
    since: { type: 'string' },
    until: { type: 'string' },
    limit: { type: 'string' },
    json: { type: 'boolean' },
  });
  const file = onePath(positionals, 'history');
  const since = values.since === undefined ? undefined : day(values.since, '--since');
  const until = values.until === undefined ? undefined : day(values.until, '--until');
  if (since && until && since > until) throw new UserError(`--since ${since} is after --until ${until}: nothing can be in between`);
  const limit = values.limit === undefined ? HISTORY_LIMIT : entryCount(values.limit);
  const report = OpenReport.openSnapshot(file);
  try {
    const outline = outlineOrder(listSections(report.db));
    const filter: HistoryFilter = {
      limit,
      ...(since ? { since } : {}),
      ...(until ? { until } : {}),
      ...(values.section !== undefined ? { sectionId: sectionNamed(outline, values.section) } : {}),
      ...(values.person !== undefined ? { memberId: findMember(report, values.person) } : {}),
    };
    const page = readHistory(report.db, filter);
    io.out(values.json ? JSON.stringify(page, null, 2) : formatHistory(page, namesOfIds(report, outline)));
  } finally {
    report.close();
  }
  return 0;
}

/** A day as the history filters by it, YYYY-MM-DD, refused unless it is one on the calendar. */
function day(value: string, option: string): string {
  const d = new Date(`${value}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== value) {
    throw new UserError(`${option} takes a day as YYYY-MM-DD (got “${value}”)`);
  }
  return value;
}

function entryCount(value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(n) || n < 1) throw new UserError(`--limit takes a number of entries, 1 or more (got “${value}”)`);
  return n;
}

/** A section by its number in the outline as the Sections view shows it (B.1), or else by its exact title. */
function sectionNamed(outline: Array<{ section: Section; label: string }>, name: string): string {
  const byLabel = outline.find((o) => o.label === name);
  if (byLabel) return byLabel.section.id;
  const byTitle = outline.filter((o) => o.section.title === name);
  if (byTitle.length === 1) return byTitle[0]!.section.id;
  if (byTitle.length > 1) throw new UserError(`more than one section is titled “${name}” (${byTitle.map((o) => o.label).join(', ')}); give its number instead`);
  throw new UserError(`no section numbered or titled “${name}” in this report (upr info FILE lists them)`);
}

/**
 * What the ids a record's fields hold are called, so a line reads "closed by = Maria Santos": members
 * and organizations by name, sections by number and title ("B.1 Normative framework").
 */
function namesOfIds(report: OpenReport, outline: Array<{ section: Section; label: string }>): Map<string, string> {
  return new Map([
    ...listMembers(report.db).map((m) => [m.id, m.name] as const),
    ...listOrganizations(report.db).map((o) => [o.id, o.name] as const),
    ...outline.map((o) => [o.section.id, `${o.label} ${o.section.title}`] as const),
  ]);
}

/** One line per entry, newest first, then a word when the limit left some out. */
function formatHistory(page: HistoryPage, names: Map<string, string>): string {
  if (page.entries.length === 0) return 'nothing in the history matches';
  const lines = page.entries.map((e) => `${localTime(e.at)}  ${e.who}${e.organization ? ` (${e.organization})` : ''}  ${whatChanged(e, names)}`);
  if (page.more) lines.push('… more entries: narrow with --since/--section or raise --limit');
  return lines.join('\n');
}

function whatChanged(e: HistoryEntry, names: Map<string, string>): string {
  return e.kind === 'text' ? textSession(e, names) : recordChange(e, names);
}

/** B.1 Normative framework: text, 312 characters typed, 40 deleted, in 6 saves (from 13:40) */
function textSession(e: TextEntry, names: Map<string, string>): string {
  // A deleted section is out of the outline: its title alone.
  const section = names.get(e.sectionId ?? '') ?? e.sectionTitle;
  const [from, to] = [localTime(e.from), localTime(e.at)];
  const began = from === to ? '' : ` (from ${from.slice(0, 10) === to.slice(0, 10) ? from.slice(11) : from})`;
  return `${section}: text, ${plural(e.typed, 'character')} typed, ${e.deleted.toLocaleString('en')} deleted, in ${plural(e.saves, 'save')}${began}`;
}

/** How a record is named in English (the History view says it in the interface's language). */
const SUBJECT_NAMES: Record<RecordEntry['subject']['kind'], (label: string) => string> = {
  report: () => 'the report',
  section: (label) => `section “${label}”`,
  comment: (label) => `comment ${label}`,
  reply: (label) => `reply to comment ${label}`,
  recommendation: (label) => `recommendation ${label}`,
  note: (label) => `note on recommendation ${label}`,
  input: (label) => `input “${label}”`,
  attachment: (label) => `attachment “${label}”`,
  link: (label) => `link “${label}”`,
  organization: (label) => `organization “${label}”`,
  member: (label) => `member “${label}”`,
  other: (label) => label,
};

/** section “Normative framework”: status = ready_for_review; due date = 2027-03-01 */
function recordChange(e: RecordEntry, names: Map<string, string>): string {
  // A version is saved once and never changed; its fields (the kept state left out) say nothing more.
  if (e.table === 'versions') return `version “${e.subject.label}” saved`;
  const fields = e.fields.map(({ column, value }) => {
    const named = typeof value === 'string' ? names.get(value) : undefined;
    if (named !== undefined) return `${column.replace(/_id$/, '').replace(/_/g, ' ')} = ${named}`;
    return `${column.replace(/_/g, ' ')} = ${value === null || value === '' ? '(none)' : String(value).replace(/\s*\n\s*/g, ' ')}`;
  });
  return `${SUBJECT_NAMES[e.subject.kind](e.subject.label)}${e.created ? ' made' : ''}: ${fields.join('; ')}`;
}

const KIND_NAMES: Record<VersionKind, string> = { named: 'named', merge: 'before merge', export: 'export' };

function formatVersions(versions: VersionInfo[]): string {
  if (versions.length === 0) return 'no versions saved yet (upr version FILE --name NAME saves one)';
  return versions
    .map((v) => {
      const what = v.unreadable ? '(cannot be read)' : `${v.words.toLocaleString('en')} words, ${v.sections} sections`;
      return `${localTime(v.createdAt)}  “${v.name}”, ${KIND_NAMES[v.kind]}, by ${v.createdBy || 'unknown'}: ${what} (id ${v.id})`;
    })
    .join('\n');
}

/**
 * A version named on the command line as the comparison takes it: 'now', or the version with that
 * id, or else the newest with that name.
 */
function versionRef(report: OpenReport, ref: string): string {
  if (ref === 'now') return ref;
  const versions = listVersions(report.db);
  const found = versions.find((v) => v.id === ref) ?? versions.find((v) => v.name === ref);
  if (!found) throw new UserError(`no version called “${ref}” in this report (upr versions FILE lists them)`);
  return found.id;
}

/** How `upr diff` shows a comparison in a terminal (or a file); the Word redline is written by the app's own service. */
const SHOW_COMPARISON: Record<'text' | 'json', (cmp: VersionComparison) => string> = {
  text: formatComparison,
  json: (cmp) => JSON.stringify(cmp, null, 2),
};

/**
 * The details a comparison reports, in English. The one copy: the Word redline
 * (electron/export/redline-docx.ts) names them the same and should take them from here.
 */

/**
 * Each section that differs, its details and its paragraphs (added +, removed -, changed ~ with
 * words marked as git's --word-diff marks them), then the totals and the other records changed.
 */
function formatComparison(cmp: VersionComparison): string {
  const lines = [`changes from ${sideName(cmp.from)} to ${sideName(cmp.to)}`];
  for (const s of cmp.sections) {
    if (s.change === 'same') continue;
    lines.push(`${[s.label, s.title].filter((t) => t !== '').join(' ')} (${s.change})`);
    if (s.writers.length) lines.push(`  written by ${s.writers.join(', ')}`);
    for (const f of s.fields) lines.push(`  ${COMPARED_FIELD_NAMES[f.field]}: ${fieldValue(f.field, f.from)} → ${fieldValue(f.field, f.to)}`);
    for (const p of s.paragraphs) if (p.kind !== 'same') lines.push(`  ${paragraphLine(p)}`);
    if (s.textMissing) lines.push('  (the text of one side cannot be rebuilt from this file)');
  }
  const { totals: t, records: r } = cmp;
  if (t.sectionsChanged === 0) lines.push('no section differs');
  lines.push(
    `${plural(t.sectionsChanged, 'section')} changed, ${plural(t.wordsInserted, 'word')} inserted, ${t.wordsDeleted.toLocaleString('en')} deleted`,
    `records: ${plural(r.commentsMade, 'comment')} made, ${r.commentsAnswered} answered, ${r.commentsClosed} closed; ` +
      `${plural(r.recommendationsChanged, 'recommendation')} changed; ${plural(r.inputsAdded, 'input')} added, ${r.inputsDecided} decided`,
  );
  return lines.join('\n');
}

function paragraphLine(p: Exclude<ParagraphChange, { kind: 'same' }>): string {
  switch (p.kind) {
    case 'added':
      return `+ ${p.text}`;
    case 'removed':
      return `- ${p.text}`;
    case 'changed':
      return `~ ${p.parts.map((part) => (part.change === 'inserted' ? `{+${part.text}+}` : part.change === 'deleted' ? `[-${part.text}-]` : part.text)).join('')}`;
  }
}

function sideName(side: VersionSide): string {
  return side.id === 'now' ? 'the report now' : `“${side.name}” (${localTime(side.at)})`;
}

function fieldValue(field: ComparedField, value: string): string {
  if (value === '') return '(none)';
  return field === 'status' ? value.replace(/_/g, ' ') : value;
}

function plural(n: number, noun: string): string {
  return `${n.toLocaleString('en')} ${noun}${n === 1 ? '' : 's'}`;
}

/** An ISO 8601 time in this computer's time zone, to the minute: 2025-03-12 14:05. */
function localTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}
