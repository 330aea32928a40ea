// The consultation inputs: civil-society submissions, minutes of public consultations, notes from
// UN agencies. All of them in a table, filtered by source, channel and disposition or found by
// words, with the selected one in full below; and the consultation log, which can be put in the
// report. The secretariat registers, links and decides; everyone signed in reads.
import { useEffect, useMemo, useRef, useState } from 'react';
import { Button, TabPanel } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { INPUT_CHANNELS, INPUT_DISPOSITIONS, ORGANIZATION_KINDS, outlineOrder, type InputChannel, type InputDisposition, type OrganizationKind } from '../../../shared/domain.js';
import { asRulesSeeIt, denyInputChange, denyInputRead, denySectionText } from '../../../shared/permissions.js';
import { useAnnounce } from '../../app/Announcer.js';
import { useFormat } from '../../app/format.js';
import { useWorkspace } from '../../app/workspaceContext.js';
import { SelectField, TextInput } from '../../widgets/fields.js';
import { Loaded, TableFilters, TableModes } from '../../widgets/table-screen.js';
import { useRecommendations } from '../recommendations/useRecommendations.js';
import { ConsultationLog, type LogSection } from './ConsultationLog.js';
import { InputDetail } from './InputDetail.js';
import { InputDialog } from './InputDialog.js';
import { filterInputs, hasFilters, NO_FILTERS, type InputFilters } from './inputRows.js';
import { InputTable } from './InputTable.js';
import { useInputs } from './useInputs.js';
import './inputs.css';

export interface InputsScreenProps {
  /** An input to select and scroll to (from the search box); changes of `nonce` repeat it. */
  focus: { id: string; nonce: number } | null;
  onOpenSection: (id: string) => void;
  onOpenRecommendation: (id: string) => void;
}

export function InputsScreen(props: InputsScreenProps) {
  const { t } = useTranslation('inputs');
  const { workspace } = useWorkspace();
  // The workspace is shown only to someone signed in; the main process checks it too.
  if (denyInputRead(workspace.me)) {
    return (
      <>
        <h2 className="page-title">{t('title')}</h2>
        <p className="empty-note">{t('signInFirst')}</p>
      </>
    );
  }
  return <InputsView {...props} />;
}

const ALL = 'all';
type Mode = 'list' | 'log';

