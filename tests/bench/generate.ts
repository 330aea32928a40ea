// The large report the benchmark measures: a full-length national report with a long history,
// built through the real services and the change log, as the app would have built it over months.
// Content is deterministic (a seeded PRNG); ids and clock stamps are fresh each time, as in the app.
import { countWords } from '../../shared/words.js';
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { $getRoot } from 'lexical';
import { outlineOrder, type Member, type OrganizationKind, type Role, type Section, type SectionStatus } from '../../shared/domain.js';
import { $appendBlocks, type Block } from '../../electron/docs/blocks.js';
import { editSection } from '../../electron/docs/headless.js';
import { textUpdates } from '../../electron/docs/section-text.js';
import { writeText as writeTextUpdate } from '../../electron/sync/text-log.js';
import { OpenReport } from '../../electron/store/open-report.js';
import { SCHEMA_VERSION } from '../../electron/store/migrations/index.js';
import { listSections } from '../../electron/store/queries.js';
import type { ServiceContext } from '../../electron/services/context.js';
import { createReport } from '../../electron/services/new-report.js';
import { createMember, createOrganization } from '../../electron/services/people.js';
import { loadWorkspace, updateReport } from '../../electron/services/report.js';
import { createSection, setSectionStatus, updateSection } from '../../electron/services/sections.js';
import { isoDay, writeHistory } from './history.js';
import { writeFollowUp } from './followup.js';
import { writeReview } from './review.js';
import { Prng, sectionText, splitWords, themeOf } from './prose.js';

/** Bump when the generated report changes, so cached files are made afresh. */
export const GENERATOR_VERSION = 10;

export interface GenerateOptions {
  seed: number;
  /** Sections in all: the seven of the 17/119 outline and sub-sections under them. */
  sections: number;
  /** Body words in all (footnotes do not count). */
  words: number;
  /** Words of the one long section (D, follow-up to the previous review). */
  bigSectionWords: number;
  /** How many edits the long section's text was written in (one stored Yjs update each). */
  bigSectionEdits: number;
  members: number;
  organizations: number;
  /** Rows of the change log in all, setup and review included. */
  changes: number;
  /** Review comments, of which `anchoredComments` mark a passage in the text. */
  comments: number;
  anchoredComments: number;
  /** Recommendations received in the previous cycle, and consultation inputs registered (since v5). */
  recommendations: number;
  inputs: number;
}

export const FULL_REPORT: GenerateOptions = {
  seed: 17119,
  sections: 60,
  words: 10_700,
  bigSectionWords: 5_000,
  bigSectionEdits: 40,
  members: 40,
  organizations: 12,
  changes: 200_000,
  comments: 10_000,
  anchoredComments: 300,
  recommendations: 400,
  inputs: 2_000,
};

export const QUICK_REPORT: GenerateOptions = {
  seed: 17119,
  sections: 20,
  words: 2_000,
  bigSectionWords: 800,
  bigSectionEdits: 8,
  members: 10,
  organizations: 5,
  changes: 5_000,
  comments: 200,
  anchoredComments: 20,
  recommendations: 40,
  inputs: 100,
};

export interface GeneratedReport {
  file: string;
  options: GenerateOptions;
  generatorVersion: number;
  sections: number;
  words: number;
  members: number;
  organizations: number;
  changes: number;
  comments: number;
  recommendations: number;
  inputs: number;
  bigSection: { id: string; title: string; words: number; updates: number };
  secretariatId: string;
  bytes: number;
  generatedInMs: number;
}

