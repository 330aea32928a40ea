// Who may call each API method, said once per method and judged by the write policy
// (shared/policy.ts) before the method runs: the field it writes and the row it writes it in, the
// section whose text it writes, or what it reads. The change log and the text write path judge
// every change again as they write it, and are the guard; this says no at once, before any work is
// done or any file read, in the same words. A method the map does not name does not compile.
import type { MethodName, ParsedInput } from '../../shared/api.js';
import type { Member } from '../../shared/domain.js';
import { userError } from '../../shared/messages.js';
import { denyInputRead, denyReportChange } from '../../shared/permissions.js';
import type { CellValue, FieldKey, SyncedTable } from '../../shared/synced.js';
import { CurrentView, judge, judgeTextAt } from '../sync/policy.js';
import type { ServiceContext } from './context.js';
import type { ReportMethod } from './handlers.js';

type Rule<M extends ReportMethod> =
  /** Writes `field` in the row `row` names (a new row when it names none), with the value `value` gives. */
  | {
      write: FieldKey;
      row?: (input: ParsedInput<M>) => string;
      value?: (input: ParsedInput<M>, me: Member | null) => CellValue;
      /** The row the new one belongs to (a reply's comment): when it does not exist, the method says so. */
      refers?: (input: ParsedInput<M>) => [SyncedTable, string];
      when?: (input: ParsedInput<M>) => boolean;
    }
  /** Writes the text of the section `section` names. */
  | { text: (input: ParsedInput<M>, view: CurrentView) => string | null }
  /** Reads the consultation inputs (their submissions can name people). */
  | { read: 'inputs' }
  /** An action of the secretariat's: merging a copy, settling a conflict. */
  | { secretariat: true }
  /** Reading the report, or writing a file from it: anyone who has it open. */
  | { anyone: true };

type Rules = { [M in ReportMethod]: Rule<M> | Array<Rule<M>> };

const anyone = { anyone: true } as const;
const secretariat = { secretariat: true } as const;
const inputs = { write: 'inputs.title' } as const;
const me = (_: unknown, who: Member | null) => who?.id ?? '';

