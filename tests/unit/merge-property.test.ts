// Merging converges, whatever the offices did and in whatever order they merged: three offices
// each take a closed copy of one report, make random edits of every kind through the services,
// then merge each other's copies in random orders (the same copy twice, a copy of a copy among
// them). Every office must end with the same synced tables and section text, and every change
// any office made must be in every merged file. A failure prints fast-check's seed; rerun it with
// FC_SEED=<seed> (and FC_PATH=<path> to go straight to the shrunk case).
import { listVersions, readVersion, restoreFromVersion, saveVersion } from '../../electron/services/versions.js';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { $createParagraphNode, $createTextNode, $getRoot } from 'lexical';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMMENT_TYPES, DISPOSITIONS, IMPLEMENTATION_STATUSES, INPUT_CHANNELS, ROLES, SECTION_STATUSES, type Member } from '../../shared/domain.js';
import { isUserError } from '../../shared/errors.js';
import { attachData } from '../../electron/services/attachments.js';
import { createMember, createOrganization, updateMember } from '../../electron/services/people.js';
import { checkReportFile } from '../../electron/store/check.js';
import { editSection } from '../../electron/docs/headless.js';
import { readSectionText, textUpdates } from '../../electron/docs/section-text.js';
import { writeText } from '../../electron/sync/text-log.js';
import { createComment, decideComment, listComments, replyToComment, setCommentStatus } from '../../electron/services/comments.js';
import type { ServiceContext } from '../../electron/services/context.js';
import { createInput, decideInput, listInputs, updateInput } from '../../electron/services/inputs.js';
import { createReport } from '../../electron/services/new-report.js';
import { importRecommendations, listRecommendations, updateRecommendation } from '../../electron/services/recommendations.js';
import { createSection, deleteSection, moveSection, setSectionStatus, updateSection } from '../../electron/services/sections.js';
import { OpenReport } from '../../electron/store/open-report.js';
import { getMember, listMembers, listSections } from '../../electron/store/queries.js';
import { SYNCED_TABLES } from '../../electron/store/schema.js';
import { writeClosedCopy } from '../../electron/sync/copy.js';
import { mergeCopy } from '../../electron/sync/merge.js';

/** What the issue asks of CI; a quicker pass locally unless FC_RUNS says otherwise. */
const RUNS = Number(process.env.FC_RUNS ?? (process.env.CI ? 200 : 40));

// Edits pick their target by a number taken modulo what the office has at that moment, so every
// generated edit applies to whatever the copy holds by then.
const words = fc.stringMatching(/^[A-Za-z][A-Za-z ,.]{0,23}$/);
const pick = fc.nat(1000);
const edit = fc.oneof(
  fc.record({ kind: fc.constant('title' as const), s: pick, title: words }),
  fc.record({ kind: fc.constant('status' as const), s: pick, status: fc.constantFrom(...SECTION_STATUSES) }),
  fc.record({ kind: fc.constant('due' as const), s: pick, day: fc.integer({ min: 1, max: 28 }) }),
  fc.record({ kind: fc.constant('budget' as const), s: pick, budget: fc.option(fc.integer({ min: 0, max: 5000 })) }),
  fc.record({ kind: fc.constant('newSection' as const), parent: fc.option(pick), title: words }),
  fc.record({ kind: fc.constant('delete' as const), s: pick }),
  fc.record({ kind: fc.constant('type' as const), s: pick, words }),
  fc.record({ kind: fc.constant('comment' as const), s: pick, type: fc.constantFrom(...COMMENT_TYPES), body: words }),
  fc.record({ kind: fc.constant('reply' as const), c: pick, body: words }),
  fc.record({ kind: fc.constant('decide' as const), c: pick, disposition: fc.constantFrom(...DISPOSITIONS), rationale: words }),
  fc.record({ kind: fc.constant('close' as const), c: pick, closed: fc.boolean() }),
  fc.record({ kind: fc.constant('recommendation' as const), r: pick, status: fc.constantFrom(...IMPLEMENTATION_STATUSES) }),
  fc.record({ kind: fc.constant('newInput' as const), title: words, channel: fc.constantFrom(...INPUT_CHANNELS) }),
  fc.record({ kind: fc.constant('inputSummary' as const), i: pick, summary: words }),
  fc.record({ kind: fc.constant('decideInput' as const), i: pick, reflected: fc.boolean(), rationale: words }),
  // Outline moves (two offices moving sections under each other cross), role changes (two
  // secretariat members may demote each other), a drafter's own status changes, attached files.
  fc.record({ kind: fc.constant('move' as const), s: pick, parent: fc.option(pick), index: fc.nat(5) }),
  fc.record({ kind: fc.constant('role' as const), m: pick, role: fc.constantFrom(...ROLES) }),
  fc.record({ kind: fc.constant('drafterStatus' as const), s: pick, status: fc.constantFrom(...SECTION_STATUSES) }),
  fc.record({ kind: fc.constant('attach' as const), i: pick, words }),
  // A version saved (the secretariat's), and a section's text or status restored from the newest version here.
  fc.record({ kind: fc.constant('version' as const), name: words }),
  fc.record({ kind: fc.constant('restore' as const), s: pick, what: fc.constantFrom('text' as const, 'status' as const) }),
  // A change written into the copy by hand, claiming an author who could not make it: held back everywhere.
  fc.record({ kind: fc.constant('forge' as const), s: pick, as: fc.constantFrom('reviewer', 'drafter', 'stranger'), what: fc.constantFrom('approve', 'promote', 'title') }),
);
type Edit = typeof edit extends fc.Arbitrary<infer E> ? E : never;