const ORGANIZATIONS: Array<{ name: string; kind: OrganizationKind }> = [
  { name: 'Ministry of Justice', kind: 'ministry' },
  { name: 'National Human Rights Commission', kind: 'nhri' },
  { name: 'Ministry of Labour and Social Affairs', kind: 'ministry' },
  { name: 'Ministry of Education', kind: 'ministry' },
  { name: 'Ministry of Health', kind: 'ministry' },
  { name: 'Ministry of the Interior', kind: 'ministry' },
  { name: 'National Statistics Office', kind: 'agency' },
  { name: 'Office for Gender Equality', kind: 'agency' },
  { name: 'Ministry of Environment and Spatial Planning', kind: 'ministry' },
  { name: 'Civil Society Platform for the UPR', kind: 'civil_society' },
  { name: 'Office of the United Nations Resident Coordinator', kind: 'un_entity' },
  { name: 'Ministry of Finance', kind: 'ministry' },
  { name: 'Office of the Ombudsperson', kind: 'agency' },
  { name: 'Ministry of Culture and Media', kind: 'ministry' },
];

const FIRST_NAMES = ['Amina', 'Boris', 'Chen', 'Dalia', 'Emeka', 'Fatima', 'Goran', 'Hana', 'Ivan', 'Julia', 'Kofi', 'Lucia', 'Mehmet', 'Nadia', 'Omar', 'Petra', 'Rahul', 'Sofia', 'Tariq', 'Vesna'];
const SURNAMES = ['Novak', 'Mensah', 'Kovač', 'Haddad', 'Ortiz', 'Petrović', 'Nakamura', 'Diallo', 'Horvat', 'Silva', 'Kaya', 'Andersen', 'Banda', 'Popescu', 'Rossi', 'Ahmadi'];

/** Sub-sections under each top-level section of the 17/119 outline (D has none: it is the long one). */
type Entry = string | { title: string; children: string[] };
const SUB_SECTIONS: Record<string, Entry[]> = {
  A: ['Preparation of the report', 'Consultation with civil society', 'Role of the National Human Rights Commission', 'National mechanism for implementation, reporting and follow-up', 'Methodology and data sources'],
  B: [
    'Constitutional and legislative framework',
    'Ratification of international instruments',
    'National human rights institution',
    'Cooperation with the treaty bodies',
    'Cooperation with special procedures',
    'Policy framework and national action plans',
    'Judicial reform',
    'Anti-corruption framework',
    'Institutional reforms',
  ],
  C: [
    { title: 'Equality and non-discrimination', children: ['Rights of women', 'Minorities and Roma'] },
    { title: 'Right to life, liberty and security of person', children: ['Prohibition of torture', 'Conditions of detention'] },
    'Administration of justice and fair trial',
    'Freedom of expression and of the media',
    'Freedom of peaceful assembly and association',
    'Human rights defenders',
    'Right to education',
    'Right to health',
    'Right to work and to social security',
    'Right to an adequate standard of living',
    'Violence against women and domestic violence',
    { title: 'Rights of the child', children: ['Child labour', 'Juvenile justice'] },
    'Rights of persons with disabilities',
    'Migrants, refugees and asylum seekers',
    'Trafficking in persons',
    'Business and human rights',
    'Climate change and the environment',
    'Rights of older persons',
    'Right to privacy and data protection',
    'Right to water and sanitation',
  ],
  E: ['Achievements', 'Best practices', 'Challenges and constraints', 'Impact of the COVID-19 pandemic', 'Data and statistics', 'Lessons learned'],
  F: ['National priorities', 'Voluntary commitments', 'Sustainable Development Goals', 'Human rights education', 'Implementation of the National Action Plan'],
  G: ['Technical assistance received', 'Capacity-building needs', 'Requests for technical assistance', 'Cooperation with the United Nations country team'],
};

