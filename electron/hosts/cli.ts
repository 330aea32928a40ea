// The command line: the same services as the app, for scripting, checks and tests.
// Errors are one line on stderr, "upr: <message>", exit code 2; never a stack trace.
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UserError } from '../../shared/errors.js';
import { FileKeyStore, useKeyStore } from '../sync/signing.js';
import { checkSignatures } from '../sync/signature-check.js';
import { readReportFile } from '../store/open.js';
import { asUserError } from './failures.js';
import { Host } from './host.js';
import { defaultDataDir } from '../paths.js';
import { exportCommentMatrix, type MatrixFormat } from '../export/comment-matrix.js';
import { checkReportFile } from '../store/check.js';
import { createDemoReport } from '../services/demo.js';
import { reportInfo, formatInfo } from '../services/info.js';
import { OpenReport } from '../store/open-report.js';
import { getMember, listMembers, listOrganizations } from '../store/queries.js';
import { importListFile, previewImport } from '../services/recommendation-import.js';
import type { ServiceContext } from '../services/context.js';
import { tableKindOf } from '../import/recommendation-table.js';
import { RECOMMENDATION_COLUMNS, type RecommendationColumn, type TableColumns } from '../../shared/domain.js';
import { formatMessage, type MessageKey } from '../../shared/messages.js';
import { ANNEX_ORDERS, ANNEX_RECOMMENDATIONS, DEFAULT_ANNEXES, type AnnexChoice, type ExportFormat } from '../../shared/api.js';
import type { DraftChoice } from '../export/document.js';
import { exportCheck, writeReport } from '../services/report-export.js';
import { exportOpenData } from '../services/open-data.js';
import { writeMidterm, type MidtermFormat } from '../services/midterm-export.js';
import { exportPublicTracker } from '../services/public-tracker.js';
import { withExtension } from '../report-files.js';
import { writeClosedCopy, writeSentCopy } from '../sync/copy.js';
import { mergeReceived } from '../services/exchange.js';
import { PACKED_EXTENSION } from '../report-files.js';
import type { MergeSummary } from '../../shared/api.js';
import type { Member } from '../../shared/domain.js';
import { VERSION_COMMANDS, VERSIONS_USAGE } from './cli-versions.js';
import { NETWORK_COMMANDS, NETWORK_USAGE } from '../network/commands.js';

/** The final report's choices, as the Export view has them: which annexes, and whether a draft. */
interface ReportChoice {
  annexes: AnnexChoice;
  draft: DraftChoice | null;
}

/** What `upr export` can write: each format, and how it writes a report to a file (the report's formats with the choices). */
const EXPORTS: Record<string, (report: OpenReport, out: string, choice: ReportChoice) => Promise<string>> = {
  'comments-xlsx': (report, out) => exportComments(report, 'xlsx', out),
  'comments-csv': (report, out) => exportComments(report, 'csv', out),
  docx: (report, out, choice) => exportFinalReport(report, 'docx', out, choice),
  pdf: (report, out, choice) => exportFinalReport(report, 'pdf', out, choice),
  html: (report, out, choice) => exportFinalReport(report, 'html', out, choice),
  'recommendations-csv': (report, out) => exportRecommendationData(report, 'csv', out),
  'recommendations-json': (report, out) => exportRecommendationData(report, 'json', out),
  'midterm-docx': (report, out) => exportMidtermReport(report, 'docx', out),
  'midterm-pdf': (report, out) => exportMidtermReport(report, 'pdf', out),
  'public-tracker': (report, out) => exportTracker(report, out),
};

/** The public tracker: a folder (empty, or a tracker written before), or one .zip when OUT ends so. */
async function exportTracker(report: OpenReport, out: string): Promise<string> {
  const r = await exportPublicTracker({ report, me: null }, { path: out, zip: out.toLowerCase().endsWith('.zip') });
  return `wrote the public tracker to ${r.path}: ${r.recommendations} recommendation(s), ${r.notes} progress note(s), ${r.inputs} consultation input(s) marked public`;
}

