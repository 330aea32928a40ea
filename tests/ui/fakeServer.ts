// An in-memory stand-in for the main process, behind the renderer's Transport: enough of the API to
// drive the screens, with the same permission rules (shared/permissions) and the same refusals the
// services send, and 'changed' events after every change as the real host sends them.
import type { ApiEvent, RecentFile, Reply } from '../../shared/api.js';
import {
  commentState,
  outlineOrder,
  type Member,
  type ImportPreview,
  type Organization,
  type FullRecommendation,
  type Report,
  type ReviewComment,
  type SectionWithCount,
  type Workspace,
  UPR_ORIGIN,
} from '../../shared/domain.js';
import { isUserError } from '../../shared/errors.js';
import { userError } from '../../shared/messages.js';
import { denyCloseComment, denyRecommendationFollowUp, denyReportChange, denySectionStatus, denySectionText, type Denial } from '../../shared/permissions.js';
import type { Transport } from '../../renderer/api/transport.js';

export interface FakeWorld {
  /** The report open in this window, or null for the start screen. */
  path: string | null;
  report: Report;
  organizations: Organization[];
  members: Member[];
  sections: SectionWithCount[];
  meId: string | null;
  recent: RecentFile[];
  /** What the "native" file dialog answers; null as in browser mode. */
  chooseFile: string | null;
  /** Report files that "exist", by path. */
  files: Record<string, Report>;
  /** Review comments, numbered in the order they were made. */
  comments?: ReviewComment[];
  /** When set, exporting the comment matrix fails with this message (a folder that is not there). */
  exportRefusal?: string;
  /** The report's recommendations. */
  recommendations?: FullRecommendation[];
  /** Lists of recommendations that "exist" as files, by path: what reading each would show. */
  recommendationFiles?: Record<string, ImportPreview>;
}

/** A recommendation of sampleWorld()'s list, supported, nobody responsible yet, addressed nowhere. */
export function sampleRecommendation(number: string, more: Partial<FullRecommendation> = {}): FullRecommendation {
  return {
    id: `rec-${number}`,
    number,
    text: `Recommendation ${number} text`,
    states: ['France'],
    position: 'supported',
    positionSource: '',
    cluster: 'Theme: A41 Constitutional and legislative framework',
    themes: ['A41 Constitutional and legislative framework'],
    groups: [],
    sdgs: [16],
    source: 'thematic-list.docx',
    responsibleOrganizationId: null,
    contributingOrganizationIds: [],
    countryCluster: '',
    implementationStatus: 'not_started',
    statusByHand: false,
    actionCategory: null,
    public: false,
    actions: [],
    indicators: [],
    origin: { ...UPR_ORIGIN },
    sameAs: null,
    notes: [],
    referencedIn: [],
    linkedSections: [],
    ...more,
  };
}

/** A review comment on section `sectionId` of sampleWorld(), by Ingrid Larsen of the NHRI unless told otherwise. */
export function sampleComment(number: number, more: Partial<ReviewComment> = {}): ReviewComment {
  return {
    id: `c${number}`,
    number,
    sectionId: 'b',
    sectionLabel: 'B',
    sectionTitle: 'Developments since the previous review',
    anchored: true,
    detached: false,
    quote: `passage ${number}`,
    type: 'substantive',
    body: `Comment ${number} body`,
    proposed: '',
    authorId: 'ingrid',
    authorName: 'Ingrid Larsen',
    organizationId: 'nhrc',
    organizationName: 'National Human Rights Commission',
    createdAt: '2030-02-01T12:00:00.000Z',
    disposition: null,
    rationale: '',
    decidedById: '',
    decidedByName: '',
    decidedAt: '',
    appliedByName: '',
    appliedAt: '',
    state: 'open',
    closedByName: '',
    closedAt: '',
    replies: [],
    ...more,
  };
}

