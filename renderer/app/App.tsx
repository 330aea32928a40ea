// The whole window: the start screen when no report is open, "Who are you?" until the person says,
// then the workspace. Language, writing direction and the status bar wrap them all.
import { I18nProvider } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { WhoAreYou } from '../features/identity/WhoAreYou.js';
import { StartScreen } from '../features/start/StartScreen.js';
import { widgetLocale } from '../i18n/index.js';
import { AnnouncerProvider } from './Announcer.js';
import { LanguageContext, useInterfaceLanguage } from './language.js';
import { useReportSession } from './useReportSession.js';
import { WorkspaceShell } from './WorkspaceShell.js';

export function App() {
  const session = useReportSession();
  const { screen } = session;
  const report = screen.kind === 'open' ? screen.workspace.report : null;
  const languageChoice = useInterfaceLanguage(report?.language ?? null, screen.kind === 'open' ? screen.workspace.path : null);
  return (
    <I18nProvider locale={widgetLocale(languageChoice.language, report?.language)}>
      <LanguageContext.Provider value={languageChoice}>
        <AnnouncerProvider>
          <Screen {...session} />
        </AnnouncerProvider>
      </LanguageContext.Provider>
    </I18nProvider>
  );
}

function Screen({ screen, refresh, loadError, newReportRequests }: ReturnType<typeof useReportSession>) {
  const { t } = useTranslation();
  if (screen.kind === 'loading') {
    return (
      <p className="loading" role="status">
        {t('common.loading')}
      </p>
    );
  }
  if (screen.kind === 'start') return <StartScreen onOpened={refresh} loadError={loadError} newReportRequests={newReportRequests} />;
  const { workspace } = screen;
  if (!workspace.me) return <WhoAreYou workspace={workspace} onDone={refresh} />;
  return <WorkspaceShell key={workspace.path} workspace={workspace} refresh={refresh} />;
}