/** Who merges what, in which order: indexes into the copies on offer (see `mergePlan`). */
const scenario = fc.record({
  edits: fc.tuple(fc.array(edit, { maxLength: 8 }), fc.array(edit, { maxLength: 8 }), fc.array(edit, { maxLength: 8 })),
  // One office merges another's copy and passes on a copy of the result: a copy of a copy.
  relay: fc.record({ by: fc.nat(2), from: fc.nat(1) }),
  orders: fc.tuple(fc.nat(), fc.nat(), fc.nat()),
  twice: fc.tuple(fc.option(fc.nat(3)), fc.option(fc.nat(3)), fc.option(fc.nat(3))),
});

function nth<T>(items: readonly T[], n: number): T | undefined {
  return items.length ? items[n % items.length] : undefined;
}

/** Stamps of the changes written by hand into copies (forged), across the run. */
const forged = new Set<string>();

/** A member by role, as this copy has them now. */
function memberWith(db: Database.Database, role: string): Member | undefined {
  return listMembers(db as never).find((m) => m.role === role);
}

function apply(ctx: ServiceContext & { me: Member }, e: Edit): void {
  try {
    applyOrRefused(ctx, e);
  } catch (err) {
    // What the policy refuses here (a move inside itself, the last secretariat member's role) is
    // refused with a message and changes nothing; every other failure is the test's.
    if (!isUserError(err)) throw err;
  }
}

