// Organizations and members: who takes part in the report, and in which role.
import type { ParsedInput } from '../../shared/api.js';
import type { Member, Organization } from '../../shared/domain.js';
import type { Change } from '../sync/changes.js';
import { getMember, getOrganization, listMembers, listSections } from '../store/queries.js';
import type { ServiceContext } from './context.js';
import { actor } from './access.js';
import { userError } from '../../shared/messages.js';

function organizationOrThrow(ctx: ServiceContext, id: string): Organization {
  const org = getOrganization(ctx.report.db, id);
  if (!org) throw userError('organizationMissing');
  return org;
}

function memberOrThrow(ctx: ServiceContext, id: string): Member {
  const member = getMember(ctx.report.db, id);
  if (!member) throw userError('memberMissing');
  return member;
}

export function createOrganization(ctx: ServiceContext, input: ParsedInput<'organizations.create'>): Organization {
  const author = actor(ctx);
  const id = ctx.report.newId();
  ctx.report.write(author.id, [
    { table: 'organizations', row: id, column: 'name', value: input.name },
    { table: 'organizations', row: id, column: 'kind', value: input.kind },
  ]);
  ctx.report.emit({ kind: 'changed', what: ['organizations'] });
  return organizationOrThrow(ctx, id);
}

export function updateOrganization(ctx: ServiceContext, input: ParsedInput<'organizations.update'>): Organization {
  const author = actor(ctx);
  const org = organizationOrThrow(ctx, input.id);
  const changes: Change[] = [];
  if (input.name !== undefined && input.name !== org.name) changes.push({ table: 'organizations', row: org.id, column: 'name', value: input.name });
  if (input.kind !== undefined && input.kind !== org.kind) changes.push({ table: 'organizations', row: org.id, column: 'kind', value: input.kind });
  ctx.report.write(author.id, changes);
  if (changes.length) ctx.report.emit({ kind: 'changed', what: ['organizations'] });
  return organizationOrThrow(ctx, org.id);
}

export function deleteOrganization(ctx: ServiceContext, input: ParsedInput<'organizations.delete'>): { id: string } {
  const author = actor(ctx);
  const org = organizationOrThrow(ctx, input.id);
  const members = listMembers(ctx.report.db).filter((m) => m.organizationId === org.id);
  if (members.length) {
    throw userError('organizationHasMembers', { name: org.name, count: members.length });
  }
  const led = listSections(ctx.report.db).filter((s) => s.leadOrganizationId === org.id);
  if (led.length) {
    throw userError('organizationLeadsSections', { name: org.name, count: led.length });
  }
  ctx.report.write(author.id, [{ table: 'organizations', row: org.id, column: 'deleted', value: 1 }]);
  ctx.report.emit({ kind: 'changed', what: ['organizations'] });
  return { id: org.id };
}

export function createMember(ctx: ServiceContext, input: ParsedInput<'members.create'>): Member {
  const author = actor(ctx);
  organizationOrThrow(ctx, input.organizationId);
  const id = ctx.report.newId();
  ctx.report.write(author.id, [
    { table: 'members', row: id, column: 'name', value: input.name },
    { table: 'members', row: id, column: 'organization_id', value: input.organizationId },
    { table: 'members', row: id, column: 'role', value: input.role },
  ]);
  ctx.report.emit({ kind: 'changed', what: ['members'] });
  return memberOrThrow(ctx, id);
}

function assertSecretariatRemains(ctx: ServiceContext, leaving: Member): void {
  if (leaving.role !== 'secretariat') return;
  const others = listMembers(ctx.report.db).filter((m) => m.role === 'secretariat' && m.id !== leaving.id);
  if (others.length === 0) {
    throw userError('lastSecretariat', { name: leaving.name });
  }
}

export function updateMember(ctx: ServiceContext, input: ParsedInput<'members.update'>): Member {
  const author = actor(ctx);
  const member = memberOrThrow(ctx, input.id);
  const changes: Change[] = [];
  if (input.name !== undefined && input.name !== member.name) changes.push({ table: 'members', row: member.id, column: 'name', value: input.name });
  if (input.organizationId !== undefined && input.organizationId !== member.organizationId) {
    organizationOrThrow(ctx, input.organizationId);
    changes.push({ table: 'members', row: member.id, column: 'organization_id', value: input.organizationId });
  }
  if (input.role !== undefined && input.role !== member.role) {
    assertSecretariatRemains(ctx, member);
    changes.push({ table: 'members', row: member.id, column: 'role', value: input.role });
  }
  ctx.report.write(author.id, changes);
  if (changes.length) ctx.report.emit({ kind: 'changed', what: ['members'] });
  return memberOrThrow(ctx, member.id);
}

export function deleteMember(ctx: ServiceContext, input: ParsedInput<'members.delete'>): { id: string } {
  const author = actor(ctx);
  const member = memberOrThrow(ctx, input.id);
  assertSecretariatRemains(ctx, member);
  ctx.report.write(author.id, [{ table: 'members', row: member.id, column: 'deleted', value: 1 }]);
  ctx.report.emit({ kind: 'changed', what: ['members'] });
  return { id: member.id };
}
