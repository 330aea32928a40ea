// The comment resolution matrix: every comment of the report in one table, filtered by section,
// organization, type and status and sorted by any of them, with the selected comment in full
// below, the way reviewers and drafters go through a review round together.
import { Loaded } from '../../widgets/table-screen.js';
import { useCallback, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { COMMENT_STATES, COMMENT_TYPES, outlineOrder, type CommentState, type CommentType, type ReviewComment } from '../../../shared/domain.js';
import { call } from '../../api/client.js';
import { useAnnounce } from '../../app/Announcer.js';
import { messageOf } from '../../app/errors.js';
import { useFormat } from '../../app/format.js';
import { useWorkspace } from '../../app/workspaceContext.js';
import { SelectField } from '../../widgets/fields.js';
import { CommentDetail } from './CommentDetail.js';
import { ExportButtons } from './ExportButtons.js';
import { MatrixGrid } from './MatrixGrid.js';
import {
  DEFAULT_SORT,
  filterComments,
  hasFilters,
  nextSort,
  NO_FILTERS,
  organizationChoices,
  sectionChoices,
  sortComments,
  type MatrixFilters,
  type SortKey,
} from './matrixRows.js';
import { useComments } from '../review/useComments.js';
import './matrix.css';

export interface MatrixScreenProps {
  /** Opens the comment's section in the Sections view, scrolled to its passage. */
  onFollow: (comment: ReviewComment) => void;
}

const ALL = 'all';

export function MatrixScreen({ onFollow }: MatrixScreenProps) {
  const { t, i18n } = useTranslation('matrix');
  const { t: review } = useTranslation('review');
  const format = useFormat();
  const announce = useAnnounce();
  const { workspace } = useWorkspace();
  const { comments, error, reload } = useComments();
  const [filters, setFilters] = useState<MatrixFilters>(NO_FILTERS);
  const [sort, setSort] = useState(DEFAULT_SORT);
  const [activeId, setActiveId] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  // The workspace is reloaded on every change anywhere (words typed included); the outline order
  // changes far more rarely, and re-sorting 10,000 comments should wait for that.
  const orderKey = outlineOrder(workspace.sections)
    .map((e) => e.section.id)
    .join(' ');
  const sectionOrder = useMemo(() => new Map(orderKey.split(' ').map((id, i) => [id, i])), [orderKey]);
  const rows = useMemo(() => sortComments(filterComments(comments ?? [], filters), sort, sectionOrder), [comments, filters, sort, sectionOrder]);
  const sections = useMemo(() => sectionChoices(comments ?? [], sectionOrder), [comments, sectionOrder]);
  const organizations = useMemo(() => organizationChoices(comments ?? []), [comments]);
  const active = activeId === null ? null : (rows.find((c) => c.id === activeId) ?? null);

  // Rows are memoized; they get callbacks that stay the same while the shell's change.
  const followRef = useRef(onFollow);
  useLayoutEffect(() => {
    followRef.current = onFollow;
  });
  const follow = useCallback((c: ReviewComment) => followRef.current(c), []);
  const onSort = useCallback((key: SortKey) => setSort((s) => nextSort(s, key)), []);
  // Stored times are ISO instants; the matrix gives their day, in the person's time zone.
  const language = i18n.language;
  const formatDate = useMemo(() => {
    const day = new Intl.DateTimeFormat(language, { dateStyle: 'medium' });
    return (iso: string) => (iso ? day.format(new Date(iso)) : '');
  }, [language]);

  const setStatus = async (c: ReviewComment, status: 'open' | 'closed') => {
    setBusy(true);
    try {
      await call('comments.setStatus', { commentId: c.id, status });
      announce(t(status === 'closed' ? 'closedDone' : 'reopenedDone', { number: c.number }));
    } catch (e) {
      announce(messageOf(e), 'error');
    } finally {
      setBusy(false);
      void reload();
    }
  };

  const filter = <K extends keyof MatrixFilters>(key: K) => (value: string) =>
    setFilters((f) => ({ ...f, [key]: value === ALL ? null : (value as MatrixFilters[K]) }));
  const total = comments?.length ?? 0;

  return (
    <div className="table-screen">
      <div className="table-screen-top">
        <h2 id="mx-title" className="page-title table-screen-title">
          {t('title')}
        </h2>
        <ExportButtons />
      </div>
      <div className="mx-toolbar" role="group" aria-label={t('filters')}>
        <SelectField<string>
          className="mx-filter mx-filter-wide"
          label={t('filter.section')}
          value={filters.sectionId ?? ALL}
          onChange={filter('sectionId')}
          options={[{ id: ALL, label: t('filter.allSections') }, ...sections]}
        />
        <SelectField<string>
          className="mx-filter mx-filter-wide"
          label={t('filter.organization')}
          value={filters.organizationId ?? ALL}
          onChange={filter('organizationId')}
          options={[{ id: ALL, label: t('filter.allOrganizations') }, ...organizations]}
        />
        <SelectField<CommentType | typeof ALL>
          className="mx-filter"
          label={t('filter.type')}
          value={filters.type ?? ALL}
          onChange={filter('type')}
          options={[{ id: ALL, label: t('filter.allTypes') }, ...COMMENT_TYPES.map((type) => ({ id: type, label: review(`type.${type}`) }))]}
        />
        <SelectField<CommentState | typeof ALL>
          className="mx-filter"
          label={t('filter.status')}
          value={filters.state ?? ALL}
          onChange={filter('state')}
          options={[{ id: ALL, label: t('filter.allStatuses') }, ...COMMENT_STATES.map((state) => ({ id: state, label: review(`state.${state}`) }))]}
        />
        <Button className="button button-small button-quiet mx-clear" isDisabled={!hasFilters(filters)} onPress={() => setFilters(NO_FILTERS)}>
          {t('clearFilters')}
        </Button>
        <p className="mx-count" role="status">
          {comments === null ? '' : t('showing', { count: total, shown: format.number(rows.length), total: format.number(total) })}
        </p>
      </div>
      {/* Said with the table; shown in the detail panel until a comment is selected. */}
      <p id="mx-hint" className="visually-hidden">
        {t('hint')}
      </p>
      <Loaded loaded={comments !== null} error={error} loadingText={t('loading')}>
        <MatrixGrid
          rows={rows}
          activeId={activeId}
          onActivate={setActiveId}
          onFollow={follow}
          sort={sort}
          onSort={onSort}
          formatDate={formatDate}
          labelledBy="mx-title"
          describedBy="mx-hint"
          emptyText={total === 0 ? t('noComments') : t('noMatch')}
          viewKey={JSON.stringify([filters, sort])}
        />
        <CommentDetail comment={active} me={workspace.me} formatDate={formatDate} busy={busy} onFollow={follow} onSetStatus={(c, s) => void setStatus(c, s)} />
      </Loaded>
    </div>
  );
}
