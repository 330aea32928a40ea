// Browser mode's files, screen by screen, against the real services and the browser-mode server's
// own file handling (tests/ui/realHost.tsx with `browser`): what the person chooses in the
// browser's chooser is sent, read and kept in the report; what they write is downloaded, whole.
// (The server's routes themselves: tests/unit/browser-files.test.ts; in Chromium: tests/e2e. The
// OHCHR list's import reads the file in a worker thread, which this DOM environment cannot start:
// its browser-mode import is in the unit test, on the real server, and in e2e/recommendations.)
import fs from 'node:fs';
import path from 'node:path';
import { screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createDemoReport } from '../../electron/services/demo.js';
import { updateSection } from '../../electron/services/sections.js';
import { OpenReport } from '../../electron/store/open-report.js';
import { writeClosedCopy } from '../../electron/sync/copy.js';
import { reportToOpen } from '../../electron/sync/received.js';
import { actIn } from '../unit/office.js';
import { chooseInBrowser, findWorkspace } from './renderApp.js';
import { renderOnReport, type OnReport } from './realHost.js';

vi.mock('../../renderer/editor/SectionEditor.js', () => import('./editorStub.js'));

/** The addresses the app had the browser download, in order. */
function downloads() {
  const clicked = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
  return {
    hrefs: () => clicked.mock.contexts.map((a) => (a as HTMLAnchorElement).getAttribute('href') ?? ''),
    restore: () => clicked.mockRestore(),
  };
}

let spy: ReturnType<typeof downloads> | null = null;
afterEach(() => {
  spy?.restore();
  spy = null;
});

async function openTab(app: OnReport, name: string) {
  await findWorkspace();
  await app.user.click(screen.getByRole('tab', { name }));
}

describe('in browser mode, on the real services', () => {
  it('the report written as a Word file is downloaded whole, under the report file’s name', async () => {
    const app = await renderOnReport({ as: 'Maria Santos', browser: true });
    spy = downloads();
    await openTab(app, 'Export');
    await app.user.click(await screen.findByRole('button', { name: 'Word (.docx)' }));
    await screen.findByText(/^Downloaded as report\.docx \(/, undefined, { timeout: 20_000 });
    const [href] = spy.hrefs();
    const got = app.download(href!)!;
    expect(got.name).toBe('report.docx');
    expect(got.bytes.subarray(0, 2).toString('latin1')).toBe('PK');
    // Fetched once: the one-time folder is gone.
    expect(app.download(href!)).toBeNull();
  });

  it('the comment matrix is downloaded as CSV with every comment', async () => {
    const app = await renderOnReport({ as: 'Maria Santos', browser: true });
    spy = downloads();
    await openTab(app, 'Comments');
    await app.user.click(await screen.findByRole('button', { name: 'Export CSV' }));
    const said = await screen.findByText(/^Saved \d+ comments? to comment-matrix\.csv\.$/, undefined, { timeout: 10_000 });
    const rows = Number(said.textContent!.match(/Saved (\d+)/)![1]);
    const got = app.download(spy.hrefs()[0]!)!;
    expect(got.name).toBe('comment-matrix.csv');
    expect(got.bytes.toString('utf8').trim().split('\r\n')).toHaveLength(rows + 1);
  });

  it('a copy is sent as a download, and a copy edited elsewhere is merged from the browser’s chooser, named as chosen', async () => {
    const app = await renderOnReport({ as: 'Maria Santos', browser: true });
    spy = downloads();
    await openTab(app, 'Sharing');
    await app.user.click(await screen.findByRole('button', { name: 'Send a copy…' }));
    await screen.findByText(/^Downloaded as report\.uprz \(.+\)\. Give this file to the other office\.$/, undefined, { timeout: 10_000 });
    const sent = app.download(spy.hrefs()[0]!)!;
    // Packed to e-mail (electron/sync/packed.ts).
    expect(sent.bytes.subarray(1, 5).toString('latin1')).toBe('UPRZ');

    // The Ministry of Justice opens the copy it was given (unpacked beside it) and renames a section.
    const received = path.join(app.dir, 'for-justice.uprz');
    fs.writeFileSync(received, sent.bytes);
    const copy = reportToOpen(received);
    expect(copy).toBe(path.join(app.dir, 'for-justice.upr'));
    const justice = actIn(copy);
    updateSection(justice.ctx, { id: justice.section('Institutional framework').id, title: 'Institutions' });
    justice.report.close();

    await app.user.click(screen.getByRole('button', { name: 'Merge a copy…' }));
    await chooseInBrowser(new File([fs.readFileSync(copy)], 'for-justice.upr'));
    const report = await screen.findByTestId('merge-report', undefined, { timeout: 20_000 });
    expect(report.textContent).toContain('From the copy for-justice.upr');
    expect(report.textContent).toContain('1 section changed');
    expect(app.stored((r) => r.db.prepare("SELECT count(*) FROM sections WHERE title = 'Institutions'").pluck().get())).toBe(1);
  });

  it('a copy of another report chosen to merge is refused, named as chosen, and nothing changes', async () => {
    const app = await renderOnReport({ as: 'Maria Santos', browser: true });
    const other = path.join(app.dir, 'other.upr');
    createDemoReport(other).close();
    const copy = path.join(app.dir, 'stranger.upr');
    const r = OpenReport.open(other);
    writeClosedCopy(r.db, copy);
    r.close();
    const before = app.stored((s) => s.db.prepare('SELECT count(*) FROM change_log').pluck().get());
    await openTab(app, 'Sharing');
    await app.user.click(await screen.findByRole('button', { name: 'Merge a copy…' }));
    await chooseInBrowser(new File([fs.readFileSync(copy)], 'stranger.upr'));
    const said = await screen.findByText(/^The copy was not merged: /, undefined, { timeout: 10_000 });
    expect(said.textContent).toContain('“stranger.upr”');
    expect(said.textContent).not.toContain(app.dir);
    expect(app.stored((s) => s.db.prepare('SELECT count(*) FROM change_log').pluck().get())).toBe(before);
  });

  it('a file chosen in the browser is attached to an input (beyond the 12 MB the API took before), and a PDF is offered to the browser’s viewer', async () => {
    const app = await renderOnReport({ as: 'Maria Santos', browser: true });
    await app.call('inputs.create', { title: 'Submission of the Bar Association' });
    await openTab(app, 'Consultation');
    await app.user.click(await screen.findByRole('button', { name: 'Show input Submission of the Bar Association' }));
    const detail = await screen.findByRole('region', { name: 'Input Submission of the Bar Association' });
    const big = new Uint8Array(13 * 1024 * 1024);
    big.set(new TextEncoder().encode('%PDF-1.4\n'));
    const chooser = detail.querySelector<HTMLInputElement>('input[type="file"]')!;
    await app.user.upload(chooser, new File([big], 'annex.pdf', { type: 'application/pdf' }));
    await screen.findByText('“annex.pdf” attached to “Submission of the Bar Association”.', undefined, { timeout: 20_000 });
    expect(app.stored((r) => r.db.prepare('SELECT name, size FROM attachments').get())).toEqual({ name: 'annex.pdf', size: big.length });

    await app.user.click(within(detail).getByRole('button', { name: 'Open annex.pdf' }));
    const viewer = await screen.findByRole('dialog', { name: 'annex.pdf' });
    const open = await within(viewer).findByRole('link', { name: 'Open the PDF' }, { timeout: 10_000 });
    expect(open.getAttribute('href')).toMatch(/^\.\/api\/files\/view\/[0-9a-f-]{36}$/);
    expect(open.getAttribute('target')).toBe('_blank');
  });
});