function applyOrRefused(ctx: ServiceContext & { me: Member }, e: Edit): void {
  const { db } = ctx.report;
  const sections = listSections(db);
  const section = 's' in e ? nth(sections, e.s) : undefined;
  // Open comments on sections still there: the ones a person can still answer.
  const live = new Set(sections.map((x) => x.id));
  const comments = listComments(db).filter((c) => c.state !== 'closed' && live.has(c.sectionId));
  const comment = 'c' in e ? nth(comments, e.c) : undefined;
  const input = 'i' in e ? nth(listInputs(db), e.i) : undefined;
  switch (e.kind) {
    case 'title':
      if (section) updateSection(ctx, { id: section.id, title: e.title });
      return;
    case 'status':
      if (section) setSectionStatus(ctx, { id: section.id, status: e.status });
      return;
    case 'due':
      if (section) updateSection(ctx, { id: section.id, dueDate: `2027-03-${String(e.day).padStart(2, '0')}` });
      return;
    case 'budget':
      if (section) updateSection(ctx, { id: section.id, wordBudget: e.budget });
      return;
    case 'newSection':
      createSection(ctx, { title: e.title, parentId: e.parent === null ? null : (nth(sections, e.parent)?.id ?? null) });
      return;
    case 'delete':
      // Keep at least one section, so the other edits have somewhere to land.
      if (section && sections.length > 1) deleteSection(ctx, { id: section.id });
      return;
    case 'type':
      if (section) {
        const update = editSection(textUpdates(db, section.id), () => {
          $getRoot().append($createParagraphNode().append($createTextNode(e.words)));
        });
        writeText(ctx.report, section.id, update, ctx.me.id, 'edit');
      }
      return;
    case 'comment':
      if (section) createComment(ctx, { id: randomUUID(), sectionId: section.id, type: e.type, body: e.body, proposed: '' });
      return;
    case 'reply':
      if (comment) replyToComment(ctx, { commentId: comment.id, body: e.body });
      return;
    case 'decide':
      if (comment) decideComment(ctx, { commentId: comment.id, disposition: e.disposition, rationale: e.rationale });
      return;
    case 'close': {
      const any = nth(listComments(db), e.c);
      if (any) setCommentStatus(ctx, { commentId: any.id, status: e.closed ? 'closed' : 'open' });
      return;
    }
    case 'recommendation': {
      const r = nth(listRecommendations(db), e.r);
      if (r) updateRecommendation(ctx, { id: r.id, implementationStatus: e.status });
      return;
    }
    case 'newInput':
      createInput(ctx, { title: e.title, sourceOrganizationId: null, receivedOn: '', channel: e.channel, summary: '', fullText: '', themes: [] });
      return;
    case 'inputSummary':
      if (input) updateInput(ctx, { id: input.id, summary: e.summary });
      return;
    case 'decideInput':
      if (input) decideInput(ctx, { inputId: input.id, disposition: e.reflected ? 'reflected' : 'not_reflected', rationale: e.rationale });
      return;
    case 'move': {
      const parent = e.parent === null ? null : (nth(sections, e.parent)?.id ?? null);
      if (section) moveSection(ctx, { id: section.id, parentId: parent === section.id ? null : parent, index: e.index });
      return;
    }
    case 'role': {
      // The forgers (the reviewer and the drafter) keep their roles, so what is forged in their
      // names stays beyond them; everyone else's role may change, the two secretariat members' too.
      const member = nth(listMembers(db).filter((m) => m.name !== 'Rita Reviewer' && m.name !== 'Dana Drafter'), e.m);
      if (member) updateMember(ctx, { id: member.id, role: e.role });
      return;
    }
    case 'drafterStatus': {
      const drafter = memberWith(db as never, 'drafter');
      const own = sections.find((s) => drafter && s.leadOrganizationId === drafter.organizationId);
      if (drafter && own) setSectionStatus({ report: ctx.report, me: drafter }, { id: own.id, status: e.status === 'approved' ? 'ready_for_review' : e.status });
      return;
    }
    case 'attach':
      if (input) attachData(ctx, { inputId: input.id, name: `${e.words.slice(0, 8) || 'note'}.txt`, mediaType: 'text/plain', data: Buffer.from(`Attached: ${e.words}`).toString('base64') });
      return;
    case 'version':
      saveVersion(ctx.report, ctx.me.id, 'named', e.name);
      return;
    case 'restore': {
      const newest = listVersions(db)[0];
      if (newest && section) restoreFromVersion(ctx, { versionId: newest.id, sectionId: section.id, what: e.what });
      return;
    }
    case 'forge': {
      // As sqlite3 would: a log row claiming someone who may not make it, and the cell to match.
      const author = e.as === 'stranger' ? 'someone-not-a-member' : memberWith(db as never, e.as)?.id;
      const target = nth(sections, e.s);
      if (!author || !target) return;
      const [table, row, column, value] =
        e.what === 'promote' ? ['members', author, 'role', 'secretariat'] : e.what === 'approve' ? ['sections', target.id, 'status', 'approved'] : ['sections', target.id, 'title', 'Taken over'];
      // Only a change the author could not make is a forgery (a drafter may title nothing, approve nothing, promote no one).
      const hlc = ctx.report.clock.tick();
      db.prepare('INSERT INTO change_log (hlc, replica, author, tbl, row_id, col, value, prev_hlc) VALUES (?, ?, ?, ?, ?, ?, ?, NULL)').run(hlc, ctx.report.replica, author, table, row, column, value);
      db.prepare(`UPDATE ${table} SET ${column} = ? WHERE id = ?`).run(value, row);
      forged.add(hlc);
      return;
    }
  }
}