export const ACCESS: Rules = {
  'workspace.load': anyone,
  'report.update': { write: 'report.title' },
  'organizations.create': { write: 'organizations.name' },
  'organizations.update': { write: 'organizations.name' },
  'organizations.delete': { write: 'organizations.deleted' },
  'members.create': { write: 'members.name' },
  'members.update': { write: 'members.name' },
  'members.delete': { write: 'members.deleted' },
  'members.keys': anyone,
  'members.confirmKey': { write: 'member_keys.confirmed' },
  'sections.create': { write: 'sections.title' },
  'sections.update': { write: 'sections.title' },
  'sections.move': { write: 'sections.position' },
  'sections.setStatus': { write: 'sections.status', row: (i) => i.id, value: (i) => i.status },
  'sections.delete': { write: 'sections.deleted' },
  'text.load': anyone,
  'text.push': { text: (i) => i.sectionId },
  'text.sync': anyone,
  'text.content': anyone,
  'comments.list': anyone,
  'comments.create': { write: 'comments.author_id', value: me },
  'comments.reply': { write: 'comment_replies.comment_id', value: (i) => i.commentId, refers: (i) => ['comments', i.commentId] },
  'comments.decide': { write: 'comments.disposition', row: (i) => i.commentId, value: (i) => i.disposition },
  'comments.applyProposal': [
    { write: 'comments.applied_by', row: (i) => i.commentId, value: me },
    { text: (i, view) => view.cell('comments', i.commentId, 'section_id') as string | null },
  ],
  'comments.setStatus': { write: 'comments.status', row: (i) => i.commentId, value: (i) => i.status },
  'comments.export': anyone,
  'recommendations.list': anyone,
  'recommendations.get': anyone,
  'recommendations.update': [
    { write: 'recommendations.status_by_hand', row: (i) => i.id, value: () => 0, when: (i) => i.followActions !== undefined },
    { write: 'recommendations.action_category', row: (i) => i.id, when: (i) => i.actionCategory !== undefined },
    { write: 'recommendations.responsible_organization_id', row: (i) => i.id, when: (i) => i.responsibleOrganizationId !== undefined },
    { write: 'recommendations.implementation_status', row: (i) => i.id, value: (i) => i.implementationStatus ?? '', when: (i) => i.implementationStatus !== undefined },
  ],
  // Each row is judged by the method before anything is written (the follow-up's writers depend on the row).
  'recommendations.updateMany': [
    { write: 'recommendations.responsible_organization_id', when: (i) => i.responsibleOrganizationId !== undefined },
    { write: 'recommendations.contributing_organization_ids', when: (i) => i.addContributors !== undefined },
    { write: 'recommendations.country_cluster', when: (i) => i.countryCluster !== undefined || i.clusterBy !== undefined },
  ],
  // Each row is judged by the method before anything is written.
  'recommendations.setSame': { write: 'recommendations.same_as' },
  // What goes into the public tracker: the secretariat's alone (the 'publish' grant).
  'recommendations.setPublic': { write: 'recommendations.public' },
  'recommendations.setNotePublic': { write: 'recommendation_notes.public' },
  // The plan's rows are judged by the change log's policy as they are written (a recommendation's
  // by those who follow it up, a cluster's by the secretariat); here, who may follow anything up at all.
  'plan.saveAction': [
    { write: 'actions.recommendation_id', value: (i) => i.recommendationId ?? '', when: (i) => i.id === undefined },
    { write: 'actions.title', row: (i) => i.id!, when: (i) => i.id !== undefined },
  ],
  'plan.deleteAction': { write: 'actions.deleted', row: (i) => i.id },
  'plan.saveIndicator': [
    { write: 'indicators.recommendation_id', value: (i) => i.recommendationId ?? '', when: (i) => i.id === undefined },
    { write: 'indicators.name', row: (i) => i.id!, when: (i) => i.id !== undefined },
  ],
  'plan.deleteIndicator': { write: 'indicators.deleted', row: (i) => i.id },
  // Evidence is for those who may write the note it backs.
  'plan.attachEvidence': { write: 'recommendation_notes.text', row: (i) => i.noteId },
  'plan.evidence': anyone,
  'plan.overdue': anyone,
  'plan.exportMatrix': anyone,
  'plan.previewMatrix': anyone,
  // The secretariat imports what ministries send back; each change is judged again as it is written.
  'plan.importMatrix': secretariat,
  'recommendations.export': anyone,
  'recommendations.previewImport': { write: 'recommendations.text' },
  'recommendations.import': { write: 'recommendations.text' },
  'recommendations.link': { write: 'section_recommendations.section_id', value: (i) => i.sectionId, refers: (i) => ['sections', i.sectionId] },
  'recommendations.addNote': { write: 'recommendation_notes.recommendation_id', value: (i) => i.recommendationId, refers: (i) => ['recommendations', i.recommendationId] },
  'inputs.list': { read: 'inputs' },
  'inputs.create': inputs,
  'inputs.update': inputs,
  'inputs.delete': inputs,
  'inputs.setPublic': { write: 'inputs.public' },
  'inputs.link': inputs,
  'inputs.decide': inputs,
  'inputs.attach': inputs,
  'inputs.attachFile': inputs,
  'inputs.detach': inputs,
  'inputs.attachment': { read: 'inputs' },
  'inputs.insertLog': [{ read: 'inputs' }, { text: (i) => i.sectionId }],
  'sharing.sendCopy': anyone,
  'sharing.offices': anyone,
  'sharing.sendChanges': anyone,
  'sharing.merge': secretariat,
  // An office's own file kept in step with the server: whoever has it open (the invitation says as whom).
  'network.connect': anyone,
  'network.status': anyone,
  'network.disconnect': anyone,
  // Serving the report to the offices, and inviting them: the secretariat's.
  'network.serve': secretariat,
  'network.serving': anyone,
  'network.stopServing': secretariat,
  'network.invite': secretariat,
  // Where a person's caret is: shared by whoever has the report open (only over a connection made).
  'network.presence': anyone,
  'network.peers': anyone,
  'sharing.conflicts': anyone,
  'sharing.lastMerge': secretariat,
  'sharing.settle': secretariat,
  'sharing.texts': anyone,
  'sharing.flags': anyone,
  // Settling writes the paragraph's text: for those who may write the section (the change log judges the record too).
  'sharing.settleParagraph': { text: (i) => i.sectionId },
  'export.check': anyone,
  'export.write': anyone,
  'export.preview': anyone,
  // The public tracker is published in the government's name: the secretariat writes it.
  'export.publicTracker': secretariat,
  // Like the report itself: anyone who has it open may write it as a file.
  'export.midterm': anyone,
  'versions.list': anyone,
  'history.list': anyone,
  'history.export': anyone,
  'versions.save': { write: 'versions.name' },
  'versions.read': anyone,
  'versions.compare': anyone,
  'versions.markup': anyone,
  'versions.redline': anyone,
  // A section's details are the secretariat's; its status is judged by the change log as it is written (the value is the version's).
  'versions.restore': [
    { text: (i) => (i.what === 'text' ? i.sectionId : null) },
    { write: 'sections.title', row: (i) => i.sectionId, when: (i) => i.what !== 'text' && i.what !== 'status' },
  ],
  'search.query': anyone,
  // Each section's writer is judged by the text write path; sections they may not write are skipped and said.
  'text.findAll': anyone,
  'text.replaceAll': anyone,
};

