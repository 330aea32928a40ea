// A new report file: the report row, the secretariat that creates it, and the 17/119 outline.
import fs from 'node:fs';
import type { ParsedInput } from '../../shared/api.js';
import { DEFAULT_WORD_LIMIT, type Member } from '../../shared/domain.js';
import { defaultReportTitle, outline17119 } from '../../shared/outline.js';
import { OpenReport } from '../store/open-report.js';
import { getMember } from '../store/queries.js';
import { createSection } from './sections.js';

export function createReport(input: ParsedInput<'app.newReport'>): { report: OpenReport; creator: Member } {
  const report = OpenReport.create(input.path);
  try {
    const reportId = report.newId();
    const orgId = report.newId();
    const memberId = report.newId();
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
        { table: 'organizations', row: orgId, column: 'kind', value: 'ministry' },
        { table: 'members', row: memberId, column: 'name', value: input.yourName },
        { table: 'members', row: memberId, column: 'organization_id', value: orgId },
        { table: 'members', row: memberId, column: 'role', value: 'secretariat' },
      ]);
      const creator = getMember(report.db, memberId)!;
      for (const title of outline17119(input.language)) {
        createSection({ report, me: creator }, { title, parentId: null });
      }
    }).immediate();
    return { report, creator: getMember(report.db, memberId)! };
  } catch (e) {
    // Nothing half-made is left behind.
    report.close();
    for (const suffix of ['', '-wal', '-shm']) fs.rmSync(report.path + suffix, { force: true });
    throw e;
  }
}