/** The mid-term report on the UPR recommendations, dated today. */
async function exportMidtermReport(report: OpenReport, format: MidtermFormat, out: string): Promise<string> {
  const { path: written, bytes, recommendations } = await writeMidterm(report.db, format, withExtension(out, format));
  return `wrote the mid-term report on ${recommendations} recommendation${recommendations === 1 ? '' : 's'} to ${written} (${bytes.toLocaleString('en')} bytes)`;
}

/** The recommendations as open data (CSV, or JSON with the progress notes in full). */
async function exportRecommendationData(report: OpenReport, format: 'csv' | 'json', out: string): Promise<string> {
  const { path: written, rows } = await exportOpenData({ report, me: null }, { format, path: withExtension(out, format) });
  return `wrote ${rows} recommendation${rows === 1 ? '' : 's'} to ${written}`;
}
const REPORT_FORMATS = new Set(['docx', 'pdf', 'html']);

/** The choices from the command line, each checked: a value not accepted is said with those that are. */
function reportChoice(values: { draft?: string; 'line-numbers'?: boolean; recommendations?: string; order?: string; 'without-inputs'?: boolean }): ReportChoice {
  const pick = <T extends string>(name: string, value: string | undefined, accepted: readonly T[], fallback: T): T => {
    if (value === undefined) return fallback;
    if (!(accepted as readonly string[]).includes(value)) throw new UserError(`--${name} takes ${accepted.join(', ')}, not “${value}”`);
    return value as T;
  };
  const annexes: AnnexChoice = {
    recommendations: pick('recommendations', values.recommendations, ANNEX_RECOMMENDATIONS, DEFAULT_ANNEXES.recommendations),
    order: pick('order', values.order, ANNEX_ORDERS, DEFAULT_ANNEXES.order),
    inputs: !values['without-inputs'],
  };
  const label = values.draft?.trim();
  if (values.draft !== undefined && !label) throw new UserError('--draft needs the draft’s name, such as --draft "Draft for the NHRI"');
  if (label && label.length > 200) throw new UserError('a draft’s name is at most 200 characters');
  if (values['line-numbers'] && !label) throw new UserError('--line-numbers numbers a draft’s lines: give the draft’s name with --draft');
  return { annexes, draft: label ? { label, lineNumbers: values['line-numbers'] === true } : null };
}

async function exportComments(report: OpenReport, format: MatrixFormat, out: string): Promise<string> {
  const { path: written, rows } = await exportCommentMatrix(report.db, format, out);
  return `wrote ${rows} comment${rows === 1 ? '' : 's'} to ${written}`;
}

/** The final report, with its words against the limit (annexes and footnotes not counted) and what blocks submission. */
async function exportFinalReport(report: OpenReport, format: ExportFormat, out: string, choice: ReportChoice): Promise<string> {
  const check = exportCheck(report.db);
  const { path: written, bytes } = await writeReport(report.db, format, withExtension(out, format), choice.annexes, choice.draft);
  const { body, footnotes, limit, log } = check.words;
  const lines = [
    `wrote ${written} (${bytes.toLocaleString('en')} bytes)${choice.draft ? `, a draft: ${choice.draft.label}` : ''}`,
    `words: ${body.toLocaleString('en')} of ${limit.toLocaleString('en')}${body > limit ? ` (over by ${(body - limit).toLocaleString('en')})` : ''}; footnotes ${footnotes.toLocaleString('en')} and annexes not counted`,
    ...log.map((l) => `counted: the consultation log table in ${l.label}. ${l.title}, ${l.words.toLocaleString('en')} words${choice.annexes.inputs ? ' (the inputs annex gives the same log again)' : ''}`),
  ];
  const notApproved = check.blockers.filter((b) => b.kind === 'notApproved').length;
  const critical = check.blockers.filter((b) => b.kind === 'openCritical').length;
  const damaged = check.blockers.filter((b) => b.kind === 'damaged').length;
  const overLimit = check.blockers.find((b) => b.kind === 'overLimit');
  if (check.blockers.length) {
    const why = [
      ...(overLimit ? [`over the word limit by ${overLimit.over.toLocaleString('en')} word(s)`] : []),
      ...(damaged ? [`${damaged} section(s) whose text cannot be read`] : []),
      `${notApproved} section(s) not approved`,
      `${critical} open critical comment(s)`,
    ];
    lines.push(`not ready to submit: ${why.join(', ')}`);
    for (const s of overLimit?.sections ?? []) lines.push(`over its budget: ${s.label}. ${s.title}: ${s.words.toLocaleString('en')} of ${s.budget.toLocaleString('en')} words`);
  }
  return lines.join('\n');
}

