// The interface language: the report's, switchable by the person; Arabic runs right to left. On the
// real services, over the demo report (its language set through the services where a test says).
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { ReportLanguage } from '../../shared/domain.js';
import { createDemoReport } from '../../electron/services/demo.js';
import { updateReport } from '../../electron/services/report.js';
import { actIn } from '../unit/office.js';
import { findWorkspace } from './renderApp.js';
import { renderOnReport } from './realHost.js';

vi.mock('../../renderer/editor/SectionEditor.js', () => import('./editorStub.js'));

/** The demo report, its language set by the secretariat. */
const demoIn = (language: ReportLanguage) => (file: string) => {
  createDemoReport(file).close();
  const secretariat = actIn(file);
  updateReport(secretariat.ctx, { language });
  secretariat.report.close();
};

/** The app on the demo report, signed in as the secretariat's Maria Santos. */
const renderApp = (language?: ReportLanguage) => renderOnReport({ as: 'Maria Santos', ...(language ? { make: demoIn(language) } : {}) });

describe('interface language', () => {
  it('switching to French changes the visible labels', async () => {
    const { user } = await renderApp();
    await findWorkspace();
    await user.click(screen.getByRole('button', { name: /Language/ }));
    await user.click(await screen.findByRole('option', { name: 'Français' }));

    expect(await screen.findByRole('tab', { name: 'Vue d’ensemble' })).toBeTruthy();
    expect(screen.getByRole('navigation', { name: 'Plan' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Changer de personne' })).toBeTruthy();
    const details = screen.getByRole('region', { name: 'Détails' });
    expect(within(details).getByText('Organisation responsable')).toBeTruthy();
    // Numbers are written the French way too.
    expect(screen.getByTestId('report-words').textContent).toMatch(/^\d+ \/ 10\u202f700 mots$/);
    expect(document.documentElement.lang).toBe('fr');
  });

  it('speaks Arabic right to left, and Russian and Chinese left to right, each chosen by its own name', async () => {
    const { user } = await renderApp();
    await findWorkspace();
    const choose = async (current: RegExp, name: string) => {
      await user.click(screen.getByRole('button', { name: current }));
      await user.click(await screen.findByRole('option', { name }));
    };
    await choose(/Language/, 'العربية');
    expect(await screen.findByRole('tab', { name: 'نظرة عامة' })).toBeTruthy();
    expect(screen.getByRole('navigation', { name: 'الهيكل' })).toBeTruthy();
    expect(document.documentElement.lang).toBe('ar');
    // The interface itself turns, though the report is English.
    expect(document.documentElement.dir).toBe('rtl');

    await choose(/اللغة/, 'Русский');
    expect(await screen.findByRole('tab', { name: 'Сводка' })).toBeTruthy();
    expect(screen.getByRole('navigation', { name: 'Структура' })).toBeTruthy();
    expect(document.documentElement.dir).toBe('ltr');

    await choose(/Язык/, '中文');
    expect(await screen.findByRole('tab', { name: '概览' })).toBeTruthy();
    expect(screen.getByRole('navigation', { name: '提纲' })).toBeTruthy();
    expect(document.documentElement.lang).toBe('zh');
    expect(document.documentElement.dir).toBe('ltr');
  });

  it('keeps the interface’s language when the open report’s language is changed, turning the layout for Arabic', async () => {
    const { user, stored } = await renderApp();
    await findWorkspace();
    await user.click(screen.getByRole('tab', { name: 'Report settings' }));
    await user.click(await screen.findByRole('button', { name: /Language of the report/ }));
    await user.click(await screen.findByRole('option', { name: 'Arabic' }));
    await waitFor(() => expect(document.documentElement.dir).toBe('rtl'));
    expect(stored((r) => r.db.prepare('SELECT language FROM report').pluck().get())).toBe('ar');
    // Not a word changes under the person's hands.
    expect(screen.getByRole('tab', { name: 'Report settings' })).toBeTruthy();
    expect(document.documentElement.lang).toBe('en');
  });

  it('opens a French report in French', async () => {
    await renderApp('fr');
    expect(await screen.findByRole('tab', { name: 'Participants' })).toBeTruthy();
    expect(screen.getByText('Connecté en tant que')).toBeTruthy();
  });

  it('opens an Arabic report in Arabic, right to left', async () => {
    await renderApp('ar');
    expect(await screen.findByRole('tab', { name: 'الفروع' })).toBeTruthy();
    expect(document.documentElement.dir).toBe('rtl');
  });
});

describe('messages from the main process', () => {
  it('are shown in the interface language, with the role in its words', async () => {
    const { messageOf } = await import('../../renderer/app/errors.js');
    const { ApiError } = await import('../../renderer/api/client.js');
    const { initI18n } = await import('../../renderer/i18n/index.js');
    const i18n = initI18n('en');
    const refusal = new ApiError('Only the secretariat can change this (your role: reviewer).', 'forbidden', 'secretariatOnly', { role: 'reviewer' });
    await i18n.changeLanguage('fr');
    expect(messageOf(refusal)).toBe('Seul le secrétariat peut modifier ceci (votre rôle : Relecteur).');
    await i18n.changeLanguage('es');
    expect(messageOf(refusal)).toMatch(/^Solo la secretaría puede cambiar esto \(su función: /);
    await i18n.changeLanguage('en');
    expect(messageOf(new ApiError('Something new', 'internal', 'noSuchKeyYet'))).toBe('Something new');
  });
});
