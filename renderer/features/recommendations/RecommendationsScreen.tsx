// The recommendations the State received, and how the report and the country follow them up: all
// of them in a table, filtered by mechanism, cluster, theme, State, position, status and responsible
// organization or found by number or words, with the selected one in full below; and the coverage
// of the supported ones by the report's sections. The secretariat imports the list here; those
// who follow recommendations up choose many in the table and give them a lead or a status at once.
import { useCallback, useEffect, useMemo, useState } from 'react';
import { TabPanel } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { clusterOf, IMPLEMENTATION_STATUSES, MECHANISMS, outlineOrder, POSITIONS, type ImplementationStatus, type Mechanism, type Position } from '../../../shared/domain.js';
import { asRulesSeeIt, denyReportChange, denySectionText } from '../../../shared/permissions.js';
import { useFormat } from '../../app/format.js';
import { useWorkspace } from '../../app/workspaceContext.js';
import { SelectField, TextInput } from '../../widgets/fields.js';
import { Loaded, TableFilters, TableModes } from '../../widgets/table-screen.js';
import { BulkActions } from './BulkActions.js';
import { CoverageView } from './CoverageView.js';
import { FollowUpCharts } from './FollowUpCharts.js';
import { MatrixExchange } from './MatrixExchange.js';
import { OpenData } from './OpenData.js';
import { MidtermExport } from './MidtermExport.js';
import { PublicTracker } from './PublicTracker.js';
import { ImportButton } from './ImportDialog.js';
import { RecommendationDetail } from './RecommendationDetail.js';
import { distinct, filterRecommendations, hasFilters, NO_FILTERS, prepareSearch, type RecommendationFilters } from './recommendationRows.js';
import { RecommendationTable, type SectionName } from './RecommendationTable.js';
import { useFollowUp, useRecommendations } from './useRecommendations.js';
import './recommendations.css';

export interface RecommendationsScreenProps {
  /** A recommendation to show (from the search box or an input); a new `nonce` shows it again. */
  focus?: { id: string; nonce: number } | null;
  /** Opens a section in the Sections view. */
  onOpenSection: (id: string) => void;
}

const ALL = 'all';
type Mode = 'list' | 'coverage' | 'progress';

