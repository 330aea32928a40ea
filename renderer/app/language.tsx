// Which language the interface speaks: the one the person chose in this session, else the open
// report's language when the interface speaks it, else the browser's. Arabic reports turn the
// layout right to left whatever the interface language.
import { createContext, useCallback, useContext, useLayoutEffect, useState } from 'react';
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

export function useInterfaceLanguage(reportLanguage: ReportLanguage | null) {
  const [choice, setChoice] = useState<UiLanguage | null>(storedChoice);
  const language: UiLanguage = choice ?? (isUiLanguage(reportLanguage) ? reportLanguage : browserLanguage());

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