/** A row id no report has: the row a method makes. */
const NEW_ROW = '\u0000new';

/**
 * Throws the policy's message when `ctx.me` may not call `method` with `input`. A row or section
 * the method names that does not exist is left to the method, which says so.
 */
export function checkAccess<M extends ReportMethod>(ctx: ServiceContext, method: M, input: ParsedInput<M>): void {
  const rules = ACCESS[method] as Rule<M> | Array<Rule<M>>;
  const view = new CurrentView(ctx.report.db, ctx.report.log.held.changes);
  for (const rule of Array.isArray(rules) ? rules : [rules]) {
    if ('anyone' in rule) continue;
    if ('secretariat' in rule) {
      const denied = denyReportChange(ctx.me);
      if (denied) throw userError(denied.key, denied.params);
    } else if ('read' in rule) {
      const denied = denyInputRead(ctx.me);
      if (denied) throw userError(denied.key, denied.params);
    } else if ('text' in rule) {
      const section = rule.text(input, view);
      if (!section || view.cell('sections', section, 'title') === undefined) continue;
      const { may, denied } = judgeTextAt(view, section, ctx.me?.id ?? '');
      if (may !== 'write') throw userError(denied!.key, denied!.params);
    } else {
      if (rule.when && !rule.when(input)) continue;
      const [table, column] = rule.write.split('.') as [SyncedTable, string];
      const row = rule.row ? rule.row(input) : NEW_ROW;
      if (rule.row && view.creator(table, row) === null) continue;
      const refers = rule.refers?.(input);
      if (refers && view.creator(refers[0], refers[1]) === null) continue;
      const denied = judge(view, { table, row, column, value: rule.value ? rule.value(input, ctx.me) : '' }, ctx.me?.id ?? '');
      if (denied) throw userError(denied.key, denied.params);
    }
  }
}

/** The member making a call, for a method that writes: the write path judges what they may do. */
export function actor(ctx: ServiceContext): Member {
  if (!ctx.me) throw userError('sayWhoFirst');
  return ctx.me;
}

export type { MethodName };