function formatMerge(s: MergeSummary): string {
  if (s.rows === 0 && s.texts === 0 && !s.attachments) return `nothing to merge: ${path.basename(s.file)} holds nothing this report lacks`;
  const c = s.changed;
  return [
    `merged ${path.basename(s.file)}${s.offices.length ? ` (changes from ${s.offices.join(', ')})` : ''}: ${s.rows} change(s)`,
    `changed: ${c.sections} section(s), ${c.comments} comment(s), ${c.recommendations} recommendation(s), ${c.inputs} input(s), ${c.other} other; text of ${s.texts} section(s)`,
    ...(s.bothEdited.length ? [`text edited in both copies (look at them): ${s.bothEdited.length} section(s)`] : []),
    ...s.conflicts.map((k) => `conflict: ${k.table}.${k.column} of ${k.row}: here ${JSON.stringify(k.local.value)}, there ${JSON.stringify(k.other.value)}; showing ${k.shown === 'local' ? 'here' : 'there'}`),
    ...(s.attachments ? [`contents of ${s.attachments} attached file(s) came with the copy`] : []),
    ...(s.released ? [`released: ${s.released} change(s) held back before, now legitimate`] : []),
    ...s.held.map(
      (h) =>
        `held back: ${h.kind === 'text' ? `the text of section ${h.row}` : `${h.table}.${h.column} of ${h.row} → ${JSON.stringify(h.value)}`}, claimed to be by ${h.authorName}: ${formatMessage(h.reason as MessageKey, h.params)}`,
    ),
    `backup of the file before merging: ${s.backup}`,
  ].join('\n');
}

const IMPORT_USAGE = `upr import-recommendations FILE LIST [--map FIELD=HEADER]... [--json] [--as MEMBER]`;

/** Built when asked: cli-versions.ts, whose lines it lists, imports this file's helpers in turn. */
const usage = () => `usage:
  upr new FILE --title T --country C [--cycle N] [--language en|fr|es|ar|ru|zh] [--by NAME] [--org NAME]
  upr demo FILE
  upr info FILE [--json]
  upr copy FILE OUT                  (OUT ending .uprz: packed to send, without what opening it rebuilds)
  upr send-copy FILE OUT [--as MEMBER]
  upr send-changes FILE --to OFFICE OUT [--as MEMBER]
  upr start-next-report FILE NEW_FILE [--cycle N] [--title T] [--as MEMBER]
  upr merge FILE OTHER [--json]      (OTHER: a copy, .upr or .uprz, or changes another office sent)
  upr check FILE [--signatures]
  upr export FILE --format ${Object.keys(EXPORTS).join('|')} --out PATH
     [--draft NAME [--line-numbers]] [--recommendations ${ANNEX_RECOMMENDATIONS.join('|')}] [--order ${ANNEX_ORDERS.join('|')}] [--without-inputs]
  ${IMPORT_USAGE}
  ${VERSIONS_USAGE.join('\n  ')}
  ${NETWORK_USAGE.join('\n  ')}
  upr call FILE METHOD JSON --as MEMBER
VERSION is a version's id or its name (where names repeat, the newest of that name); now is the report as it is.
LABEL is a section's number in the outline (B.1) or its title; history's --since and --until are days in UTC.
upr version, upr import-recommendations and upr start-next-report act as the report's first secretariat member unless --as names another.`;