export function sampleWorld(overrides: Partial<FakeWorld> = {}): FakeWorld {
  const report: Report = {
    id: 'r1',
    title: 'National report of Veridia',
    country: 'Veridia',
    cycle: 4,
    language: 'en',
    deadline: '2030-06-01',
    wordLimit: 10_700,
    session: '',
    symbol: '',
    lockAtReview: false,
    distribution: 'general',
    issued: '',
  };
  const section = (id: string, title: string, position: string, more: Partial<SectionWithCount> = {}): SectionWithCount => ({
    openComments: 0,
    damaged: false,
    statusSet: null,
    id,
    parentId: null,
    position,
    title,
    leadOrganizationId: null,
    dueDate: '',
    wordBudget: null,
    status: 'not_started',
    words: 0,
    ...more,
  });
  return {
    path: '/reports/veridia.upr',
    report,
    organizations: [
      { id: 'mfa', name: 'Ministry of Foreign Affairs', kind: 'ministry' },
      { id: 'justice', name: 'Ministry of Justice', kind: 'ministry' },
      { id: 'nhrc', name: 'National Human Rights Commission', kind: 'nhri' },
    ],
    members: [
      { id: 'maria', name: 'Maria Santos', organizationId: 'mfa', role: 'secretariat' },
      { id: 'david', name: 'David Okafor', organizationId: 'justice', role: 'drafter' },
      { id: 'ingrid', name: 'Ingrid Larsen', organizationId: 'nhrc', role: 'reviewer' },
    ],
    sections: [
      section('a', 'Methodology and consultation process', 'a0', { leadOrganizationId: 'mfa', wordBudget: 900, words: 150, status: 'ready_for_review' }),
      section('b', 'Developments since the previous review', 'a1', {
        leadOrganizationId: 'justice',
        wordBudget: 1800,
        words: 400,
        status: 'drafting',
        dueDate: '2020-01-01',
      }),
      section('b1', 'Normative framework', 'a0', { parentId: 'b', leadOrganizationId: 'justice', words: 90 }),
      section('b2', 'Institutional framework', 'a1', { parentId: 'b', leadOrganizationId: 'justice', words: 27 }),
      section('c', 'Promotion and protection of human rights on the ground', 'a2', { words: 58 }),
    ],
    meId: 'maria',
    recent: [],
    chooseFile: null,
    files: {},
    ...overrides,
  };
}

class Refusal extends Error {
  constructor(
    message: string,
    readonly code = 'invalid',
  ) {
    super(message);
  }
}

export interface FakeTransport extends Transport {
  world: FakeWorld;
  /** Every call made, in order. */
  calls: Array<{ method: string; input: unknown }>;
  /** Pushes an event to the app, as another window's change would. */
  emit(event: ApiEvent): void;
}

