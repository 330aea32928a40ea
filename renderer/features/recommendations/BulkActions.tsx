// The follow-up of many recommendations at once: the lead ministry, a contributing ministry, the
// country's cluster (a name, or each one's first theme, affected group or SDG), the implementation
// status, given to every recommendation chosen in the table, in one change set; or the chosen
// marked as the same recommendation, followed up as one of them (recommendations.setSame)
// (recommendations.updateMany); or, by the secretariat, put in the public tracker or taken out of
// it (recommendations.setPublic). The secretariat assigns the lead; a ministry sets the status of
// the recommendations it leads. When any chosen row may not be changed, nothing is, and the
// message says which rows and why. The choice stays after applying, so a second action can follow.
import { useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { CLUSTER_BY, IMPLEMENTATION_STATUSES, type ClusterBy, type ImplementationStatus, type Organization, type Recommendation } from '../../../shared/domain.js';
import { call } from '../../api/client.js';
import { useAnnounce } from '../../app/Announcer.js';
import { messageOf } from '../../app/errors.js';
import { useFormat } from '../../app/format.js';
import { SelectField, TextInput } from '../../widgets/fields.js';

const KEEP = 'keep';
const NONE = 'none';
/** The most recommendations offered as the one followed up when marking them the same. */
const MAX_SAME = 200;

export interface BulkActionsProps {
  chosen: readonly Recommendation[];
  /** How many of them the filters hide. */
  hidden: number;
  organizations: readonly Organization[];
  /** Only the secretariat assigns the lead and contributing ministries and puts recommendations in clusters. */
  mayAssignLead: boolean;
  /** The clusters recommendations are in now (named in the field's hint). */
  clusters: readonly string[];
  onChanged: () => void;
  onClear: () => void;
}

export function BulkActions({ chosen, hidden, organizations, mayAssignLead, clusters, onChanged, onClear }: BulkActionsProps) {
  const { t } = useTranslation('recommendations');
  const format = useFormat();
  const announce = useAnnounce();
  const [lead, setLead] = useState<string>(KEEP);
  const [status, setStatus] = useState<ImplementationStatus | typeof KEEP>(KEEP);
  const [contributor, setContributor] = useState<string>(KEEP);
  const [cluster, setCluster] = useState('');
  const [clusterBy, setClusterBy] = useState<ClusterBy | typeof KEEP>(KEEP);
  const [main, setMain] = useState<string>(chosen[0]?.id ?? '');
  const mainNow = chosen.some((r) => r.id === main) ? main : (chosen[0]?.id ?? '');
  const [busy, setBusy] = useState(false);
  const [said, setSaid] = useState<{ text: string; failed: boolean } | null>(null);

  /** Runs one call for the chosen, then says what it did (or why not) beside the buttons and aloud. */
  const act = async (work: () => Promise<string>) => {
    setBusy(true);
    setSaid(null);
    try {
      const text = await work();
      setSaid({ text, failed: false });
      announce(text);
      onChanged();
    } catch (e) {
      setSaid({ text: messageOf(e), failed: true });
    } finally {
      setBusy(false);
    }
  };

  const apply = () => {
    if (lead === KEEP && status === KEEP && contributor === KEEP && !cluster.trim() && clusterBy === KEEP) {
      setSaid({ text: t('bulk.nothing'), failed: true });
      return;
    }
    void act(async () => {
      const done = await call('recommendations.updateMany', {
        ids: chosen.map((r) => r.id),
        ...(lead !== KEEP ? { responsibleOrganizationId: lead === NONE ? null : lead } : {}),
        ...(status !== KEEP ? { implementationStatus: status } : {}),
        ...(contributor !== KEEP ? { addContributors: [contributor] } : {}),
        ...(clusterBy !== KEEP ? { clusterBy } : cluster.trim() ? { countryCluster: cluster.trim() } : {}),
      });
      return t('bulk.done', { changed: format.number(done.changed), unchanged: format.number(done.unchanged) });
    });
  };

  /** Puts the chosen in the public tracker, or takes them out (the secretariat's). */
  const setPublic = (on: boolean) =>
    void act(async () => {
      const done = await call('recommendations.setPublic', { ids: chosen.map((r) => r.id), public: on });
      return t(on ? 'bulk.publicDone' : 'bulk.notPublicDone', { changed: format.number(done.changed), unchanged: format.number(done.unchanged) });
    });

  const markSame = () => {
    if (chosen.length > MAX_SAME) {
      setSaid({ text: t('bulk.sameTooMany'), failed: true });
      return;
    }
    void act(async () => {
      const done = await call('recommendations.setSame', { ids: chosen.map((r) => r.id), sameAs: mainNow });
      return t('bulk.sameDone', { number: chosen.find((r) => r.id === mainNow)?.number ?? '', changed: format.number(done.changed) });
    });
  };

  return (
    <section className="rc-bulk" aria-labelledby="rc-bulk-title">
      <h3 id="rc-bulk-title" className="visually-hidden">
        {t('bulk.region')}
      </h3>
      <p className="rc-bulk-count" role="status">
        <strong>{t('bulk.chosen', { count: chosen.length, n: format.number(chosen.length) })}</strong>
        {hidden ? <span className="muted"> · {t('bulk.hidden', { count: hidden, n: format.number(hidden) })}</span> : null}
      </p>
      {mayAssignLead ? (
        <SelectField<string>
          className="rc-bulk-field"
          label={t('bulk.lead')}
          value={lead}
          onChange={setLead}
          options={[{ id: KEEP, label: t('bulk.keepLead') }, ...organizations.map((o) => ({ id: o.id, label: o.name })), { id: NONE, label: t('bulk.noLead') }]}
        />
      ) : null}
      {mayAssignLead ? (
        <SelectField<string>
          className="rc-bulk-field"
          label={t('bulk.contributor')}
          value={contributor}
          onChange={setContributor}
          options={[{ id: KEEP, label: t('bulk.noContributor') }, ...organizations.map((o) => ({ id: o.id, label: o.name }))]}
        />
      ) : null}
      {mayAssignLead ? (
        <TextInput
          className="rc-bulk-field"
          label={t('bulk.cluster')}
          value={cluster}
          onChange={setCluster}
          placeholder={clusters[0] ?? t('bulk.clusterPlaceholder')}
          isDisabled={clusterBy !== KEEP}
        />
      ) : null}
      {mayAssignLead ? (
        <SelectField<ClusterBy | typeof KEEP>
          className="rc-bulk-field"
          label={t('bulk.clusterBy')}
          value={clusterBy}
          onChange={setClusterBy}
          options={[{ id: KEEP, label: t('bulk.clusterByName') }, ...CLUSTER_BY.map((by) => ({ id: by, label: t(`bulk.clusterByField.${by}`) }))]}
        />
      ) : null}
      <SelectField<ImplementationStatus | typeof KEEP>
        className="rc-bulk-field"
        label={t('bulk.status')}
        value={status}
        onChange={setStatus}
        options={[{ id: KEEP, label: t('bulk.keepStatus') }, ...IMPLEMENTATION_STATUSES.map((s) => ({ id: s, label: t(`status.${s}`) }))]}
      />
      <div className="rc-bulk-buttons">
        <Button className="button button-primary" isPending={busy} onPress={apply}>
          {t('bulk.apply')}
        </Button>
        <Button className="button" onPress={onClear}>
          {t('bulk.clear')}
        </Button>
        {mayAssignLead ? (
          <>
            <Button className="button" isPending={busy} onPress={() => setPublic(true)}>
              {t('bulk.makePublic')}
            </Button>
            <Button className="button" isPending={busy} onPress={() => setPublic(false)}>
              {t('bulk.makeNotPublic')}
            </Button>
          </>
        ) : null}
        {mayAssignLead && chosen.length > 1 && chosen.length <= MAX_SAME ? (
          <div className="rc-bulk-same">
            <SelectField<string>
              className="rc-bulk-field"
              label={t('bulk.sameMain')}
              value={mainNow}
              onChange={setMain}
              options={chosen.map((r) => ({ id: r.id, label: r.number }))}
            />
            <Button className="button" isPending={busy} onPress={markSame}>
              {t('bulk.sameButton')}
            </Button>
          </div>
        ) : null}
      </div>
      {said ? (
        <p className={said.failed ? 'inline-error rc-bulk-said' : 'rc-bulk-said'} role={said.failed ? 'alert' : undefined}>
          {said.text}
        </p>
      ) : null}
    </section>
  );
}