function open(file: string) {
  const report = OpenReport.open(file);
  const me = getMember(report.db, report.db.prepare("SELECT id FROM members WHERE role = 'secretariat' LIMIT 1").pluck().get() as string)!;
  return { report, me };
}

/** Every synced table's rows, every section's text, the change log row for row, what is held back, attached files' contents. */
function contents(report: OpenReport) {
  const tables = Object.fromEntries(Object.keys(SYNCED_TABLES).map((t) => [t, report.db.prepare(`SELECT * FROM ${t} ORDER BY id`).all()]));
  const ids = report.db.prepare('SELECT id FROM sections ORDER BY id').pluck().all() as string[];
  const texts = Object.fromEntries(ids.map((id) => [id, readSectionText(report.db, id).plain]));
  // Each row as its office wrote it: the same in every file, whichever order the copies came in.
  const log = report.db.prepare('SELECT * FROM change_log ORDER BY hlc').all();
  const held = report.db.prepare('SELECT kind, hlc, reason FROM held_changes ORDER BY kind, hlc').all();
  const blobs = report.db.prepare('SELECT sha256 FROM blobs ORDER BY sha256').pluck().all();
  // Every version reads the same in every office: its sections' text rebuilt from the snapshots it keeps.
  const versions = Object.fromEntries(
    listVersions(report.db).map((v) => [v.id, readVersion({ report, me: null }, { id: v.id }).sections.map((s) => [s.sectionId, s.paragraphs, s.textMissing ?? false])]),
  );
  return { tables, texts, log, held, blobs, versions };
}

const stamps = (file: string): string[] => {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare('SELECT hlc FROM change_log').pluck().all() as string[];
  } finally {
    db.close();
  }
};

/** A permutation of `items` chosen by `n`. */
function shuffled<T>(items: readonly T[], n: number): T[] {
  const rest = [...items];
  const out: T[] = [];
  while (rest.length) {
    out.push(rest.splice(n % rest.length, 1)[0]!);
    n = Math.floor(n / 3) + 7;
  }
  return out;
}

let root = '';
let base = '';

beforeAll(() => {
  // In memory where the system offers it: hundreds of merges each write a backup.
  root = fs.mkdtempSync(path.join(fs.existsSync('/dev/shm') ? '/dev/shm' : os.tmpdir(), 'upr-merge-property-'));
  // A small report: the seven-section outline, two recommendations, an input and a comment.
  const made = createReport({ path: path.join(root, 'base-open.upr'), country: 'Testland', cycle: 4, language: 'en', yourName: 'Sam Secretariat', yourOrganization: 'Ministry of Foreign Affairs' } as never);
  const ctx = { report: made.report, me: made.creator };
  const rec = (number: string) => ({ number, text: `Recommendation ${number}`, states: ['France'], position: null, positionSource: '', cluster: '', themes: [], groups: [], sdgs: [] });
  importRecommendations(ctx, [rec('115.1'), rec('115.2')], [], 'list.csv');
  createInput(ctx, { title: 'Bar association submission', sourceOrganizationId: null, receivedOn: '', channel: 'email', summary: '', fullText: '', themes: [] });
  createComment(ctx, { id: randomUUID(), sectionId: listSections(made.report.db)[0]!.id, type: 'editorial', body: 'Shorter, please.', proposed: '' });
  // People whose roles the offices change: a second secretariat member, a drafter leading a section, a reviewer.
  createMember(ctx, { name: 'Sol Secretariat', organizationId: made.creator.organizationId, role: 'secretariat' });
  const justice = createOrganization(ctx, { name: 'Ministry of Justice', kind: 'ministry' });
  createMember(ctx, { name: 'Dana Drafter', organizationId: justice.id, role: 'drafter' });
  const nhri = createOrganization(ctx, { name: 'National Human Rights Commission', kind: 'nhri' });
  createMember(ctx, { name: 'Rita Reviewer', organizationId: nhri.id, role: 'reviewer' });
  createMember(ctx, { name: 'Omar Observer', organizationId: nhri.id, role: 'observer' });
  updateSection(ctx, { id: listSections(made.report.db)[1]!.id, leadOrganizationId: justice.id });
  base = writeClosedCopy(made.report.db, path.join(root, 'base.upr')).path;
  made.report.close();
});