export function fakeTransport(world: FakeWorld): FakeTransport {
  const listeners = new Set<(event: ApiEvent) => void>();
  const calls: Array<{ method: string; input: unknown }> = [];
  let nextId = 1;
  const emit = (event: ApiEvent) => setTimeout(() => listeners.forEach((l) => l(event)), 0);
  const changed = (what: 'report' | 'organizations' | 'members' | 'sections') => emit({ kind: 'changed', what: [what] });
  const me = () => world.members.find((m) => m.id === world.meId) ?? null;
  // The same permission functions and messages as the services.
  const allow = (denial: Denial) => {
    if (denial) throw userError(denial.key, denial.params);
  };
  const section = (id: string) => {
    const s = world.sections.find((x) => x.id === id);
    if (!s) throw new Refusal('That section does not exist (it may have been deleted).', 'not_found');
    return s;
  };
  const recommendation = (id: string) => {
    const r = (world.recommendations ?? []).find((x) => x.id === id);
    if (!r) throw new Refusal('That recommendation does not exist.', 'not_found');
    return r;
  };
  const siblings = (parentId: string | null, except?: string) =>
    world.sections.filter((s) => s.parentId === parentId && s.id !== except).sort((a, b) => (a.position < b.position ? -1 : 1));
  /** Rekeys siblings so the moved section sits at `index`: enough order for a fake. */
  const place = (s: SectionWithCount, parentId: string | null, index: number) => {
    const list = siblings(parentId, s.id);
    list.splice(Math.min(index, list.length), 0, s);
    s.parentId = parentId;
    list.forEach((x, i) => (x.position = `a${String(i).padStart(3, '0')}`));
  };

  const handlers: Record<string, (input: never) => unknown> = {
    'app.current': () => ({ path: world.path }),
    'app.recent': () => world.recent,
    'app.chooseFile': () => ({ path: world.chooseFile }),
    'app.newReport': (input: { path: string; country: string; cycle: number; language: Report['language']; yourName: string; yourOrganization: string }) => {
      if (world.files[input.path]) throw new Refusal(`A file already exists at ${input.path}; choose another name.`, 'conflict');
      world.path = input.path;
      world.report = { id: 'new', title: `National report of ${input.country}`, country: input.country, cycle: input.cycle, language: input.language, deadline: '', wordLimit: 10_700, session: '', symbol: '', lockAtReview: false, distribution: 'general', issued: '' };
      world.organizations = [{ id: 'org1', name: input.yourOrganization, kind: 'ministry' }];
      world.members = [{ id: 'me1', name: input.yourName, organizationId: 'org1', role: 'secretariat' }];
      world.sections = [];
      world.meId = 'me1';
      return { path: input.path };
    },
    'app.openReport': (input: { path: string }) => {
      const report = world.files[input.path];
      if (!report) throw new Refusal(`There is no file at ${input.path}.`, 'not_found');
      world.path = input.path;
      world.report = report;
      world.meId = null;
      return { path: input.path };
    },
    'app.closeReport': () => {
      const had = world.path !== null;
      world.path = null;
      world.meId = null;
      return { closed: had };
    },
    'session.signIn': (input: { memberId: string }) => {
      const member = world.members.find((m) => m.id === input.memberId);
      if (!member) throw new Refusal('That person is not a member of this report.', 'not_found');
      world.meId = member.id;
      return member;
    },
    'session.signOut': () => {
      world.meId = null;
      return { ok: true };
    },
    'workspace.load': (): Workspace => {
      if (!world.path) throw new Refusal('No report is open.');
      return structuredClone({
        path: world.path,
        report: world.report,
        organizations: world.organizations,
        members: world.members,
        sections: outlineOrder(world.sections).map((e) => e.section),
        me: me(),
        totalWords: world.sections.reduce((n, s) => n + s.words, 0),
        sentCopy: null,
        previousReport: null,
      });
    },
    'report.update': (input: Partial<Report>) => {
      allow(denyReportChange(me()));
      Object.assign(world.report, input);
      changed('report');
      return world.report;
    },
    'organizations.create': (input: Omit<Organization, 'id'>) => {
      allow(denyReportChange(me()));
      const org = { id: `org${nextId++}`, ...input };
      world.organizations.push(org);
      changed('organizations');
      return org;
    },
    'organizations.delete': (input: { id: string }) => {
      allow(denyReportChange(me()));
      const org = world.organizations.find((o) => o.id === input.id)!;
      const members = world.members.filter((m) => m.organizationId === org.id).length;
      if (members) throw new Refusal(`${org.name} still has ${members} member(s); move or remove them first.`, 'conflict');
      world.organizations = world.organizations.filter((o) => o.id !== org.id);
      changed('organizations');
      return { id: org.id };
    },
    'members.create': (input: Omit<Member, 'id'>) => {
      allow(denyReportChange(me()));
      const member = { id: `m${nextId++}`, ...input };
      world.members.push(member);
      changed('members');
      return member;
    },
    'members.delete': (input: { id: string }) => {
      allow(denyReportChange(me()));
      const member = world.members.find((m) => m.id === input.id)!;
      if (member.role === 'secretariat' && !world.members.some((m) => m.role === 'secretariat' && m.id !== member.id)) {
        throw new Refusal(
          `${member.name} is the only member of the secretariat; add another before changing or removing them, or nobody could manage the report.`,
          'conflict',
        );
      }
      world.members = world.members.filter((m) => m.id !== member.id);
      changed('members');
      return { id: member.id };
    },
    'sections.create': (input: { title: string; parentId?: string | null }) => {
      allow(denyReportChange(me()));
      const s: SectionWithCount = {
        openComments: 0,
        damaged: false,
        statusSet: null,
        id: `s${nextId++}`,
        parentId: input.parentId ?? null,
        position: 'z',
        title: input.title,
        leadOrganizationId: null,
        dueDate: '',
        wordBudget: null,
        status: 'not_started',
        words: 0,
      };
      world.sections.push(s);
      place(s, s.parentId, siblings(s.parentId, s.id).length);
      changed('sections');
      return s;
    },
    'sections.update': (input: Partial<SectionWithCount> & { id: string }) => {
      allow(denyReportChange(me()));
      Object.assign(section(input.id), input);
      changed('sections');
      return section(input.id);
    },
    'sections.move': (input: { id: string; parentId: string | null; index: number }) => {
      allow(denyReportChange(me()));
      place(section(input.id), input.parentId, input.index);
      changed('sections');
      return section(input.id);
    },
    'sections.setStatus': (input: { id: string; status: SectionWithCount['status'] }) => {
      const s = section(input.id);
      allow(denySectionStatus(me(), s, input.status));
      s.status = input.status;
      changed('sections');
      return s;
    },
    'comments.list': (input: { sectionId?: string }) => (world.comments ?? []).filter((c) => !input.sectionId || c.sectionId === input.sectionId),
    'comments.setStatus': (input: { commentId: string; status: 'open' | 'closed' }) => {
      const c = (world.comments ?? []).find((x) => x.id === input.commentId);
      if (!c) throw userError('commentMissing');
      allow(denyCloseComment(me(), c));
      if ((c.state === 'closed') !== (input.status === 'closed')) {
        const closing = input.status === 'closed';
        c.state = commentState({ disposition: c.disposition, status: input.status });
        c.closedByName = closing ? me()!.name : '';
        c.closedAt = closing ? '2030-03-01T12:00:00.000Z' : '';
        emit({ kind: 'changed', what: ['comments'] });
      }
      return c;
    },
    'comments.export': (input: { format: 'xlsx' | 'csv'; path: string }) => {
      if (world.exportRefusal) throw new Refusal(world.exportRefusal, 'io');
      return { path: input.path, rows: (world.comments ?? []).length };
    },
    'recommendations.list': () => world.recommendations ?? [],
    'recommendations.get': (input: { id: string }) => recommendation(input.id),
    'plan.overdue': (input: { today: string }) =>
      (world.recommendations ?? []).flatMap((r) =>
        r.actions.filter((a) => a.endDate && a.endDate < input.today && (a.status === 'planned' || a.status === 'under_way')).map((action) => ({ action, number: r.number })),
      ),
    'recommendations.update': (input: { id: string; responsibleOrganizationId?: string | null; implementationStatus?: FullRecommendation['implementationStatus'] }) => {
      const r = recommendation(input.id);
      if (input.responsibleOrganizationId !== undefined) {
        allow(denyReportChange(me()));
        r.responsibleOrganizationId = input.responsibleOrganizationId;
      }
      if (input.implementationStatus !== undefined) {
        allow(denyRecommendationFollowUp(me(), r));
        r.implementationStatus = input.implementationStatus;
      }
      emit({ kind: 'changed', what: ['recommendations'] });
      return r;
    },
    'recommendations.addNote': (input: { recommendationId: string; date: string; text: string }) => {
      const r = recommendation(input.recommendationId);
      allow(denyRecommendationFollowUp(me(), r));
      r.notes.push({ id: `n${nextId++}`, date: input.date, text: input.text, authorName: me()!.name, actionId: '', public: false, evidence: [] });
      emit({ kind: 'changed', what: ['recommendations'] });
      return r;
    },
    'recommendations.link': (input: { recommendationId: string; sectionId: string; linked: boolean }) => {
      const r = recommendation(input.recommendationId);
      allow(denySectionText(me(), section(input.sectionId)));
      r.linkedSections = r.linkedSections.filter((id) => id !== input.sectionId).concat(input.linked ? [input.sectionId] : []);
      emit({ kind: 'changed', what: ['recommendations'] });
      return r;
    },
    'recommendations.previewImport': (input: { path: string }) => {
      allow(denyReportChange(me()));
      const preview = world.recommendationFiles?.[input.path];
      if (!preview) throw new Refusal(`There is no file at ${input.path}.`, 'not_found');
      return preview;
    },
    'recommendations.import': (input: { path: string }) => {
      allow(denyReportChange(me()));
      const preview = world.recommendationFiles?.[input.path];
      if (!preview) throw new Refusal(`There is no file at ${input.path}.`, 'not_found');
      const list = (world.recommendations ??= []);
      let created = 0;
      for (const row of preview.rows) {
        if (list.some((r) => r.number === row.number)) continue;
        list.push(sampleRecommendation(row.number, { ...row, source: preview.fileName }));
        created++;
      }
      emit({ kind: 'changed', what: ['recommendations'] });
      return { read: preview.counts.read, created, updated: preview.counts.changed, unchanged: preview.rows.length - created, skipped: preview.problems };
    },
    'sections.delete': (input: { id: string }) => {
      allow(denyReportChange(me()));
      const doomed = new Set([input.id]);
      for (let grew = true; grew; ) {
        grew = false;
        for (const s of world.sections) {
          if (s.parentId && doomed.has(s.parentId) && !doomed.has(s.id)) {
            doomed.add(s.id);
            grew = true;
          }
        }
      }
      world.sections = world.sections.filter((s) => !doomed.has(s.id));
      changed('sections');
      return { id: input.id };
    },
  };

  let nextSlot = 1;
  return {
    world,
    calls,
    clientId: 'test-client',
    emit,
    // Browser mode's file routes, as the server answers them (electron/hosts/browser-files.ts): an
    // upload lands at /uploads/NAME, a download is written in a slot of its own.
    async files(what, body, name): Promise<Reply<unknown>> {
      calls.push({ method: `files.${what}`, input: body instanceof Blob ? { name, size: body.size } : body });
      if (what === 'upload') return { ok: true, result: { path: `/uploads/${name}` } };
      if (what === 'slot') {
        const id = `slot-${nextSlot++}`;
        return { ok: true, result: { id, path: `/downloads/${id}/${(body as { name: string }).name}` } };
      }
      return { ok: true, result: { ticket: 'ticket-1' } };
    },
    async call(method, input): Promise<Reply<unknown>> {
      calls.push({ method, input });
      const handler = handlers[method];
      if (!handler) return { ok: false, error: { message: `The fake server has no ${method}.`, code: 'invalid' } };
      try {
        return { ok: true, result: structuredClone(handler(input as never)) };
      } catch (e) {
        if (isUserError(e)) return { ok: false, error: { message: e.message, code: e.code, ...(e.translatable ?? {}) } };
        const code = e instanceof Refusal ? e.code : 'internal';
        return { ok: false, error: { message: (e as Error).message, code } };
      }
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