/** Builds the report at `file` (which must not exist) and closes it. */
export function generateLargeReport(file: string, options: Partial<GenerateOptions> = {}): GeneratedReport {
  const opts: GenerateOptions = { ...FULL_REPORT, ...options };
  if (opts.sections < 7) throw new Error('A report has at least the seven sections of the 17/119 outline.');
  if (opts.organizations > ORGANIZATIONS.length + 1) throw new Error(`The generator knows ${ORGANIZATIONS.length + 1} organizations.`);
  if (opts.bigSectionWords + (opts.sections - 1) > opts.words) throw new Error('Not enough words for every section to have some.');
  const started = performance.now();
  const rng = new Prng(opts.seed);
  const { report, creator } = createReport({
    path: file,
    country: 'the Republic of Veridia',
    cycle: 4,
    language: 'en',
    yourName: 'Maria Santos',
    yourOrganization: 'Ministry of Foreign Affairs',
  });
  let big: { id: string; title: string };
  try {
    const ctx: ServiceContext = { report, me: creator };
    big = report.db.transaction(() => populate(ctx, rng, opts))();
  } finally {
    report.close();
  }
  writeHistory(file, rng, { rows: opts.changes, secretariat: creator });

  // Read back through the app's own workspace load: what the benchmark reports is what the app sees.
  const check = OpenReport.open(file);
  let counts: Omit<GeneratedReport, 'file' | 'options' | 'generatorVersion' | 'secretariatId' | 'bytes' | 'generatedInMs'>;
  try {
    const ws = loadWorkspace({ report: check, me: null });
    counts = {
      sections: ws.sections.length,
      words: ws.totalWords,
      members: ws.members.length,
      organizations: ws.organizations.length,
      changes: (check.db.prepare("SELECT count(*) AS n FROM change_log WHERE tbl != 'member_keys'").get() as { n: number }).n,
      comments: (check.db.prepare('SELECT count(*) AS n FROM comments').get() as { n: number }).n,
      recommendations: (check.db.prepare('SELECT count(*) AS n FROM recommendations WHERE deleted = 0').get() as { n: number }).n,
      inputs: (check.db.prepare('SELECT count(*) AS n FROM inputs WHERE deleted = 0').get() as { n: number }).n,
      bigSection: { ...big, words: ws.sections.find((s) => s.id === big.id)!.words, updates: textUpdates(check.db, big.id).length },
    };
  } finally {
    check.close();
  }
  // The report is what was asked for, read back through the app, or no figure is taken from it:
  // the counts exactly, the words within 2% (sections' words are drawn at random).
  const exact = { sections: opts.sections, members: opts.members, organizations: opts.organizations, changes: opts.changes, comments: opts.comments, recommendations: opts.recommendations, inputs: opts.inputs } as const;
  for (const [what, wanted] of Object.entries(exact)) {
    if (counts[what as keyof typeof exact] !== wanted) throw new Error(`The generated report has ${counts[what as keyof typeof exact]} ${what}, not the ${wanted} asked for.`);
  }
  if (Math.abs(counts.words - opts.words) > opts.words * 0.02) throw new Error(`The generated report has ${counts.words} words, not about ${opts.words}.`);
  if (Math.abs(counts.bigSection.words - opts.bigSectionWords) > opts.bigSectionWords * 0.02) throw new Error(`Its long section has ${counts.bigSection.words} words, not about ${opts.bigSectionWords}.`);
  return {
    file: path.resolve(file),
    options: opts,
    generatorVersion: GENERATOR_VERSION,
    ...counts,
    secretariatId: creator.id,
    bytes: fs.statSync(file).size,
    generatedInMs: Math.round(performance.now() - started),
  };
}

