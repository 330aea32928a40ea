// The word limit blocks submission (issue 13, point 3): over the limit is a blocker, with how many
// words over and which sections are over their own budgets, on the Export screen's check and from
// the command line; within it, nothing of the kind.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createDemoReport } from '../../electron/services/demo.js';
import { exportCheck } from '../../electron/services/report-export.js';
import { updateReport } from '../../electron/services/report.js';
import { updateSection } from '../../electron/services/sections.js';
import { tempDir, upr } from './helpers.js';
import { actIn } from './office.js';

describe('the word limit', () => {
  it('over it, the check says by how much and which sections are over their budgets; within it, nothing', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'report.upr');
    createDemoReport(file).close();
    const office = actIn(file);
    const within = exportCheck(office.report.db);
    expect(within.blockers.filter((b) => b.kind === 'overLimit')).toEqual([]);
    const body = within.words.body;
    expect(body).toBeGreaterThan(150);

    updateReport(office.ctx, { wordLimit: 100 });
    const b1 = office.section('Normative framework');
    updateSection(office.ctx, { id: b1.id, wordBudget: 10 });
    const over = exportCheck(office.report.db);
    expect(over.blockers[0]).toEqual({
      kind: 'overLimit',
      words: body,
      limit: 100,
      over: body - 100,
      sections: [expect.objectContaining({ sectionId: b1.id, label: 'B.1', title: 'Normative framework', budget: 10 })],
    });
    office.report.close();

    const cli = await upr(['export', file, '--format', 'html', '--out', path.join(dir, 'report.html')]);
    expect(cli.code).toBe(0);
    expect(cli.stdout).toContain(`not ready to submit: over the word limit by ${(body - 100).toLocaleString('en')} word(s),`);
    expect(cli.stdout).toMatch(/over its budget: B\.1\. Normative framework: \d+ of 10 words/);
  });
});