export type Out = { out: (s: string) => void; err: (s: string) => void };
const stdio: Out = { out: (s) => process.stdout.write(s + '\n'), err: (s) => process.stderr.write(s + '\n') };

export async function main(argv: string[], io: Out = stdio): Promise<number> {
  try {
    return await run(argv, io);
  } catch (e) {
    const message = asUserError(e, defaultDataDir()).message;
    io.err(`upr: ${message.replace(/\s*\n\s*/g, ' ')}`);
    return 2;
  }
}

async function run(argv: string[], io: Out): Promise<number> {
  // Changes made from the command line are signed with the person's key in the user's data folder.
  useKeyStore(new FileKeyStore(path.join(defaultDataDir(), 'keys')));
  const [command, ...rest] = argv;
  switch (command) {
    case 'new': {
      const { values, positionals } = parse(rest, {
        title: { type: 'string' },
        country: { type: 'string' },
        cycle: { type: 'string' },
        language: { type: 'string' },
        by: { type: 'string' },
        org: { type: 'string' },
      });
      const file = onePath(positionals, 'new');
      if (!values.country) throw new UserError('say which country the report is for: --country NAME');
      const cycle = values.cycle === undefined ? 4 : Number(values.cycle);
      const host = new Host({ dataDir: defaultDataDir() });
      const client = host.connect(() => {});
      const reply = await host.dispatch(client.id, 'app.newReport', {
        path: file,
        ...(values.title ? { title: values.title } : {}),
        country: values.country,
        cycle,
        language: values.language ?? 'en',
        yourName: values.by ?? 'Secretariat officer',
        yourOrganization: values.org ?? 'Secretariat',
      });
      host.closeAll();
      if (!reply.ok) throw new UserError(reply.error.message);
      io.out(`created ${file}`);
      return 0;
    }
    case 'demo': {
      const { positionals } = parse(rest, {});
      const file = onePath(positionals, 'demo');
      createDemoReport(file).close();
      io.out(`created demo report ${file}`);
      return 0;
    }
    case 'info': {
      const { values, positionals } = parse(rest, { json: { type: 'boolean' } });
      const report = OpenReport.openSnapshot(onePath(positionals, 'info'));
      try {
        const info = reportInfo(report);
        io.out(values.json ? JSON.stringify(info, null, 2) : formatInfo(info));
      } finally {
        report.close();
      }
      return 0;
    }
    case 'copy': {
      const { positionals } = parse(rest, {});
      const [file, out] = positionals;
      if (!file || !out || positionals.length > 2) throw new UserError('usage: upr copy FILE OUT');
      const report = OpenReport.openSnapshot(file);
      try {
        const copy = out.toLowerCase().endsWith(`.${PACKED_EXTENSION}`) ? writeSentCopy(report.db, out) : writeClosedCopy(report.db, out);
        io.out(`wrote a copy to ${copy.path} (${copy.bytes.toLocaleString('en')} bytes)`);
      } finally {
        report.close();
      }
      return 0;
    }
    case 'start-next-report': {
      const { values, positionals } = parse(rest, { cycle: { type: 'string' }, title: { type: 'string' }, as: { type: 'string' } });
      const [file, next] = positionals;
      if (!file || !next || positionals.length > 2) throw new UserError('usage: upr start-next-report FILE NEW_FILE [--cycle N] [--title T] [--as MEMBER]');
      const input = { path: path.resolve(next), ...(values.cycle !== undefined ? { cycle: Number(values.cycle) } : {}), ...(values.title ? { title: values.title } : {}) };
      const made = (await callAs(file, (report) => actingMember(report, values.as, 'start the next report as').id, 'app.startNextReport', input)) as { path: string; recommendations: number };
      io.out(`created ${made.path}, the next report after ${path.basename(file)}, with its ${made.recommendations} recommendation(s) and their follow-up`);
      return 0;
    }
    case 'send-copy': {
      const { values, positionals } = parse(rest, { as: { type: 'string' } });
      const [file, out] = positionals;
      if (!file || !out || positionals.length > 2) throw new UserError('usage: upr send-copy FILE OUT [--as MEMBER]');
      const sent = (await callAs(file, (report) => actingMember(report, values.as, 'send a copy as').id, 'sharing.sendCopy', { path: path.resolve(out) })) as { path: string; bytes: number };
      io.out(`wrote a copy to ${sent.path} (${sent.bytes.toLocaleString('en')} bytes), packed to send to another office`);
      return 0;
    }
    case 'send-changes': {
      const { values, positionals } = parse(rest, { as: { type: 'string' }, to: { type: 'string' } });
      const [file, out] = positionals;
      if (!file || !out || positionals.length > 2 || !values.to) throw new UserError('usage: upr send-changes FILE --to OFFICE OUT [--as MEMBER]');
      const to = values.to;
      const sent = (await callAs(file, (report) => actingMember(report, values.as, 'send changes as').id, 'sharing.sendChanges', (report: OpenReport) => ({
        path: path.resolve(out),
        organizationId: findOffice(report, to),
      }))) as { path: string; bytes: number; changes: number; sections: number };
      io.out(`wrote the changes ${to} lacks to ${sent.path} (${sent.bytes.toLocaleString('en')} bytes): ${sent.changes} change(s), the text of ${sent.sections} section(s)`);
      return 0;
    }
    case 'merge': {
      const { values, positionals } = parse(rest, { json: { type: 'boolean' } });
      const [file, other] = positionals;
      if (!file || !other || positionals.length > 2) throw new UserError('usage: upr merge FILE OTHER [--json]');
      const report = OpenReport.open(file);
      try {
        const summary = mergeReceived(report, other, { backupDir: path.join(defaultDataDir(), 'backups') });
        io.out(values.json ? JSON.stringify(summary, null, 2) : formatMerge(summary));
      } finally {
        report.close();
      }
      return 0;
    }
    case 'check': {
      const { values, positionals } = parse(rest, { signatures: { type: 'boolean' } });
      const file = onePath(positionals, 'check');
      if (values.signatures) {
        // Every signature verified and every change said signed, unsigned history or what fails.
        const result = readReportFile(path.resolve(file), (db) => checkSignatures(db));
        for (const line of result.problems) io.out(`problem: ${line}`);
        for (const line of result.waiting) io.out(`waiting: ${line}`);
        io.out(`${result.sound ? 'signatures sound' : 'signatures not sound'}: ${result.summary}`);
        return result.sound ? 0 : 1;
      }
      const result = checkReportFile(file);
      for (const line of result.problems) io.out(`problem: ${line}`);
      io.out(result.sound ? `sound: ${result.summary}` : 'not sound');
      return result.sound ? 0 : 1;
    }
    case 'export': {
      const { values, positionals } = parse(rest, {
        format: { type: 'string' },
        out: { type: 'string' },
        draft: { type: 'string' },
        'line-numbers': { type: 'boolean' },
        recommendations: { type: 'string' },
        order: { type: 'string' },
        'without-inputs': { type: 'boolean' },
      });
      const file = onePath(positionals, 'export');
      const formats = Object.keys(EXPORTS);
      if (!values.format) throw new UserError(`say what to export: --format ${formats.join('|')}`);
      const write = Object.hasOwn(EXPORTS, values.format) ? EXPORTS[values.format] : undefined;
      if (!write) throw new UserError(`unknown export format “${values.format}” (accepted: ${formats.join(', ')})`);
      if (!values.out) throw new UserError('say where to write the file: --out PATH');
      const chosen = ['draft', 'line-numbers', 'recommendations', 'order', 'without-inputs'].filter((o) => values[o as keyof typeof values] !== undefined);
      if (chosen.length && !REPORT_FORMATS.has(values.format)) throw new UserError(`--${chosen[0]} is a choice for the report (docx, pdf, html), not for ${values.format}`);
      const choice = reportChoice(values);
      const report = OpenReport.openSnapshot(file);
      try {
        io.out(await write(report, path.resolve(values.out), choice));
      } finally {
        report.close();
      }
      return 0;
    }
    case 'import-recommendations': {
      const { values, positionals } = parse(rest, { json: { type: 'boolean' }, as: { type: 'string' }, map: { type: 'string', multiple: true } });
      const [file, source] = positionals;
      if (positionals.length !== 2 || !file || !source) throw new UserError(`usage: ${IMPORT_USAGE}`);
      const report = OpenReport.open(mustExist(file));
      try {
        const ctx = { report, me: actingMember(report, values.as, 'import as') };
        const list = path.resolve(source);
        const mapping = await tableMapping(ctx, list, values.map ?? []);
        const summary = await importListFile(ctx, { path: list, ...(mapping ? { mapping: mapping.mapping } : {}) });
        if (values.json) {
          io.out(JSON.stringify(summary, null, 2));
        } else {
          if (mapping) io.out(describeMapping(mapping));
          io.out(
            `read ${summary.read} recommendations from ${path.basename(source)}: ${summary.created} created, ${summary.updated} updated, ` +
              `${summary.unchanged} unchanged, ${summary.skipped.length} skipped`,
          );
          for (const p of summary.skipped) io.out(`skipped${p.row ? ` row ${p.row}` : ''}: ${p.reason}${p.excerpt ? ` (“${p.excerpt}”)` : ''}`);
        }
      } finally {
        report.close();
      }
      return 0;
    }
    case 'call': {
      const { values, positionals } = parse(rest, { as: { type: 'string' } });
      const [file, method, json] = positionals;
      if (!file || !method) throw new UserError('usage: upr call FILE METHOD JSON --as MEMBER');
      let input: unknown = {};
      if (json !== undefined) {
        try {
          input = JSON.parse(json);
        } catch {
          throw new UserError('the JSON argument is not valid JSON');
        }
      }
      const who = (report: OpenReport) => (values.as ? findMember(report, values.as) : null);
      io.out(JSON.stringify(await callAs(file, who, method, input), null, 2));
      return 0;
    }
    case undefined:
    case 'help':
    case '--help':
      io.out(usage());
      return command === undefined ? 2 : 0;
    default:
      if (Object.hasOwn(VERSION_COMMANDS, command)) return VERSION_COMMANDS[command]!(rest, io);
      if (Object.hasOwn(NETWORK_COMMANDS, command)) return NETWORK_COMMANDS[command]!(rest, io);
      throw new UserError(`unknown command “${command}”\n${usage()}`);
  }
}

