// The outline: sections, their place in the tree, their details and their status.
import { generateKeyBetween, generateNKeysBetween } from 'fractional-indexing';
import type { ParsedInput } from '../../shared/api.js';
import type { Section } from '../../shared/domain.js';
import { createSectionState } from '../docs/headless.js';
import type { Block } from '../docs/blocks.js';
import { writeText } from '../sync/text-log.js';
import type { Change } from '../sync/changes.js';
import { getOrganization, getSection, listSections } from '../store/queries.js';
import type { ServiceContext } from './context.js';
import { actor } from './access.js';
import { userError } from '../../shared/messages.js';

export function sectionOrThrow(ctx: ServiceContext, id: string): Section {
  const section = getSection(ctx.report.db, id);
  if (!section) throw userError('sectionMissing');
  return section;
}

function siblingsOf(ctx: ServiceContext, parentId: string | null, exceptId?: string): Section[] {
  return listSections(ctx.report.db)
    .filter((s) => s.parentId === parentId && s.id !== exceptId)
    .sort((a, b) => (a.position < b.position ? -1 : a.position > b.position ? 1 : a.id < b.id ? -1 : 1));
}

/**
 * Positions for placing one section at `index` among `siblings`. Usually one new key between its
 * neighbours; when two offices gave siblings the same key, all siblings are keyed afresh.
 */
function placeAt(siblings: Section[], index: number): { position: string; rekey: Change[] } {
  const i = Math.min(index, siblings.length);
  const before = siblings[i - 1]?.position ?? null;
  const after = siblings[i]?.position ?? null;
  if (before === null || after === null || before < after) {
    return { position: generateKeyBetween(before, after), rekey: [] };
  }
  const keys = generateNKeysBetween(null, null, siblings.length + 1);
  const rekey: Change[] = [];
  let k = 0;
  siblings.forEach((s, j) => {
    if (j === i) k++;
    rekey.push({ table: 'sections', row: s.id, column: 'position', value: keys[k++]! });
  });
  return { position: keys[i]!, rekey };
}

export function createSection(
  ctx: ServiceContext,
  input: ParsedInput<'sections.create'>,
  blocks: readonly Block[] = [],
): Section {
  const author = actor(ctx);
  if (input.parentId) sectionOrThrow(ctx, input.parentId);
  const siblings = siblingsOf(ctx, input.parentId);
  let index = siblings.length;
  if (input.afterId) {
    const at = siblings.findIndex((s) => s.id === input.afterId);
    if (at < 0) throw userError('insertAfterWrongLevel');
    index = at + 1;
  }
  const { position, rekey } = placeAt(siblings, index);
  const id = ctx.report.newId();
  // The section's text document is created once, here, in the office that creates the section.
  const state = createSectionState(blocks);
  ctx.report.db.transaction(() => {
    ctx.report.write(author.id, [
      ...rekey,
      { table: 'sections', row: id, column: 'title', value: input.title },
      { table: 'sections', row: id, column: 'parent_id', value: input.parentId },
      { table: 'sections', row: id, column: 'position', value: position },
      { table: 'sections', row: id, column: 'status', value: 'not_started' },
    ]);
    writeText(ctx.report, id, state, author.id, 'edit');
  }).immediate();
  ctx.report.emit({ kind: 'changed', what: ['sections'] });
  return sectionOrThrow(ctx, id);
}

export function updateSection(ctx: ServiceContext, input: ParsedInput<'sections.update'>): Section {
  const author = actor(ctx);
  const section = sectionOrThrow(ctx, input.id);
  const changes: Change[] = [];
  const set = (column: string, value: string | number | null) =>
    changes.push({ table: 'sections', row: section.id, column, value });
  if (input.title !== undefined && input.title !== section.title) set('title', input.title);
  if (input.leadOrganizationId !== undefined && input.leadOrganizationId !== section.leadOrganizationId) {
    if (input.leadOrganizationId && !getOrganization(ctx.report.db, input.leadOrganizationId)) {
      throw userError('organizationMissing');
    }
    set('lead_organization_id', input.leadOrganizationId);
  }
  if (input.dueDate !== undefined && input.dueDate !== section.dueDate) set('due_date', input.dueDate);
  if (input.wordBudget !== undefined && input.wordBudget !== section.wordBudget) set('word_budget', input.wordBudget);
  ctx.report.write(author.id, changes);
  if (changes.length) ctx.report.emit({ kind: 'changed', what: ['sections'] });
  return sectionOrThrow(ctx, section.id);
}

export function moveSection(ctx: ServiceContext, input: ParsedInput<'sections.move'>): Section {
  const author = actor(ctx);
  const section = sectionOrThrow(ctx, input.id);
  if (input.parentId) {
    // Walk up from the new parent: the section may not be put inside itself.
    for (let p: Section | undefined = sectionOrThrow(ctx, input.parentId); p; p = p.parentId ? getSection(ctx.report.db, p.parentId) : undefined) {
      if (p.id === section.id) throw userError('moveInsideItself');
    }
  }
  const { position, rekey } = placeAt(siblingsOf(ctx, input.parentId, section.id), input.index);
  const changes: Change[] = [...rekey, { table: 'sections', row: section.id, column: 'position', value: position }];
  if (input.parentId !== section.parentId) changes.push({ table: 'sections', row: section.id, column: 'parent_id', value: input.parentId });
  ctx.report.write(author.id, changes);
  ctx.report.emit({ kind: 'changed', what: ['sections'] });
  return sectionOrThrow(ctx, section.id);
}

export function setSectionStatus(ctx: ServiceContext, input: ParsedInput<'sections.setStatus'>): Section {
  const section = sectionOrThrow(ctx, input.id);
  const author = actor(ctx);
  if (input.status !== section.status) {
    ctx.report.write(author.id, [{ table: 'sections', row: section.id, column: 'status', value: input.status }]);
    ctx.report.emit({ kind: 'changed', what: ['sections'] });
  }
  return sectionOrThrow(ctx, section.id);
}

/** Deletes a section and everything nested in it (soft: the rows stay in the log). */
export function deleteSection(ctx: ServiceContext, input: ParsedInput<'sections.delete'>): { id: string } {
  const author = actor(ctx);
  const section = sectionOrThrow(ctx, input.id);
  const all = listSections(ctx.report.db);
  const doomed = new Set([section.id]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const s of all) {
      if (s.parentId && doomed.has(s.parentId) && !doomed.has(s.id)) {
        doomed.add(s.id);
        grew = true;
      }
    }
  }
  ctx.report.write(
    author.id,
    [...doomed].map((row) => ({ table: 'sections' as const, row, column: 'deleted', value: 1 })),
  );
  ctx.report.emit({ kind: 'changed', what: ['sections'] });
  return { id: section.id };
}
