// The public tracker (issue 16, point 9): a static website a ministry can publish as it is (a folder
// of HTML, CSS, a small script of its own and JSON; no server, nothing loaded from elsewhere), of
// what the secretariat marked public: recommendations with their status and public progress notes,
// and the consultation's "you said / we did" (each public input, what it said and from which
// organization, how it was taken into account and where). People are never named: not the notes'
// authors, not who recorded a disposition; only ministries and organizations. The pages are made
// in ../export/tracker-site.ts; here the report is read and the folder written safely.
//
// The folder: never a report, never inside a file, and either empty or a tracker written here
// before (its marker file, and nothing but the tracker's own files, so nothing a person put there
// is ever replaced). The site is written into a temporary folder beside it and put in its place
// when complete, so a failure half-way leaves what was there. With `zip`, the same site as one
// .zip file (browser mode downloads it), written beside its final name and renamed.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { strToU8, zipSync } from 'fflate';
import type { ParsedInput, Result } from '../../shared/api.js';
import { outlineOrder } from '../../shared/domain.js';
import { isUserError } from '../../shared/errors.js';
import { userError } from '../../shared/messages.js';
import { TRACKER_MARKER, trackerFiles, type PublicInput, type PublicRecommendation, type TrackerModel } from '../export/tracker-site.js';
import { writeFailure, writeThroughTemporary } from '../export/write-file.js';
import { assertWritableTarget, realPath } from '../store/files.js';
import { prepared, type DB } from '../store/open.js';
import { getReport, listSections } from '../store/queries.js';
import type { ServiceContext } from './context.js';
import { listInputs } from './inputs.js';
import { listRecommendations } from './recommendations.js';

/** What was marked public, as the site shows it, with nothing that names a person. */
export function publicTrackerModel(db: DB, today = new Date().toISOString().slice(0, 10)): TrackerModel {
  const report = getReport(db);
  // Deleted organizations keep their names: a recommendation was still theirs to lead.
  const orgs = new Map((prepared(db, 'SELECT id, name FROM organizations').all() as Array<{ id: string; name: string }>).map((o) => [o.id, o.name]));
  const org = (id: string | null) => (id ? (orgs.get(id) ?? '') : '');
  const recommendations = listRecommendations(db).filter((r) => r.public);
  const published = new Map(recommendations.map((r) => [r.id, r.number]));
  const sections = new Map(outlineOrder(listSections(db)).map((e) => [e.section.id, e.label ? `${e.label}. ${e.section.title}` : e.section.title]));
  return {
    language: report.language,
    country: report.country,
    updated: today,
    recommendations: recommendations.map(
      (r): PublicRecommendation => ({
        number: r.number,
        text: r.text,
        mechanism: r.origin.mechanism,
        body: r.origin.body,
        documentSymbol: r.origin.documentSymbol,
        paragraph: r.origin.paragraph,
        documentDate: r.origin.documentDate,
        uhriAnnotationId: r.origin.uhriId,
        recommendingStates: r.states,
        position: r.position,
        positionSource: r.positionSource,
        themes: r.themes,
        affectedPersons: r.groups,
        sdgs: r.sdgs,
        leadMinistry: org(r.responsibleOrganizationId),
        contributingMinistries: r.contributingOrganizationIds.map(org).filter(Boolean),
        status: r.implementationStatus,
        progress: r.notes.filter((n) => n.public).map((n) => ({ date: n.date, text: n.text })),
      }),
    ),
    inputs: listInputs(db)
      .filter((i) => i.public)
      .map(
        (i): PublicInput => ({
          title: i.title,
          summary: i.summary,
          organization: i.sourceOrganizationName,
          organizationKind: i.sourceKind,
          receivedOn: i.receivedOn,
          channel: i.channel,
          disposition: i.disposition,
          rationale: i.disposition ? i.rationale : '',
          sections: i.sectionIds.flatMap((id) => (sections.has(id) ? [sections.get(id)!] : [])),
          // Only the recommendations published beside it: the others are not on the site to go to.
          recommendations: i.recommendationIds.flatMap((id) => (published.has(id) ? [published.get(id)!] : [])),
        }),
      ),
  };
}

export async function exportPublicTracker(ctx: ServiceContext, input: ParsedInput<'export.publicTracker'>): Promise<Result<'export.publicTracker'>> {
  const model = publicTrackerModel(ctx.report.db);
  const files = trackerFiles(model);
  const target = path.resolve(input.path);
  if (input.zip) await writeZip(target, files);
  else await writeSiteFolder(target, files);
  return {
    path: target,
    recommendations: model.recommendations.length,
    notes: model.recommendations.reduce((n, r) => n + r.progress.length, 0),
    inputs: model.inputs.length,
  };
}

