// The start screen: make a new report, or open one.
import { useTranslation } from 'react-i18next';
import { LanguagePicker } from '../../app/LanguagePicker.js';
import { NewReportForm } from './NewReportForm.js';
import { OpenReportPanel } from './OpenReportPanel.js';
import './start.css';

export interface StartScreenProps {
  onOpened: () => Promise<void>;
  loadError: string | null;
  /** Bumped by the app menu's File ▸ New Report…: the new-report form takes focus. */
  newReportRequests?: number;
}

export function StartScreen({ onOpened, loadError, newReportRequests = 0 }: StartScreenProps) {
  const { t } = useTranslation();
  return (
    <div className="start-page">
      <header className="start-header">
        <div>
          <h1 className="start-title">{t('app.name')}</h1>
          <p className="start-tagline">{t('start.tagline')}</p>
        </div>
        <LanguagePicker className="compact" />
      </header>
      <main className="start-main">
        {loadError ? (
          <p role="alert" className="inline-error start-load-error">
            {loadError}
          </p>
        ) : null}
        <div className="start-columns">
          <div className="card">
            <NewReportForm onOpened={onOpened} focusRequests={newReportRequests} />
          </div>
          <div className="card">
            <OpenReportPanel onOpened={onOpened} />
          </div>
        </div>
      </main>
    </div>
  );
}