/**
 * One API method called on `file` through the host, as the app calls it (the same validation and
 * permissions), by the member `who` picks once the report is open, or by nobody when it picks none.
 * `input` may be made from the open report (an office named by its name, say).
 */
export async function callAs(file: string, who: (report: OpenReport) => string | null, method: string, input: unknown): Promise<unknown> {
  const host = new Host({ dataDir: defaultDataDir() });
  const client = host.connect(() => {});
  try {
    const report = host.attach(client, mustExist(file));
    const member = who(report);
    if (member !== null) {
      const signIn = await host.dispatch(client.id, 'session.signIn', { memberId: member });
      if (!signIn.ok) throw new UserError(signIn.error.message);
    }
    const reply = await host.dispatch(client.id, method, typeof input === 'function' ? (input as (report: OpenReport) => unknown)(report) : input);
    if (!reply.ok) throw new UserError(reply.error.message);
    return reply.result;
  } finally {
    host.closeAll();
  }
}

/** Who does what is the secretariat's: the member --as names, or the first of the secretariat. */
export function actingMember(report: OpenReport, as: string | undefined, doing: string): Member {
  const me = as === undefined ? listMembers(report.db).find((m) => m.role === 'secretariat') : getMember(report.db, findMember(report, as));
  if (!me) throw new UserError(`this report has no member in the secretariat to ${doing}; name one with --as`);
  return me;
}