export function RecommendationsScreen({ focus = null, onOpenSection }: RecommendationsScreenProps) {
  const { t, i18n } = useTranslation('recommendations');
  const format = useFormat();
  const { workspace } = useWorkspace();
  const { recommendations, error, reload } = useRecommendations({ withText: true, keepFor: workspace.report.id });
  const [mode, setMode] = useState<Mode>('list');
  const [filters, setFilters] = useState<RecommendationFilters>(NO_FILTERS);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  // Chosen for a bulk action: kept while filters change, so a choice can be built filter by filter.
  const [chosen, setChosen] = useState<ReadonlySet<string>>(() => new Set());
  const all = useMemo(() => recommendations ?? [], [recommendations]);
  const rows = useMemo(() => filterRecommendations(all, filters), [all, filters]);
  useEffect(() => prepareSearch(all), [all]);
  // The detail follows the list: one a filter hides is not shown as if it were still there.
  const selected = rows.find((r) => r.id === selectedId) ?? null;
  const byId = useMemo(() => new Map(all.map((r) => [r.id, r])), [all]);
  const sameAsNumber = useCallback((id: string) => byId.get(id)?.number, [byId]);
  const { followUp, reload: reloadFollowUp } = useFollowUp(selected?.id ?? null);
  const repeatedBy = useMemo(() => (selected ? all.filter((r) => r.sameAs === selected.id) : []), [all, selected]);
  const show = useCallback((id: string) => {
    setSelectedId(id);
    setFilters(NO_FILTERS);
  }, []);
  const locale = i18n.language;
  // The clusters with how many recommendations each holds: the country's own where it set one, else the list's.
  const clusters = useMemo(() => distinct(all, (r) => [clusterOf(r)], locale, (name, n) => `${name} (${format.number(n)})`), [all, locale, format]);
  const themes = useMemo(() => distinct(all, (r) => r.themes, locale), [all, locale]);
  // The mechanisms the list holds, with how many from each, in the UPR, treaty body, special procedure order.
  const mechanisms = useMemo(() => {
    const counts = new Map<Mechanism, number>();
    for (const r of all) counts.set(r.origin.mechanism, (counts.get(r.origin.mechanism) ?? 0) + 1);
    return MECHANISMS.filter((m) => counts.has(m)).map((m) => ({ id: m, label: `${t(`mechanism.${m}`)} (${format.number(counts.get(m)!)})` }));
  }, [all, t, format]);
  const states = useMemo(() => distinct(all, (r) => r.states, locale), [all, locale]);

  const sectionNames = useMemo(
    () => new Map<string, SectionName>(outlineOrder(workspace.sections).map((e) => [e.section.id, { label: e.label, title: e.section.title }])),
    [workspace.sections],
  );
  const sectionName = useCallback((id: string) => sectionNames.get(id), [sectionNames]);
  const me = workspace.me;
  const linkable = useMemo(
    () =>
      outlineOrder(workspace.sections)
        .filter((e) => denySectionText(me, asRulesSeeIt(e.section, workspace.report)) === null)
        .map((e) => ({ id: e.section.id, name: `${e.label ? `${e.label}. ` : ''}${e.section.title}` })),
    [workspace.sections, me, workspace.report],
  );
  const organizationName = useCallback((id: string | null) => workspace.organizations.find((o) => o.id === id)?.name ?? '', [workspace.organizations]);

  // Shown from elsewhere: select it in the full list, with no filter hiding it.
  useEffect(() => {
    if (!focus) return;
    setSelectedId(focus.id);
    setFilters(NO_FILTERS);
    setMode('list');
  }, [focus]);

  const filter = <K extends keyof RecommendationFilters>(key: K) => (value: string) =>
    setFilters((f) => ({ ...f, [key]: value === ALL ? null : (value as RecommendationFilters[K]) }));
  // The choices stay as they are while words are typed in the search box: each is a list of up to a
  // few hundred options, and re-drawing them at every key costs more than the search itself.
  const { mechanism, cluster, theme, state, position, status, organizationId } = filters;
  const choiceFilters = useMemo(
    () => (
      <>
        {mechanisms.length > 1 || mechanism !== null ? (
          <SelectField<Mechanism | typeof ALL>
            className="table-screen-filter rc-filter"
            label={t('filter.mechanism')}
            value={mechanism ?? ALL}
            onChange={filter('mechanism')}
            options={[{ id: ALL, label: t('filter.allMechanisms') }, ...mechanisms]}
          />
        ) : null}
        <SelectField<string>
          className="table-screen-filter rc-filter rc-filter-wide"
          label={t('filter.cluster')}
          value={cluster ?? ALL}
          onChange={filter('cluster')}
          options={[{ id: ALL, label: t('filter.allClusters') }, ...clusters]}
        />
        <SelectField<string>
          className="table-screen-filter rc-filter rc-filter-wide"
          label={t('filter.theme')}
          value={theme ?? ALL}
          onChange={filter('theme')}
          options={[{ id: ALL, label: t('filter.allThemes') }, ...themes]}
        />
        <SelectField<string>
          className="table-screen-filter rc-filter"
          label={t('filter.state')}
          value={state ?? ALL}
          onChange={filter('state')}
          options={[{ id: ALL, label: t('filter.allStates') }, ...states]}
        />
        <SelectField<Position | 'none' | typeof ALL>
          className="table-screen-filter rc-filter"
          label={t('filter.position')}
          value={position ?? ALL}
          onChange={filter('position')}
          options={[
            { id: ALL, label: t('filter.allPositions') },
            ...POSITIONS.map((p) => ({ id: p, label: t(`position.${p}`) })),
            { id: 'none', label: t('filter.noPosition') },
          ]}
        />
        <SelectField<ImplementationStatus | typeof ALL>
          className="table-screen-filter rc-filter"
          label={t('filter.status')}
          value={status ?? ALL}
          onChange={filter('status')}
          options={[{ id: ALL, label: t('filter.allStatuses') }, ...IMPLEMENTATION_STATUSES.map((s) => ({ id: s, label: t(`status.${s}`) }))]}
        />
        <SelectField<string>
          className="table-screen-filter rc-filter"
          label={t('filter.organization')}
          value={organizationId ?? ALL}
          onChange={filter('organizationId')}
          options={[
            { id: ALL, label: t('filter.allOrganizations') },
            ...workspace.organizations.map((o) => ({ id: o.id, label: o.name })),
            { id: 'none', label: t('filter.noOrganization') },
          ]}
        />
      </>
    ),
    // `filter` only calls setFilters, the same at every render.
    [mechanism, cluster, theme, state, position, status, organizationId, mechanisms, clusters, themes, states, workspace.organizations, t],
  );
  const total = all.length;
  const mayImport = denyReportChange(me) === null;
  // Those who follow recommendations up choose many: the secretariat, and the drafters of the ministries leading some.
  const mayFollowUp = mayImport || (me?.role === 'drafter' && all.some((r) => r.responsibleOrganizationId === me.organizationId));
  const choose = useCallback((ids: readonly string[], on: boolean) => {
    setChosen((before) => {
      const next = new Set(before);
      for (const id of ids) {
        if (on) next.add(id);
        else next.delete(id);
      }
      return next;
    });
  }, []);
  // A recommendation gone from the list (re-imported, merged) is no longer chosen.
  const chosenNow = useMemo(() => all.filter((r) => chosen.has(r.id)), [all, chosen]);
  const shownIds = useMemo(() => new Set(rows.map((r) => r.id)), [rows]);

  return (
    <div className="table-screen">
      <div className="table-screen-top">
        <h2 id="rc-title" className="page-title table-screen-title">
          {t('title')}
        </h2>
        <div className="rc-top-actions">
          {total > 0 ? <OpenData /> : null}
          {total > 0 ? <MidtermExport /> : null}
          {/* Its consultation page may be published before any recommendation is. */}
          {mayImport ? <PublicTracker /> : null}
          {total > 0 && mayImport ? <MatrixExchange organizations={workspace.organizations} onImported={() => void reload()} /> : null}
          {mayImport ? <ImportButton onImported={() => void reload()} /> : null}
        </div>
      </div>
      <Loaded loaded={recommendations !== null} error={error} loadingText={t('loading')} emptyText={total === 0 ? t('none') : null}>
        <TableModes<Mode>
          label={t('modes')}
          modes={[
            { id: 'list', label: t('mode.list') },
            { id: 'coverage', label: t('mode.coverage') },
            { id: 'progress', label: t('mode.progress') },
          ]}
          mode={mode}
          onChange={setMode}
          count={mode === 'list' ? t('showing', { count: total, shown: format.number(rows.length), total: format.number(total) }) : ''}
        >
          <TabPanel id="list" className="table-screen-panel">
            <TableFilters label={t('filters')} clearLabel={t('clearFilters')} canClear={hasFilters(filters)} onClear={() => setFilters(NO_FILTERS)}>
              <TextInput
                className="table-screen-filter rc-filter rc-filter-text"
                label={t('filter.text')}
                placeholder={t('filter.textPlaceholder')}
                value={filters.text}
                onChange={(text) => setFilters((f) => ({ ...f, text }))}
              />
              {choiceFilters}
            </TableFilters>
            {mayFollowUp && chosenNow.length ? (
              <BulkActions
                chosen={chosenNow}
                hidden={chosenNow.filter((r) => !shownIds.has(r.id)).length}
                organizations={workspace.organizations}
                mayAssignLead={mayImport}
                clusters={clusters.map((c) => c.id)}
                onChanged={() => void reload()}
                onClear={() => setChosen(new Set())}
              />
            ) : null}
            <RecommendationTable
              rows={rows}
              {...(mayFollowUp ? { chosen, onChoose: choose } : {})}
              selectedId={selectedId}
              onSelect={setSelectedId}
              organizationName={organizationName}
              sectionName={sectionName}
              labelledBy="rc-title"
              emptyText={t('noMatch')}
              sameAsNumber={sameAsNumber}
              total={total}
            />
            <RecommendationDetail
              recommendation={selected}
              followUp={followUp}
              me={me}
              organizations={workspace.organizations}
              sectionName={sectionName}
              linkable={linkable}
              onOpenSection={onOpenSection}
              onChanged={() => {
                void reload();
                void reloadFollowUp();
              }}
              sameAs={selected?.sameAs ? (byId.get(selected.sameAs) ?? null) : null}
              repeatedBy={repeatedBy}
              onShow={show}
            />
          </TabPanel>
          <TabPanel id="coverage" className="table-screen-panel">
            <CoverageView
              recommendations={all}
              sectionName={sectionName}
              onOpenSection={onOpenSection}
              onShow={(id) => {
                setSelectedId(id);
                setMode('list');
              }}
            />
          </TabPanel>
          <TabPanel id="progress" className="table-screen-panel">
            <FollowUpCharts
              recommendations={all}
              organizations={workspace.organizations}
              onShow={(id) => {
                show(id);
                setMode('list');
              }}
            />
          </TabPanel>
        </TableModes>
      </Loaded>
    </div>
  );
}
