// Reports for end-to-end tests that need more than the demo: the demo report with the corpus's
// thematic list imported and consultation inputs registered, made headlessly through the services.
import fs from 'node:fs';
import { OHCHR_LIST } from '../bench/ohchr-import.js';
import { readThematicList } from '../../electron/import/ohchr-list.js';
import { createDemoReport } from '../../electron/services/demo.js';
import { createInput, decideInput, linkInput } from '../../electron/services/inputs.js';
import { createOrganization } from '../../electron/services/people.js';
import { importRecommendations, recommendationId } from '../../electron/services/recommendations.js';
import { getMember, listSections } from '../../electron/store/queries.js';

/** The demo report, the corpus list imported, and a civil-society submission linked to 121.2 and to section C. */
export async function demoWithListAndInputs(file: string): Promise<void> {
  const list = await readThematicList(fs.readFileSync(OHCHR_LIST), 'UPR34_Slovenia_Thematic_list_of_Recommendations.docx');
  const report = createDemoReport(file);
  try {
    const me = getMember(report.db, (report.db.prepare("SELECT id FROM members WHERE name = 'Maria Santos'").get() as { id: string }).id)!;
    const ctx = { report, me };
    importRecommendations(ctx, list.rows, list.problems, 'UPR34 thematic list');
    const coalition = createOrganization(ctx, { name: 'Coalition for Roma Inclusion', kind: 'civil_society' });
    const input = createInput(ctx, {
      title: 'Submission on Roma settlements and access to water',
      sourceOrganizationId: coalition.id,
      receivedOn: '2026-03-02',
      channel: 'written_submission',
      summary: 'Asks the report to give the number of informal settlements still without running water.',
      fullText: 'Eleven informal settlements in the south-east still lack running water and sanitation.',
      themes: ['Roma', 'Water and sanitation'],
    });
    const c = listSections(report.db).find((s) => s.title.startsWith('Promotion and protection'));
    if (c) linkInput(ctx, { inputId: input.id, targetKind: 'section', targetId: c.id, linked: true });
    linkInput(ctx, { inputId: input.id, targetKind: 'recommendation', targetId: recommendationId('121.2'), linked: true });
    decideInput(ctx, { inputId: input.id, disposition: 'partly_reflected', rationale: 'The settlements are named in section C; figures follow.' });
  } finally {
    report.close();
  }
}