/** The files a tracker written before may hold; anything else in the folder is someone's and stops the export. */
const OWN_FILES = new Set([...trackerFiles({ language: 'en', country: '', updated: '', recommendations: [], inputs: [] }).keys()]);
/** What file managers leave in a folder they have shown. */
const SYSTEM_LITTER = new Set(['.DS_Store', 'Thumbs.db', 'desktop.ini']);

/** The first file in `folder` that is not the tracker's own (searched into its `data` folder), or null. */
function foreignFile(folder: string): string | null {
  const entries = fs.readdirSync(folder, { withFileTypes: true });
  if (entries.length === 0) return null;
  const names = new Set(entries.map((e) => e.name));
  for (const e of entries) {
    if (SYSTEM_LITTER.has(e.name)) continue;
    if (e.name === 'data' && e.isDirectory()) {
      const inner = fs.readdirSync(path.join(folder, 'data'), { withFileTypes: true }).find((d) => !SYSTEM_LITTER.has(d.name) && !(d.isFile() && OWN_FILES.has(`data/${d.name}`)));
      if (inner) return `data/${inner.name}`;
      continue;
    }
    if (!e.isFile() || !OWN_FILES.has(e.name)) return e.name;
  }
  // The tracker's own names in a folder it did not write (no marker) are someone's too.
  return names.has(TRACKER_MARKER) ? null : entries.find((e) => !SYSTEM_LITTER.has(e.name))?.name ?? null;
}

/** Refuses, before anything is written, a folder the site may not go to. */
function assertTrackerFolder(folder: string): void {
  // Never a report (whatever it is called), one open here, or a report's journal.
  assertWritableTarget(folder);
  // The nearest part of the path that exists must be a folder; the folder's own must exist.
  const parent = path.dirname(folder);
  for (let at = parent; ; at = path.dirname(at)) {
    let stat: fs.Stats | undefined;
    try {
      stat = fs.statSync(at, { throwIfNoEntry: false });
    } catch {
      stat = undefined;
    }
    if (stat && !stat.isDirectory()) throw userError('trackerInsideFile', { folder, file: at });
    if (stat) {
      if (at !== parent) throw userError('noFolder', { dir: parent });
      break;
    }
    if (path.dirname(at) === at) throw userError('noFolder', { dir: parent });
  }
  const stat = fs.statSync(folder, { throwIfNoEntry: false });
  if (!stat) return;
  if (!stat.isDirectory()) throw userError('trackerNotAFolder', { folder });
  const foreign = foreignFile(folder);
  if (foreign) throw userError('trackerFolderNotEmpty', { folder, name: foreign });
}

async function writeFiles(dir: string, files: Map<string, string>): Promise<void> {
  await fs.promises.mkdir(dir);
  for (const [name, text] of files) {
    const file = path.join(dir, ...name.split('/'));
    await fs.promises.mkdir(path.dirname(file), { recursive: true });
    await fs.promises.writeFile(file, text, { encoding: 'utf8', flag: 'wx', flush: true });
  }
}

/** Writes the site beside `folder` and puts it in its place when complete; the tracker written before goes only then. */
async function writeSiteFolder(given: string, files: Map<string, string>): Promise<void> {
  assertTrackerFolder(given);
  const folder = realPath(given);
  const parent = path.dirname(folder);
  const tag = randomBytes(6).toString('hex');
  const tmp = path.join(parent, `.${path.basename(folder)}.${tag}.tmp`);
  const old = path.join(parent, `.${path.basename(folder)}.${tag}.old`);
  let moved = false;
  try {
    await writeFiles(tmp, files);
    if (fs.existsSync(folder)) {
      await fs.promises.rename(folder, old);
      moved = true;
    }
    await fs.promises.rename(tmp, folder);
  } catch (e) {
    await fs.promises.rm(tmp, { recursive: true, force: true }).catch(() => {});
    if (moved && !fs.existsSync(folder)) await fs.promises.rename(old, folder).catch(() => {});
    if (isUserError(e)) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    if (typeof code !== 'string' || !code.startsWith('E')) throw e;
    throw userError('cannotWrite', { file: given, reason: writeFailure(code, parent, e as Error) });
  }
  if (moved) await fs.promises.rm(old, { recursive: true, force: true }).catch(() => {});
}

/** The site as one .zip, its files in a folder named after the file, so that unpacking it gives the folder to publish. */
async function writeZip(file: string, files: Map<string, string>): Promise<void> {
  const top = path.basename(file).replace(/\.zip$/i, '') || 'public-tracker';
  const entries = Object.fromEntries([...files].map(([name, text]) => [`${top}/${name}`, strToU8(text)]));
  const bytes = zipSync(entries, { level: 6, mtime: new Date() });
  await writeThroughTemporary(file, (tmp) => fs.promises.writeFile(tmp, bytes, { flag: 'wx', flush: true }));
}