/** Organizations, members, the outline with its text, and the sections' details; returns the long section. */
function populate(ctx: ServiceContext, rng: Prng, opts: GenerateOptions): { id: string; title: string } {
  updateReport(ctx, { deadline: isoDay(60) });
  const mfa = ctx.me!.organizationId;
  const orgs = [{ id: mfa, name: 'Ministry of Foreign Affairs', kind: 'ministry' as OrganizationKind }];
  for (const o of ORGANIZATIONS.slice(0, opts.organizations - 1)) orgs.push(createOrganization(ctx, o));

  // Members, round-robin over the organizations; the Foreign Affairs team is the secretariat.
  const members: Member[] = [ctx.me!];
  for (let i = 1; i < opts.members; i++) {
    const org = orgs[i % orgs.length]!;
    const inSameOrg = members.filter((m) => m.organizationId === org.id).length;
    const role: Role =
      org.id === mfa ? (inSameOrg < 3 ? 'secretariat' : 'drafter')
      : org.kind === 'nhri' ? 'reviewer'
      : org.kind === 'civil_society' || org.kind === 'un_entity' ? 'observer'
      : 'drafter';
    const name = `${FIRST_NAMES[i % FIRST_NAMES.length]} ${SURNAMES[(i * 7) % SURNAMES.length]}`;
    members.push(createMember(ctx, { name, organizationId: org.id, role }));
  }
  const leads = orgs.filter((o) => o.kind === 'ministry' || o.kind === 'agency');
  const leadFor = (title: string) => {
    const theme = themeOf(title, rng);
    const byTheme: Record<string, string> = { justice: 'Justice', education: 'Education', health: 'Health', work: 'Labour', migration: 'Interior', equality: 'Gender', environment: 'Environment' };
    const match = byTheme[theme] && leads.find((o) => o.name.includes(byTheme[theme]!));
    return (match || rng.pick(leads)).id;
  };

  // The outline: the seven 17/119 sections, then sub-sections taken round-robin from each.
  const top = inOutlineOrder(ctx);
  const letters = ['A', 'B', 'C', 'D', 'E', 'F', 'G'];
  const byLetter = new Map(letters.map((l, i) => [l, top[i]!]));
  const queues = letters.map((l) => flatten(SUB_SECTIONS[l] ?? []).map((e) => ({ ...e, letter: l })));
  const planned: Array<{ title: string; parent: string; letter: string }> = [];
  for (let turn = 0; planned.length < opts.sections - 7; turn++) {
    const queue = queues[turn % queues.length]!;
    const next = queue.shift();
    if (next) planned.push(next);
    else if (queues.every((q) => q.length === 0)) planned.push({ title: `Other measures (${planned.length + 1})`, parent: '', letter: 'C' });
  }

  const big = byLetter.get('D')!;
  const others = top.filter((s) => s.id !== big.id).length + planned.length;
  // The limit counts the sections' headings too ("B. Normative framework"): the text gets the rest.
  const headings = [...top.map((s) => s.title), ...planned.map((p) => p.title)].reduce((sum, title) => sum + 1 + countWords(title), 0);
  const wordShares = splitWords(rng, opts.words - opts.bigSectionWords - headings, others);
  const created = new Map<string, Section>();
  for (const s of top) {
    if (s.id === big.id) continue;
    writeText(ctx, s.id, sectionText(rng, { words: wordShares.pop()!, theme: themeOf(s.title, rng) }));
  }
  for (const p of planned) {
    const parent = p.parent ? created.get(p.parent)! : byLetter.get(p.letter)!;
    const blocks = sectionText(rng, { words: wordShares.pop()!, theme: themeOf(p.title, rng) });
    created.set(p.title, createSection(ctx, { title: p.title, parentId: parent.id }, blocks));
  }

  // Details, as the secretariat set them up, and the statuses the sections will reach (set once
  // the text and the review are written: an approved section's text is final).
  const statuses: SectionStatus[] = ['not_started', 'drafting', 'drafting', 'ready_for_review', 'approved'];
  const reached: Array<{ id: string; status: SectionStatus }> = [];
  for (const s of inOutlineOrder(ctx)) {
    const budget = Math.round((s.id === big.id ? opts.bigSectionWords : rng.int(80, 400)) / 50) * 50 || 50;
    updateSection(ctx, { id: s.id, leadOrganizationId: leadFor(s.title), dueDate: isoDay(rng.int(-20, 40)), wordBudget: budget });
    const status = rng.pick(statuses);
    if (status !== 'not_started') reached.push({ id: s.id, status });
  }

  // The long section, written over many sittings by a drafter of its lead ministry.
  const bigSection = listSections(ctx.report.db).find((s) => s.id === big.id)!;
  const drafter = members.find((m) => m.role === 'drafter' && m.organizationId === bigSection.leadOrganizationId) ?? ctx.me!;
  const blocks = sectionText(rng, { words: opts.bigSectionWords, theme: 'justice', rich: true });
  const edits = Math.min(opts.bigSectionEdits, blocks.length);
  for (let i = 0; i < edits; i++) {
    const part = blocks.slice(Math.floor((i * blocks.length) / edits), Math.floor(((i + 1) * blocks.length) / edits));
    writeText(ctx, big.id, part, i > 0, drafter.id);
  }

  // The review round: the NHRI and the ministries comment, the drafters answer.
  writeReview(ctx, rng, members, inOutlineOrder(ctx), { comments: opts.comments, anchored: opts.anchoredComments });
  // The follow-up material: the previous cycle's recommendations and this report's consultation inputs.
  writeFollowUp(ctx, rng, members, orgs, { recommendations: opts.recommendations, inputs: opts.inputs });
  for (const r of reached) setSectionStatus(ctx, r);
  return { id: big.id, title: big.title };
}