function InputsView({ focus, onOpenSection, onOpenRecommendation }: InputsScreenProps) {
  const { t } = useTranslation('inputs');
  const { t: app } = useTranslation();
  const format = useFormat();
  const announce = useAnnounce();
  const { workspace } = useWorkspace();
  const { inputs, error, reload } = useInputs();
  const { recommendations } = useRecommendations();
  const [mode, setMode] = useState<Mode>('list');
  const [filters, setFilters] = useState<InputFilters>(NO_FILTERS);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [registering, setRegistering] = useState(false);
  const all = useMemo(() => inputs ?? [], [inputs]);
  const rows = useMemo(() => filterInputs(all, filters), [all, filters]);
  // The detail follows the list: one a filter hides is not shown as if it were still there.
  const selected = rows.find((i) => i.id === selectedId) ?? null;
  const me = workspace.me;
  const mayChange = denyInputChange(me) === null;

  const outline = useMemo(() => outlineOrder(workspace.sections), [workspace.sections]);
  const sections = useMemo(() => outline.map((e) => ({ id: e.section.id, name: `${e.label ? `${e.label}. ` : ''}${e.section.title}` })), [outline]);
  const writable = useMemo<LogSection[]>(
    () => outline.filter((e) => denySectionText(me, asRulesSeeIt(e.section, workspace.report)) === null).map((e) => ({ id: e.section.id, label: e.label, title: e.section.title })),
    [outline, me, workspace.report],
  );

  // Shown from elsewhere (the search box): selected in the full list, no filter hiding it, in view.
  const scrollTo = useRef<string | null>(null);
  useEffect(() => {
    if (!focus) return;
    setSelectedId(focus.id);
    setFilters(NO_FILTERS);
    setMode('list');
    scrollTo.current = focus.id;
  }, [focus]);
  useEffect(() => {
    const id = scrollTo.current;
    if (!id || mode !== 'list' || !all.some((i) => i.id === id)) return;
    scrollTo.current = null;
    document.getElementById(`input-row-${id}`)?.scrollIntoView({ block: 'nearest' });
  }, [all, mode, rows]);

  const filter = <K extends keyof InputFilters>(key: K) => (value: string) =>
    setFilters((f) => ({ ...f, [key]: value === ALL ? null : (value as InputFilters[K]) }));
  const total = all.length;

  return (
    <div className="table-screen">
      <div className="table-screen-top">
        <h2 id="in-title" className="page-title table-screen-title">
          {t('title')}
        </h2>
        {mayChange ? (
          <Button className="button button-small button-primary" onPress={() => setRegistering(true)}>
            {t('register')}
          </Button>
        ) : null}
      </div>
      {!mayChange ? <p className="in-read-only">{t('readOnly')}</p> : null}
      <Loaded loaded={inputs !== null} error={error} loadingText={t('loading')} emptyText={total === 0 ? t('none') : null}>
        <TableModes<Mode>
          label={t('modes')}
          modes={[
            { id: 'list', label: t('mode.list') },
            { id: 'log', label: t('mode.log') },
          ]}
          mode={mode}
          onChange={setMode}
          count={mode === 'list' ? t('showing', { count: total, shown: format.number(rows.length), total: format.number(total) }) : ''}
        >
          <TabPanel id="list" className="table-screen-panel">
            <TableFilters className="in-toolbar" label={t('filters')} clearLabel={t('clearFilters')} canClear={hasFilters(filters)} onClear={() => setFilters(NO_FILTERS)}>
              <TextInput
                className="table-screen-filter in-filter in-filter-text"
                label={t('filter.text')}
                placeholder={t('filter.textPlaceholder')}
                value={filters.text}
                onChange={(text) => setFilters((f) => ({ ...f, text }))}
              />
              <SelectField<OrganizationKind | 'none' | typeof ALL>
                className="table-screen-filter in-filter in-filter-wide"
                label={t('filter.kind')}
                value={filters.kind ?? ALL}
                onChange={filter('kind')}
                options={[
                  { id: ALL, label: t('filter.allKinds') },
                  ...ORGANIZATION_KINDS.map((k) => ({ id: k, label: app(`orgKind.${k}`) })),
                  { id: 'none', label: t('filter.noSource') },
                ]}
              />
              <SelectField<InputChannel | typeof ALL>
                className="table-screen-filter in-filter"
                label={t('filter.channel')}
                value={filters.channel ?? ALL}
                onChange={filter('channel')}
                options={[{ id: ALL, label: t('filter.allChannels') }, ...INPUT_CHANNELS.map((c) => ({ id: c, label: t(`channel.${c}`) }))]}
              />
              <SelectField<InputDisposition | 'none' | typeof ALL>
                className="table-screen-filter in-filter"
                label={t('filter.disposition')}
                value={filters.disposition ?? ALL}
                onChange={filter('disposition')}
                options={[
                  { id: ALL, label: t('filter.allDispositions') },
                  ...INPUT_DISPOSITIONS.map((d) => ({ id: d, label: t(`disposition.${d}`) })),
                  { id: 'none', label: t('disposition.none') },
                ]}
              />
            </TableFilters>
            <InputTable rows={rows} selectedId={selectedId} onSelect={setSelectedId} labelledBy="in-title" emptyText={t('noMatch')} />
            <InputDetail
              input={selected}
              mayChange={mayChange}
              organizations={workspace.organizations}
              sections={sections}
              recommendations={recommendations}
              onOpenSection={onOpenSection}
              onOpenRecommendation={onOpenRecommendation}
              onChanged={() => void reload()}
            />
          </TabPanel>
          <TabPanel id="log" className="table-screen-panel">
            <ConsultationLog
              inputs={all}
              writable={writable}
              onOpenSection={onOpenSection}
              onShow={(id) => {
                setSelectedId(id);
                setMode('list');
                scrollTo.current = id;
              }}
            />
          </TabPanel>
        </TableModes>
      </Loaded>
      {registering ? (
        <InputDialog
          input={null}
          organizations={workspace.organizations}
          onClose={() => setRegistering(false)}
          onSaved={(input) => {
            announce(t('registered', { title: input.title }));
            setSelectedId(input.id);
            setFilters(NO_FILTERS);
            setMode('list');
            scrollTo.current = input.id;
            void reload();
          }}
        />
      ) : null}
    </div>
  );
}
