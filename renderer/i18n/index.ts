// The app's strings in every language its interface speaks, and the choice of language and
// writing direction. The editor's strings join as the "editor" namespace, the main process's
// messages as "errors", the review's as "review", the comment matrix's as "matrix", the
// recommendations view's as "recommendations", the consultation inputs view's as "inputs", the
// Export screen's as "export" and the Sharing screen's as "sharing".
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { ReportLanguage } from '../../shared/domain.js';
import { editorStrings } from '../editor/strings.js';
import { exportStrings } from '../features/export/strings.js';
import { sharingStrings } from '../features/sharing/strings.js';
import { versionsStrings } from '../features/versions/strings.js';
import { inputsStrings } from '../features/inputs/strings.js';
import { matrixStrings } from '../features/matrix/strings.js';
import { recommendationsStrings } from '../features/recommendations/strings.js';
import { reviewStrings } from '../features/review/strings.js';
import { errorStrings } from './errors.js';
import { en } from './en.js';
import { es } from './es.js';
import { fr } from './fr.js';
import { ar } from './ar.js';
import { ru } from './ru.js';
import { zh } from './zh.js';

export const UI_LANGUAGES = ['en', 'fr', 'es', 'ar', 'ru', 'zh'] as const;
export type UiLanguage = (typeof UI_LANGUAGES)[number];

export const resources = {
  en: { translation: en, editor: editorStrings.en, errors: errorStrings.en, review: reviewStrings.en, matrix: matrixStrings.en, recommendations: recommendationsStrings.en, inputs: inputsStrings.en, export: exportStrings.en, sharing: sharingStrings.en, versions: versionsStrings.en },
  fr: { translation: fr, editor: editorStrings.fr, errors: errorStrings.fr, review: reviewStrings.fr, matrix: matrixStrings.fr, recommendations: recommendationsStrings.fr, inputs: inputsStrings.fr, export: exportStrings.fr, sharing: sharingStrings.fr, versions: versionsStrings.fr },
  es: { translation: es, editor: editorStrings.es, errors: errorStrings.es, review: reviewStrings.es, matrix: matrixStrings.es, recommendations: recommendationsStrings.es, inputs: inputsStrings.es, export: exportStrings.es, sharing: sharingStrings.es, versions: versionsStrings.es },
  // Arabic, Russian and Chinese came later and keep every namespace in one file each, so their
  // translators work in one file.
  ar,
  ru,
  zh,
} as const;

export function isUiLanguage(value: unknown): value is UiLanguage {
  return typeof value === 'string' && (UI_LANGUAGES as readonly string[]).includes(value);
}

/** The first of `candidates` (BCP 47 tags like "fr-CA") the interface speaks, else English. */
export function pickUiLanguage(candidates: ReadonlyArray<string | null | undefined>): UiLanguage {
  for (const tag of candidates) {
    const base = tag?.toLowerCase().split('-')[0];
    if (isUiLanguage(base)) return base;
  }
  return 'en';
}

export function browserLanguage(): UiLanguage {
  const nav = typeof navigator === 'undefined' ? undefined : navigator;
  return pickUiLanguage(nav ? [...(nav.languages ?? []), nav.language] : []);
}

export function initI18n(lng: UiLanguage = browserLanguage()) {
  if (!i18next.isInitialized) {
    void i18next.use(initReactI18next).init({
      resources,
      lng,
      fallbackLng: 'en',
      supportedLngs: [...UI_LANGUAGES],
      ns: ['translation', 'editor', 'errors', 'review', 'matrix', 'recommendations', 'inputs', 'export', 'sharing', 'versions'],
      defaultNS: 'translation',
      interpolation: { escapeValue: false },
      initAsync: false,
    });
  }
  return i18next;
}

/**
 * The whole layout turns right to left when the interface speaks Arabic, and for an Arabic report
 * whatever the interface language (its text is written right to left).
 */
export function isRightToLeft(ui: UiLanguage, reportLanguage: ReportLanguage | null | undefined): boolean {
  return ui === 'ar' || reportLanguage === 'ar';
}

export function applyDocumentLanguage(ui: UiLanguage, reportLanguage: ReportLanguage | null | undefined): void {
  document.documentElement.lang = ui;
  document.documentElement.dir = isRightToLeft(ui, reportLanguage) ? 'rtl' : 'ltr';
}

/**
 * The locale react-aria works in: the interface language, written in Arabic script when the
 * report is Arabic, so its widgets (arrow keys in trees and tabs, popover sides) follow the
 * right-to-left layout while their built-in words stay in the interface language.
 */
export function widgetLocale(ui: UiLanguage, reportLanguage: ReportLanguage | null | undefined): string {
  return ui !== 'ar' && isRightToLeft(ui, reportLanguage) ? `${ui}-Arab` : ui;
}