/**
 * For a CSV or XLSX list: the columns it will be read through, the remembered or guessed ones with
 * each `--map field=Header` applied (`--map states=` for none); null for a Word list.
 */
async function tableMapping(ctx: ServiceContext, list: string, options: string[]): Promise<TableColumns | null> {
  if (!tableKindOf(list)) {
    if (options.length) throw new UserError('--map is for CSV and XLSX lists; a Word list finds its columns by their headers');
    return null;
  }
  const { table } = await previewImport(ctx, { path: list });
  if (!table) return null;
  const mapping = { ...table.mapping };
  for (const option of options) {
    const eq = option.indexOf('=');
    const field = option.slice(0, Math.max(eq, 0)).trim();
    if (eq < 0 || !(RECOMMENDATION_COLUMNS as readonly string[]).includes(field)) {
      throw new UserError(`--map takes FIELD=HEADER, FIELD one of ${RECOMMENDATION_COLUMNS.join(', ')} (got “${option}”)`);
    }
    const header = option.slice(eq + 1).trim();
    mapping[field as RecommendationColumn] = header === '' ? null : header;
  }
  if (mapping.number === null || mapping.text === null) {
    throw new UserError(
      `${formatMessage('importMappingIncomplete')} Name them with --map number=HEADER --map text=HEADER; ` +
        `the headers of ${path.basename(list)} are ${table.headers.map((h) => `“${h}”`).join(', ')}.`,
    );
  }
  return { ...table, mapping, remembered: table.remembered && options.length === 0 };
}

