// Which language the interface speaks: the one the person chose in this session, else the open
// report's language when the interface speaks it (as the report is opened), else the browser's. A
// change of the report's language while it is open does not change the words under the person's
// hands: the interface keeps the language it spoke. An Arabic interface, and an Arabic report
// whatever the interface language, turn the layout right to left.
import { createContext, useCallback, useContext, useLayoutEffect, useRef, useState } from 'react';
import i18next from 'i18next';
import type { ReportLanguage } from '../../shared/domain.js';
import { applyDocumentLanguage, browserLanguage, isUiLanguage, type UiLanguage } from '../i18n/index.js';

const CHOICE_KEY = 'upr.interfaceLanguage';

function storedChoice(): UiLanguage | null {
  try {
    const value = sessionStorage.getItem(CHOICE_KEY);
    return isUiLanguage(value) ? value : null;
  } catch {
    return null;
  }
}

/** `reportPath`: which report is open, to tell its language changing from another report being opened. */
export function useInterfaceLanguage(reportLanguage: ReportLanguage | null, reportPath: string | null = null) {
  const [choice, setChoice] = useState<UiLanguage | null>(storedChoice);
  /** The report the interface took its language from, and the language it took. */
  const followed = useRef<{ path: string | null; language: UiLanguage } | null>(null);
  const following: UiLanguage = isUiLanguage(reportLanguage) ? reportLanguage : browserLanguage();
  const held = followed.current !== null && followed.current.path === reportPath && reportPath !== null ? followed.current.language : null;
  const language: UiLanguage = choice ?? held ?? following;
  if (!choice && (followed.current === null || followed.current.path !== reportPath)) followed.current = { path: reportPath, language };

  useLayoutEffect(() => {
    if (i18next.language !== language) void i18next.changeLanguage(language);
    applyDocumentLanguage(language, reportLanguage);
  }, [language, reportLanguage]);

  const choose = useCallback((next: UiLanguage) => {
    try {
      sessionStorage.setItem(CHOICE_KEY, next);
    } catch {
      // Private windows may refuse storage; the choice still holds until the page reloads.
    }
    setChoice(next);
  }, []);

  return { language, choose };
}

export interface LanguageChoice {
  language: UiLanguage;
  choose: (language: UiLanguage) => void;
}

export const LanguageContext = createContext<LanguageChoice>({ language: 'en', choose: () => {} });

export function useLanguageChoice(): LanguageChoice {
  return useContext(LanguageContext);
}
