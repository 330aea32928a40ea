// Review scenarios for tests: a report with a ministry's drafter and an NHRI reviewer, and the text
// edits a person would make in the editor (typing a paragraph, selecting a passage to comment on),
// made with a headless Lexical editor on the section's stored state, as the renderer's editor does.
import { $createParagraphNode, $createTextNode, $getRoot } from 'lexical';
import { base64ToBytes, bytesToBase64 } from '../../shared/base64.js';
import { $selectPassage, markPassage } from '../../electron/docs/annotate.js';
import { editSection } from '../../electron/docs/headless.js';
import { newReport, TestClient } from './helpers.js';

export async function reviewReport() {
  const { file, host, admin } = await newReport();
  const justice = await admin.call('organizations.create', { name: 'Ministry of Justice', kind: 'ministry' });
  const nhri = await admin.call('organizations.create', { name: 'National Human Rights Commission', kind: 'nhri' });
  await admin.call('members.create', { name: 'Dana Drafter', organizationId: justice.id, role: 'drafter' });
  await admin.call('members.create', { name: 'Rita Reviewer', organizationId: nhri.id, role: 'reviewer' });
  await admin.call('members.create', { name: 'Otto Observer', organizationId: nhri.id, role: 'observer' });
  const ws = await admin.call('workspace.load');
  const section = ws.sections[0]!;
  await admin.call('sections.update', { id: section.id, leadOrganizationId: justice.id });
  const client = async (name: string) => {
    const c = new TestClient(host);
    await c.call('app.openReport', { path: file });
    await c.signInAs(name);
    return c;
  };
  return { file, host, admin, section, justice, nhri, drafter: await client('Dana Drafter'), reviewer: await client('Rita Reviewer'), observer: await client('Otto Observer') };
}

/** The Yjs update that appends paragraphs to a section, as typing them would. */
export async function typeParagraphs(c: TestClient, sectionId: string, paragraphs: string[]): Promise<void> {
  const { state } = await c.call('text.load', { sectionId });
  const update = editSection([base64ToBytes(state)], () => {
    const root = $getRoot();
    const first = root.getFirstChild();
    if (first && first.getTextContent() === '') first.remove();
    for (const p of paragraphs) root.append($createParagraphNode().append($createTextNode(p)));
  });
  await c.call('text.push', { sectionId, update: bytesToBase64(update) });
}

/** The update a person's editor makes when they select `passage` and add comment `id` on it. */
export async function markUpdate(c: TestClient, sectionId: string, passage: string, id: string): Promise<string> {
  const { state } = await c.call('text.load', { sectionId });
  const update = markPassage([base64ToBytes(state)], passage, id);
  if (!update) throw new Error(`passage not in the text: ${passage}`);
  return bytesToBase64(update);
}

/** An update that replaces `passage` with `by`: what a crafted "comment" that edits the text would carry. */
export async function replaceUpdate(c: TestClient, sectionId: string, passage: string, by: string): Promise<string> {
  const { state } = await c.call('text.load', { sectionId });
  const update = editSection([base64ToBytes(state)], () => {
    const sel = $selectPassage(passage);
    if (!sel) throw new Error(`passage not in the text: ${passage}`);
    sel.insertText(by);
  });
  return bytesToBase64(update);
}
