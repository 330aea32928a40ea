// My work (issue 13, point 9): a drafter lands on the sections their organization leads and the
// comments waiting for their answer; a reviewer, on the answers waiting for them to close; each
// goes to its place. Against the real services, on the demo report with two comments added.
import { screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { createComment, decideComment } from '../../electron/services/comments.js';
import { createDemoReport } from '../../electron/services/demo.js';
import { findWorkspace } from './renderApp.js';
import { renderOnReport } from './realHost.js';
import { actIn } from '../unit/office.js';

vi.mock('../../renderer/editor/SectionEditor.js', () => import('./editorStub.js'));

function withTwoComments(file: string): void {
  createDemoReport(file).close();
  const ingrid = actIn(file, 'Ingrid Larsen');
  const b1 = ingrid.section('Normative framework').id;
  createComment(ingrid.ctx, { id: 'mine-1', sectionId: b1, type: 'substantive', body: 'Cite the 2024 amendment of the Criminal Code.', proposed: '' });
  createComment(ingrid.ctx, { id: 'mine-2', sectionId: b1, type: 'editorial', body: 'Spell out the name of the Ombudsperson Act.', proposed: '' });
  ingrid.report.close();
  const david = actIn(file, 'David Okafor');
  decideComment(david.ctx, { commentId: 'mine-2', disposition: 'accepted', rationale: '' });
  david.report.close();
}

describe('My work', () => {
  it('a drafter lands on their organization’s sections and the comments waiting for their answer, and goes to one', async () => {
    const { user } = await renderOnReport({ as: 'David Okafor', make: withTwoComments });
    await findWorkspace();
    expect(screen.getByRole('tab', { name: 'My work' }).getAttribute('aria-selected')).toBe('true');
    const sections = await screen.findByRole('region', { name: 'Sections Ministry of Justice leads' });
    expect(within(sections).getByRole('button', { name: 'B.1. Normative framework' })).toBeTruthy();
    expect(within(sections).queryByRole('button', { name: /Methodology/ })).toBeNull();
    const toAnswer = await screen.findByRole('region', { name: 'Comments waiting for your answer' });
    expect(within(toAnswer).getByText('Cite the 2024 amendment of the Criminal Code.')).toBeTruthy();
    expect(within(toAnswer).queryByText(/Ombudsperson Act/)).toBeNull();
    await user.click(within(toAnswer).getAllByRole('button')[0]!);
    expect(await screen.findByRole('heading', { name: /Normative framework/, level: 2 })).toBeTruthy();
  });

  it('a reviewer lands on the answers waiting for her to close her comments', async () => {
    await renderOnReport({ as: 'Ingrid Larsen', make: withTwoComments });
    await findWorkspace();
    const toClose = await screen.findByRole('region', { name: 'Answers waiting for you to close the comment' });
    expect(within(toClose).getByText('Spell out the name of the Ombudsperson Act.')).toBeTruthy();
    expect(within(toClose).queryByText(/Criminal Code/)).toBeNull();
    expect(screen.queryByRole('region', { name: 'Comments waiting for your answer' })).toBeNull();
  });
});
