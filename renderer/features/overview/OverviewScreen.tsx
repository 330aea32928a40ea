// Where the report stands: words against the limit, sections by status, sections by lead
// organization with open review comments and words against budgets, and what is overdue.
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { SECTION_STATUSES, isOverdue, outlineOrder, type OutlineEntry } from '../../../shared/domain.js';
import { useFormat } from '../../app/format.js';
import { useWorkspace } from '../../app/workspaceContext.js';
import { OverdueBadge, StatusBadge } from '../section/StatusBadge.js';
import './overview.css';

export interface OverviewProps {
  today: string;
  onOpenSection: (id: string) => void;
}

export function OverviewScreen({ today, onOpenSection }: OverviewProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const { workspace } = useWorkspace();
  const { report } = workspace;
  const entries = outlineOrder(workspace.sections);
  const overdue = entries.filter((e) => isOverdue(e.section, today));
  const over = workspace.totalWords > report.wordLimit;
  const openComments = entries.reduce((n, e) => n + e.section.openComments, 0);

  const sectionLink = (e: OutlineEntry) => (
    <Button className="link-button bidi-keep" onPress={() => onOpenSection(e.section.id)}>
      <span>{e.label}.</span> <span>{e.section.title}</span>
    </Button>
  );

  const leads = [
    ...workspace.organizations
      .map((o) => ({ id: o.id, name: o.name, entries: entries.filter((e) => e.section.leadOrganizationId === o.id) }))
      .filter((g) => g.entries.length > 0)
      .sort((a, b) => a.name.localeCompare(b.name)),
    { id: 'none', name: t('overview.noLead'), entries: entries.filter((e) => !e.section.leadOrganizationId) },
  ].filter((g) => g.entries.length > 0);

  return (
    <div className="overview">
      <h2 className="page-title">{t('overview.title')}</h2>
      <div className="summary">
        <div className={`summary-card${over ? ' over' : ''}`}>
          <p className="summary-label">{t('words.reportTotal')}</p>
          <p className="summary-value">{format.wordsOf(workspace.totalWords, report.wordLimit)}</p>
          {over ? <p className="summary-note">{t('words.overBy', { n: format.number(workspace.totalWords - report.wordLimit) })}</p> : null}
        </div>
        <div className="summary-card">
          <p className="summary-label">{t('overview.sections')}</p>
          <p className="summary-value">{format.number(entries.length)}</p>
        </div>
        <div className={`summary-card${overdue.length ? ' late' : ''}`}>
          <p className="summary-label">{t('overview.overdue')}</p>
          <p className="summary-value">{format.number(overdue.length)}</p>
        </div>
        <div className="summary-card">
          <p className="summary-label">{t('overview.openComments')}</p>
          <p className="summary-value">{format.number(openComments)}</p>
        </div>
        <div className="summary-card">
          <p className="summary-label">{t('settings.deadline')}</p>
          <p className="summary-value small">{report.deadline ? format.date(report.deadline) : t('settings.noDeadline')}</p>
        </div>
      </div>

      <section aria-labelledby="by-status-heading" className="overview-block">
        <h3 id="by-status-heading" className="block-title">
          {t('overview.byStatus')}
        </h3>
        <div className="status-columns">
          {SECTION_STATUSES.map((status) => {
            const inStatus = entries.filter((e) => e.section.status === status);
            return (
              <section key={status} className="status-column" aria-label={t(`status.${status}`)}>
                <h4 className="status-column-title">
                  <StatusBadge status={status} /> <span className="status-count">{format.number(inStatus.length)}</span>
                </h4>
                {inStatus.length ? (
                  <ul className="plain-list">
                    {inStatus.map((e) => (
                      <li key={e.section.id}>
                        {sectionLink(e)} {isOverdue(e.section, today) ? <OverdueBadge /> : null}
                      </li>
                    ))}
                  </ul>
                ) : (
                  <p className="muted">{t('overview.noneInStatus')}</p>
                )}
              </section>
            );
          })}
        </div>
      </section>

      <section aria-labelledby="by-lead-heading" className="overview-block">
        <h3 id="by-lead-heading" className="block-title">
          {t('overview.byLead')}
        </h3>
        <table className="data-table" aria-labelledby="by-lead-heading">
          <thead>
            <tr>
              <th scope="col">{t('overview.section')}</th>
              <th scope="col">{t('section.status')}</th>
              <th scope="col">{t('section.dueDate')}</th>
              <th scope="col" className="num">
                {t('overview.openComments')}
              </th>
              <th scope="col" className="num">
                {t('overview.wordsVsBudget')}
              </th>
            </tr>
          </thead>
          {leads.map((group) => {
            const words = group.entries.reduce((n, e) => n + e.section.words, 0);
            const budgets = group.entries.map((e) => e.section.wordBudget).filter((b): b is number => b !== null);
            const budget = budgets.length ? budgets.reduce((n, b) => n + b, 0) : null;
            const open = group.entries.reduce((n, e) => n + e.section.openComments, 0);
            return (
              <tbody key={group.id}>
                <tr className="group-row">
                  <th scope="colgroup" colSpan={3}>
                    {group.name}
                  </th>
                  <td className="num" data-testid="ministry-open-comments">
                    {format.number(open)}
                  </td>
                  <td className={`num${budget !== null && words > budget ? ' over' : ''}`}>{format.wordsOf(words, budget)}</td>
                </tr>
                {group.entries.map((e) => {
                  const late = isOverdue(e.section, today);
                  const overBudget = e.section.wordBudget !== null && e.section.words > e.section.wordBudget;
                  return (
                    <tr key={e.section.id} className={late ? 'late' : undefined}>
                      <th scope="row">{sectionLink(e)}</th>
                      <td>
                        <StatusBadge status={e.section.status} />
                      </td>
                      <td>
                        {e.section.dueDate ? format.date(e.section.dueDate) : '—'} {late ? <OverdueBadge /> : null}
                      </td>
                      <td className="num">{e.section.openComments ? format.number(e.section.openComments) : '—'}</td>
                      <td className={`num${overBudget ? ' over' : ''}`}>{format.wordsOf(e.section.words, e.section.wordBudget)}</td>
                    </tr>
                  );
                })}
              </tbody>
            );
          })}
        </table>
      </section>
    </div>
  );
}
