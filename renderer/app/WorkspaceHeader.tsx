// The workspace header: which report this is, its words against the limit, who is signed in,
// the views, and the ways out (switch person, close the report).
import { Button, Meter, Tab, TabList } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { SearchHit } from '../../shared/api.js';
import { fileName, todayIso, useFormat } from './format.js';
import { LanguagePicker } from './LanguagePicker.js';
import { SearchBox } from './SearchBox.js';
import { useWorkspace } from './workspaceContext.js';
import './header.css';

export const VIEWS = ['mine', 'write', 'overview', 'comments', 'recommendations', 'inputs', 'export', 'versions', 'sharing', 'people', 'settings'] as const;
export type View = (typeof VIEWS)[number];

export interface WorkspaceHeaderProps {
  totalWords: number;
  onSwitchPerson: () => void;
  onCloseReport: () => void;
  /** Goes to what the search box found. */
  onSearchHit: (hit: SearchHit) => void;
}

export function WorkspaceHeader({ totalWords, onSwitchPerson, onCloseReport, onSearchHit }: WorkspaceHeaderProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const { workspace } = useWorkspace();
  const { report, me } = workspace;
  const organization = workspace.organizations.find((o) => o.id === me?.organizationId);
  const over = totalWords > report.wordLimit;
  // Within a tenth of the limit: a warning before it is too late to cut.
  const near = !over && totalWords >= report.wordLimit * 0.9;
  const wordsText = format.wordsOf(totalWords, report.wordLimit);

  return (
    <header className="app-header">
      <div className="header-top">
        <div className="header-report">
          <p className="app-name">{t('app.name')}</p>
          <h1 className="report-title">{report.title}</h1>
          <p className="report-meta">
            {report.country} · {t('report.cycle', { n: report.cycle })}
            {report.deadline ? ` · ${t('report.deadlineOn', { date: format.date(report.deadline) })}` : ''}
          </p>
          {/* Which file is open: the original, or a copy sent from it, and by whom. */}
          <p className="report-file" data-testid="report-file" title={workspace.path}>
            <span className="bidi-keep">{fileName(workspace.path)}</span>
            {workspace.sentCopy
              ? ` · ${t('app.copyOf', { from: workspace.sentCopy.from, by: workspace.sentCopy.by || t('section.someone'), date: format.date(todayIso(new Date(workspace.sentCopy.at))) })}`
              : ''}
          </p>
        </div>
        <SearchBox onGo={onSearchHit} />
        <div className="header-person">
          {me ? (
            <p className="person">
              <span className="person-label">{t('app.signedInAs')}</span>{' '}
              <strong className="person-name">{me.name}</strong>
              <span className="person-detail">
                {organization ? `${organization.name} · ` : ''}
                {t(`role.${me.role}`)}
              </span>
            </p>
          ) : null}
          <Button className="button button-small" onPress={onSwitchPerson}>
            {t('app.switchPerson')}
          </Button>
        </div>
        <div className="header-tools">
          <LanguagePicker className="compact" />
          <Button className="button button-small" onPress={onCloseReport}>
            {t('app.closeReport')}
          </Button>
        </div>
      </div>
      <div className="header-bottom">
        <TabList aria-label={t('app.views')} className="tabs">
          {VIEWS.map((v) => (
            <Tab key={v} id={v} className="tab">
              {t(`app.view.${v}`)}
            </Tab>
          ))}
        </TabList>
        <Meter
          value={Math.min(totalWords, report.wordLimit)}
          maxValue={report.wordLimit}
          valueLabel={
            over
              ? `${wordsText} (${t('words.overBy', { n: format.number(totalWords - report.wordLimit) })})`
              : near
                ? `${wordsText} (${t('words.left', { n: format.number(report.wordLimit - totalWords) })})`
                : wordsText
          }
          className={`word-meter${over ? ' over' : near ? ' near' : ''}`}
          aria-labelledby="report-words-label"
          aria-describedby="report-words-counts"
        >
          {({ percentage, valueText }) => (
            <>
              <span id="report-words-label" className="word-meter-label" title={t('words.counts')}>
                {t('words.reportTotal')}
              </span>
              <span id="report-words-counts" className="visually-hidden">
                {t('words.counts')}
              </span>
              <span className="word-meter-value" data-testid="report-words">
                {valueText}
              </span>
              <span className="word-meter-bar" aria-hidden="true">
                <span className="word-meter-fill" style={{ inlineSize: `${percentage}%` }} />
              </span>
            </>
          )}
        </Meter>
      </div>
    </header>
  );
}
