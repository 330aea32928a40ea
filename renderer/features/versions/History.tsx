// The report's history in the Versions view: who changed what and when, newest first, filtered by
// person, organization, section and day, and written to a spreadsheet for an audit. The list itself
// (HistoryList) is also each section's own history (../section/SectionHistory.tsx).
import { Fragment, useCallback, useMemo, useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { ApiEvent } from '../../../shared/api.js';
import { outlineOrder } from '../../../shared/domain.js';
import type { HistoryEntry, HistoryField, HistoryFilter, RecordEntry, TextEntry } from '../../../shared/history.js';
import { call, inDesktopApp } from '../../api/client.js';
import { fileName, useFormat } from '../../app/format.js';
import { useLiveLoad, type Freshness } from '../../app/useLiveLoad.js';
import { useWorkspace } from '../../app/workspaceContext.js';
import { SelectField, TextInput } from '../../widgets/fields.js';
import { ChoiceStatus, useFileChoice } from '../../widgets/file-choice.js';
import { TableFilters } from '../../widgets/table-screen.js';
import { exportFilePath } from '../export/exportPath.js';
import { fieldLabel, localTime, subjectText, useTranslate, valueText } from '../sharing/fieldNames.js';
import './versions.css';

/** Entries asked for at first, and how many more each "Show more" asks for. */
const PAGE = 200;
/** Beyond about this many characters a value is cut to three lines on screen (the whole of it is its tooltip, and read out). */
const LONG = 160;
const ALL = 'all';
const FORMATS = ['xlsx', 'csv'] as const;
type Format = (typeof FORMATS)[number];
type Filter = Omit<HistoryFilter, 'limit'>;

/** Any record written is history at once; text typed is, once the typing settles. */
const historyFreshness = (event: ApiEvent): Freshness => (event.kind === 'changed' ? 'now' : event.kind === 'text' ? 'settle' : null);
const DAY = /^\d{4}-\d\d-\d\d$/;

/** The History card: its filters, the list, and the list written to XLSX or CSV. */
export function History() {
  const { t } = useTranslation('versions');
  const { workspace } = useWorkspace();
  const [memberId, setMemberId] = useState(ALL);
  const [organizationId, setOrganizationId] = useState(ALL);
  const [sectionId, setSectionId] = useState(ALL);
  const [since, setSince] = useState('');
  const [until, setUntil] = useState('');
  const backwards = DAY.test(since) && DAY.test(until) && until < since;

  const filter = useMemo<Filter>(
    () => ({
      ...(memberId === ALL ? {} : { memberId }),
      ...(organizationId === ALL ? {} : { organizationId }),
      ...(sectionId === ALL ? {} : { sectionId }),
      ...(DAY.test(since) ? { since } : {}),
      ...(DAY.test(until) ? { until } : {}),
    }),
    [memberId, organizationId, sectionId, since, until],
  );
  const filtered = Object.keys(filter).length > 0 || since !== '' || until !== '';
  const clear = () => {
    setMemberId(ALL);
    setOrganizationId(ALL);
    setSectionId(ALL);
    setSince('');
    setUntil('');
  };

  const people = useMemo(() => [...workspace.members].sort((a, b) => a.name.localeCompare(b.name)).map((m) => ({ id: m.id, label: m.name })), [workspace.members]);
  const organizations = useMemo(() => [...workspace.organizations].sort((a, b) => a.name.localeCompare(b.name)).map((o) => ({ id: o.id, label: o.name })), [workspace.organizations]);
  const sections = useMemo(() => outlineOrder(workspace.sections).map((e) => ({ id: e.section.id, label: `${e.label}. ${e.section.title}` })), [workspace.sections]);

  return (
    <section className="vs-card vs-history" aria-labelledby="vs-history-title" data-testid="history">
      <h3 id="vs-history-title" className="block-title">
        {t('history.title')}
      </h3>
      <p className="vs-note vs-history-lead">{t('history.lead')}</p>
      <TableFilters className="vs-history-filters" label={t('history.filters')} clearLabel={t('history.clearFilters')} canClear={filtered} onClear={clear}>
        <SelectField<string> className="table-screen-filter vs-history-filter" label={t('history.person')} value={memberId} onChange={setMemberId} options={[{ id: ALL, label: t('history.everyone') }, ...people]} />
        <SelectField<string>
          className="table-screen-filter vs-history-filter"
          label={t('history.organization')}
          value={organizationId}
          onChange={setOrganizationId}
          options={[{ id: ALL, label: t('history.allOrganizations') }, ...organizations]}
        />
        <SelectField<string>
          className="table-screen-filter vs-history-filter vs-history-filter-wide"
          label={t('history.section')}
          value={sectionId}
          onChange={setSectionId}
          options={[{ id: ALL, label: t('history.allSections') }, ...sections]}
        />
        <TextInput type="date" className="table-screen-filter vs-history-day" label={t('history.since')} value={since} onChange={setSince} />
        <TextInput type="date" className="table-screen-filter vs-history-day" label={t('history.until')} value={until} onChange={setUntil} errorMessage={backwards ? t('history.untilBeforeSince') : null} />
      </TableFilters>
      <HistoryList filter={filter} filtered={filtered} />
      <HistoryExport filter={filter} />
    </section>
  );
}

/** The history matching `filter` as a table, newest first, kept fresh, with more on demand. */
export function HistoryList({ filter, filtered = false, showSection = true }: { filter: Filter; filtered?: boolean; showSection?: boolean }) {
  const { t } = useTranslation('versions');
  const format = useFormat();
  const [limit, setLimit] = useState(PAGE);
  const { sectionId, memberId, organizationId, since, until } = filter;
  const fetchPage = useCallback(() => call('history.list', { sectionId, memberId, organizationId, since, until, limit }), [sectionId, memberId, organizationId, since, until, limit]);
  const { value: page, error } = useLiveLoad(fetchPage, historyFreshness);
  const sectionName = useSectionName();

  return (
    <div className="vs-history-list">
      {error ? (
        <p role="alert" className="inline-error">
          {error}
        </p>
      ) : null}
      <p role="status" className="vs-note vs-history-count">
        {page === null || page.entries.length === 0
          ? ''
          : t(page.more ? 'history.shownMore' : 'history.shown', { count: page.entries.length, n: format.number(page.entries.length) })}
      </p>
      {page === null ? (
        error ? null : (
          <p className="muted">{t('history.loading')}</p>
        )
      ) : page.entries.length === 0 ? (
        <p className="vs-note">{filtered ? t('history.noMatch') : t('history.empty')}</p>
      ) : (
        <table className="vs-table vs-history-table" data-testid="history-table">
          <thead>
            <tr>
              <th scope="col" className="vs-history-when">
                {t('history.when')}
              </th>
              <th scope="col" className="vs-history-who">
                {t('history.who')}
              </th>
              {showSection ? (
                <th scope="col" className="vs-history-section">
                  {t('history.section')}
                </th>
              ) : null}
              <th scope="col">{t('history.what')}</th>
            </tr>
          </thead>
          <tbody>
            {page.entries.map((e, i) => (
              <tr key={`${i}:${e.kind}:${e.at}:${e.whoId}`} data-kind={e.kind}>
                <td className="vs-history-when">
                  <When entry={e} />
                </td>
                <td className="vs-history-who">
                  <bdi>{e.who}</bdi>
                  {e.organization ? (
                    <span className="vs-history-org">
                      <bdi>{e.organization}</bdi>
                    </span>
                  ) : null}
                </td>
                {showSection ? (
                  <td className="vs-history-section">
                    <bdi>{sectionName(e)}</bdi>
                  </td>
                ) : null}
                <td className="vs-history-what">{e.kind === 'text' ? <TextWhat entry={e} /> : <RecordWhat entry={e} />}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {page?.more ? (
        <Button className="button button-small vs-history-more" onPress={() => setLimit((n) => n + PAGE)}>
          {t('history.more')}
        </Button>
      ) : null}
    </div>
  );
}

/** "A.1. Normative framework" for the section an entry belongs to, as the outline numbers it now. */
function useSectionName(): (entry: HistoryEntry) => string {
  const { workspace } = useWorkspace();
  const names = useMemo(() => new Map(outlineOrder(workspace.sections).map((e) => [e.section.id, `${e.label}. ${e.section.title}`])), [workspace.sections]);
  // A section deleted since is named as the session knew it.
  return (entry) => (entry.sectionId ? (names.get(entry.sectionId) ?? (entry.kind === 'text' ? entry.sectionTitle : '')) : '');
}

/** A record's moment; a text session's span ("24 Nov 2026, 14:05 – 14:40"). */
function When({ entry }: { entry: HistoryEntry }) {
  const { i18n } = useTranslation();
  if (entry.kind === 'record' || entry.from === entry.at) {
    return (
      <time dateTime={entry.at} title={entry.at}>
        {localTime(entry.at, i18n.language)}
      </time>
    );
  }
  const span = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' }).formatRange(new Date(entry.from), new Date(entry.at));
  return (
    <time dateTime={`${entry.from}/${entry.at}`} title={`${entry.from} – ${entry.at}`}>
      {span}
    </time>
  );
}

function TextWhat({ entry }: { entry: TextEntry }) {
  const { t } = useTranslation('versions');
  const format = useFormat();
  const counted = (key: 'typed' | 'deleted' | 'saves', n: number) => t(`history.${key}`, { count: n, n: format.number(n) });
  return (
    <p className="vs-history-text">
      {t('history.text', { typed: counted('typed', entry.typed), deleted: counted('deleted', entry.deleted), saves: counted('saves', entry.saves) })}
      {entry.folded ? ` ${t('history.folded')}` : null}
    </p>
  );
}

/** What a record is ("Section “Normative framework”", "Comment 4"), and the fields written, labelled as the Sharing screen labels them. */
function RecordWhat({ entry }: { entry: RecordEntry }) {
  const { t } = useTranslation('versions');
  const { say, language } = useTranslate();
  const { workspace } = useWorkspace();
  // A section is named as it is now, as the Sharing screen names it.
  const section = entry.subject.kind === 'section' ? workspace.sections.find((s) => s.id === entry.row) : undefined;
  const subject = subjectText(say, section ? { kind: 'section', label: section.title } : entry.subject);
  const fields = entry.fields.filter((f) => !saysAgain(entry, f, workspace.members));
  const shown = (f: HistoryField) => {
    // A section's order is a sorting key, not words: that it changed is what a person can read.
    if (f.column === 'position') return t('history.reordered');
    // A consultation input's link names its target when it is a section (a recommendation keeps its id).
    const target = f.column === 'target_id' ? workspace.sections.find((x) => x.id === f.value) : undefined;
    return target?.title ?? valueText(say, language, workspace, f.table, f.column, f.value);
  };
  return (
    <>
      <p className="vs-history-subject">
        <bdi>{subject}</bdi>
        {entry.created ? <span className="vs-badge vs-badge-added">{t('history.made')}</span> : null}
      </p>
      {fields.length ? (
        <dl className="vs-fields vs-history-fields">
          {fields.map((f) => (
            <Fragment key={`${f.table}.${f.column}`}>
              <dt>{fieldLabel(say, f.table, f.column)}</dt>
              <dd title={typeof f.value === 'string' && f.value.length > LONG ? f.value : undefined}>
                <bdi>{shown(f)}</bdi>
              </dd>
            </Fragment>
          ))}
        </dl>
      ) : null}
    </>
  );
}

const MEMBER_FIELDS = new Set(['author_id', 'decided_by', 'applied_by', 'closed_by', 'settled_by']);
/** What a reply, a note, a link or an attached file belongs to: its subject names it already. */
const OWNER_FIELDS = new Set(['comment_id', 'recommendation_id', 'input_id']);

/**
 * A field that says again what the row already says: who wrote it (and their organization), when,
 * in which section, what it belongs to; and, in a record made, its name, its order among its
 * siblings and the fields left empty. The export keeps them all.
 */
function saysAgain(entry: RecordEntry, f: HistoryField, members: ReadonlyArray<{ id: string; organizationId: string }>): boolean {
  if (entry.created && (f.value === null || f.value === '' || f.value === entry.subject.label || f.column === 'position' || (f.column === 'deleted' && f.value === 0))) return true;
  if (OWNER_FIELDS.has(f.column)) return true;
  if (MEMBER_FIELDS.has(f.column)) return f.value === entry.whoId;
  if (f.column === 'organization_id') return f.value === members.find((m) => m.id === entry.whoId)?.organizationId;
  if (f.column === 'section_id') return f.value === entry.sectionId;
  // The moment the app stamps as it writes is the row's own (to the minute).
  if (f.column.endsWith('_at') && typeof f.value === 'string') return f.value.slice(0, 16) === entry.at.slice(0, 16);
  return false;
}

/** The history matching the filter, every entry, to XLSX or CSV; in browser mode, downloaded. */
function HistoryExport({ filter }: { filter: Filter }) {
  const { t } = useTranslation('versions');
  const format = useFormat();
  const [written, setWritten] = useState<{ path: string; rows: number; downloaded: boolean } | null>(null);
  const choice = useFileChoice<Format>({
    dialog: (fmt) => ({ mode: 'save', kind: fmt }),
    run: async (fmt, chosen) => {
      setWritten(null);
      const done = await call('history.export', { format: fmt, path: exportFilePath(chosen, fmt), filter });
      setWritten(inDesktopApp() ? { ...done, downloaded: false } : { ...done, path: fileName(done.path), downloaded: true });
    },
    downloadName: (fmt) => exportFilePath(t('history.fileName'), fmt),
    busyButton: 'disabled',
  });
  return (
    <div className="vs-history-export">
      <div className="vs-history-export-buttons">
        {FORMATS.map((fmt) => (
          <Button key={fmt} className="button button-small" {...choice.buttonProps(fmt)}>
            {t(`history.${fmt}`)}
          </Button>
        ))}
      </div>
      <ChoiceStatus
        working={choice.busy ? t('history.writing') : null}
        done={
          written ? (
            <p className="sh-done">
              <span aria-hidden="true">✓ </span>
              <bdi>{t(written.downloaded ? 'history.downloaded' : 'history.saved', { count: written.rows, n: format.number(written.rows), path: written.path })}</bdi>
            </p>
          ) : null
        }
        failed={choice.failure ? t('history.exportFailed', { message: choice.failure.message }) : null}
        testId="history-export-status"
      />
    </div>
  );
}