afterAll(() => {
  if (root) fs.rmSync(root, { recursive: true, force: true });
});

describe('merging copies', () => {
  it('converges in any order, with nothing lost, whatever the offices edited', () => {
    let run = 0;
    fc.assert(
      fc.property(scenario, ({ edits, relay, orders, twice }) => {
        const dir = path.join(root, `run-${run++}`);
        fs.mkdirSync(dir);
        const backupDir = path.join(dir, 'backups');
        const offices = [0, 1, 2].map((i) => path.join(dir, `office-${i}.upr`));

        // Each office edits its own copy, then sends a closed copy of it; a forgery is written
        // into the copy sent, by hand, on its way.
        const sent = offices.map((file, i) => {
          fs.copyFileSync(base, file);
          const o = open(file);
          for (const e of edits[i]!) if (e.kind !== 'forge') apply(o, e);
          const copy = writeClosedCopy(o.report.db, path.join(dir, `sent-${i}.upr`)).path;
          o.report.close();
          const forgeries = edits[i]!.filter((e) => e.kind === 'forge');
          if (forgeries.length) {
            const c = open(copy);
            for (const e of forgeries) apply(c, e);
            c.report.close();
          }
          return copy;
        });
        const everyStamp = new Set(sent.flatMap(stamps));

        // A copy of a copy: one office merges another's and passes the result on.
        const from = [0, 1, 2].filter((i) => i !== relay.by)[relay.from]!;
        const relayed = path.join(dir, 'relayed.upr');
        fs.copyFileSync(sent[relay.by]!, relayed);
        const r = OpenReport.open(relayed);
        mergeCopy(r, sent[from]!, { backupDir });
        const passedOn = writeClosedCopy(r.db, path.join(dir, 'passed-on.upr')).path;
        r.close();

        // Each office merges the others' copies and the passed-on one in its own order, one of them twice.
        const results = offices.map((file, i) => {
          // Its own copy too: the one it sent may have been edited by hand on its way back.
          const offer = [...sent, passedOn];
          const order = shuffled(offer, orders[i]!);
          const again = twice[i];
          if (again !== null && again !== undefined) order.splice(again % (order.length + 1), 0, nth(offer, again)!);
          const o = open(file);
          for (const copy of order) mergeCopy(o.report, copy, { backupDir });
          const c = contents(o.report);
          const log = new Set(o.report.db.prepare('SELECT hlc FROM change_log').pluck().all() as string[]);
          o.report.close();
          return { c, log };
        });

        expect(results[1]!.c).toEqual(results[0]!.c);
        expect(results[2]!.c).toEqual(results[0]!.c);
        for (const { log } of results) expect([...everyStamp].filter((h) => !log.has(h))).toEqual([]);
        // Every forged change is kept and held back; every attached file's contents arrived; the
        // merged file passes every check, the policy judged again from the start included.
        const held = new Set((results[0]!.c.held as Array<{ hlc: string }>).map((h) => h.hlc));
        expect([...forged].filter((h) => everyStamp.has(h) && !held.has(h))).toEqual([]);
        const attached = (results[0]!.c.tables.attachments as Array<{ sha256: string; deleted: number }>).map((a) => a.sha256);
        expect(attached.filter((s) => !(results[0]!.c.blobs as string[]).includes(s))).toEqual([]);
        expect(checkReportFile(offices[0]!)).toMatchObject({ sound: true, problems: [] });
        fs.rmSync(dir, { recursive: true, force: true });
      }),
      { numRuns: RUNS, seed: process.env.FC_SEED ? Number(process.env.FC_SEED) : undefined, path: process.env.FC_PATH, endOnFailure: !process.env.FC_SHRINK },
    );
  }, 600_000);
});