/**
 * Sections in a fixed order. The generator must visit them the same way every time, and sibling
 * sub-sections of different parents share positions, so the database order (by id) would not do.
 */
function inOutlineOrder(ctx: ServiceContext): Section[] {
  return outlineOrder(listSections(ctx.report.db)).map((e) => e.section);
}

function flatten(entries: Entry[]): Array<{ title: string; parent: string }> {
  return entries.flatMap((e) =>
    typeof e === 'string' ? [{ title: e, parent: '' }] : [{ title: e.title, parent: '' }, ...e.children.map((c) => ({ title: c, parent: e.title }))],
  );
}

/** One edit of a section's text, as the editor would store it: a Yjs update appended to the section. */
function writeText(ctx: ServiceContext, sectionId: string, blocks: Block[], append = false, author = ctx.me!.id): void {
  const update = editSection(textUpdates(ctx.report.db, sectionId), () => {
    const root = $getRoot();
    if (!append) root.clear();
    $appendBlocks(root, blocks);
  });
  writeTextUpdate(ctx.report, sectionId, update, author, 'edit');
}

/**
 * The report for `options`, made once and kept under `dir` (keyed by generator version, the file's
 * schema version, so no figure times a migration, and options). Treat the file as read-only:
 * benchmarks that write work on a copy.
 */
export function cachedLargeReport(options: GenerateOptions, dir: string, log: (line: string) => void = () => {}): GeneratedReport {
  const key = `report-v${GENERATOR_VERSION}-schema${SCHEMA_VERSION}-${options.sections}s-${options.words}w-${options.changes}c-${options.members}m-${options.comments}r-${options.recommendations}rec-${options.inputs}in-${options.seed}`;
  const file = path.join(dir, `${key}.upr`);
  const infoFile = path.join(dir, `${key}.json`);
  if (fs.existsSync(file) && fs.existsSync(infoFile)) {
    return { ...(JSON.parse(fs.readFileSync(infoFile, 'utf8')) as GeneratedReport), file: path.resolve(file) };
  }
  fs.mkdirSync(dir, { recursive: true });
  log(`Generating ${key} (once; later runs reuse it)...`);
  // Made under a temporary name and renamed, so a half-made file is never taken for a cached one.
  const tmp = path.join(dir, `${key}.${process.pid}.tmp`);
  fs.rmSync(tmp, { force: true });
  const info = generateLargeReport(tmp, options);
  fs.renameSync(tmp, file);
  const result = { ...info, file: path.resolve(file) };
  fs.writeFileSync(infoFile, JSON.stringify(result, null, 2));
  log(`Generated in ${(info.generatedInMs / 1000).toFixed(1)} s.`);
  return result;
}