function describeMapping({ mapping, remembered }: TableColumns): string {
  const used = RECOMMENDATION_COLUMNS.filter((f) => mapping[f] !== null).map((f) => `${f}=“${mapping[f]}”`);
  return `columns${remembered ? ' (as remembered for these headers)' : ''}: ${used.join(', ')}`;
}

export function parse<const O extends NonNullable<ParseArgsConfig['options']>>(args: string[], options: O) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (e) {
    throw new UserError((e as Error).message);
  }
}

export function onePath(positionals: string[], command: string): string {
  if (positionals.length !== 1) throw new UserError(`name one file: upr ${command} FILE`);
  return positionals[0]!;
}

function mustExist(file: string): string {
  if (!fs.existsSync(file)) throw new UserError(`there is no file at ${file}`);
  return file;
}

/** An office (organization) by id, or by name (case-insensitive). */
function findOffice(report: OpenReport, office: string): string {
  const offices = listOrganizations(report.db);
  const found = offices.find((o) => o.id === office) ?? offices.find((o) => o.name.toLowerCase() === office.toLowerCase());
  if (!found) throw new UserError(`no office called “${office}” in this report (offices: ${offices.map((o) => o.name).join(', ')})`);
  return found.id;
}

/** A member by id, or by name (case-insensitive) when the name is unambiguous. */
export function findMember(report: OpenReport, who: string): string {
  const members = listMembers(report.db);
  const byId = members.find((m) => m.id === who);
  if (byId) return byId.id;
  const byName = members.filter((m) => m.name.toLowerCase() === who.toLowerCase());
  if (byName.length === 1) return byName[0]!.id;
  if (byName.length > 1) throw new UserError(`more than one member is called “${who}”; use their id`);
  throw new UserError(`no member called “${who}” in this report (members: ${members.map((m) => m.name).join(', ')})`);
}
