// A new report file: the report row, the secretariat that creates it, and the 17/119 outline.
import fs from 'node:fs';
import type { ParsedInput } from '../../shared/api.js';
import { DEFAULT_WORD_LIMIT, type Member, type OrganizationKind } from '../../shared/domain.js';
import { defaultReportTitle, outline17119 } from '../../shared/outline.js';
import type { Block } from '../docs/blocks.js';
import { OpenReport } from '../store/open-report.js';
import { getMember } from '../store/queries.js';
import type { ServiceContext } from './context.js';
import { createSection } from './sections.js';

/** How a report starts other than empty: what "Start the next report" (./next-report.ts) brings. */
export interface ReportStart {
  /** The creator's member id and their organization's id and kind, kept from another report so the people are the same. */
  creator?: { memberId: string; organizationId: string; organizationKind: OrganizationKind };
  /** The first text of the outline's sections, by their place in the 17/119 outline. */
  outlineText?: ReadonlyArray<readonly Block[] | undefined>;
  /** More written in the same transaction, as the creator, once the outline is made. */
  fill?: (ctx: ServiceContext) => void;
}

export function createReport(input: ParsedInput<'app.newReport'>, start: ReportStart = {}): { report: OpenReport; creator: Member } {
  const report = OpenReport.create(input.path);
  try {
    const reportId = report.newId();
    const orgId = start.creator?.organizationId ?? report.newId();
    const memberId = start.creator?.memberId ?? report.newId();
    report.db.transaction(() => {
      const meta = report.db.prepare('INSERT INTO meta (key, value) VALUES (?, ?)');
      meta.run('report_id', reportId);
      meta.run('created_at', new Date().toISOString());
      report.write(memberId, [
        { table: 'report', row: reportId, column: 'title', value: input.title ?? defaultReportTitle(input.country, input.cycle, input.language) },
        { table: 'report', row: reportId, column: 'country', value: input.country },
        { table: 'report', row: reportId, column: 'cycle', value: input.cycle },
        { table: 'report', row: reportId, column: 'language', value: input.language },
        { table: 'report', row: reportId, column: 'deadline', value: '' },
        { table: 'report', row: reportId, column: 'word_limit', value: DEFAULT_WORD_LIMIT },
        { table: 'organizations', row: orgId, column: 'name', value: input.yourOrganization },
        { table: 'organizations', row: orgId, column: 'kind', value: start.creator?.organizationKind ?? 'ministry' },
        { table: 'members', row: memberId, column: 'name', value: input.yourName },
        { table: 'members', row: memberId, column: 'organization_id', value: orgId },
        { table: 'members', row: memberId, column: 'role', value: 'secretariat' },
      ]);
      const ctx = { report, me: getMember(report.db, memberId)! };
      outline17119(input.language).forEach((title, i) => createSection(ctx, { title, parentId: null }, start.outlineText?.[i] ?? []));
      start.fill?.(ctx);
    }).immediate();
    return { report, creator: getMember(report.db, memberId)! };
  } catch (e) {
    // Nothing half-made is left behind.
    report.close();
    for (const suffix of ['', '-wal', '-shm']) fs.rmSync(report.path + suffix, { force: true });
    throw e;
  }
}
