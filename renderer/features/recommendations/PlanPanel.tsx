// A recommendation's implementation plan (issue 16, point 4), in its detail: the actions (what,
// lead, partners, start and end, budget line, how far along) and indicators (baseline, target,
// unit, source), its own and its cluster's; whether its status follows from them or was set by
// hand (with the way back); UPR Info's action category. Those who follow the recommendation up add,
// change and remove its actions and indicators; a cluster's are the secretariat's.
import { useState, type FormEvent } from 'react';
import { Button, Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import {
  ACTION_CATEGORIES,
  ACTION_STATUSES,
  type ActionStatus,
  type Organization,
  type PlanAction,
  type PlanIndicator,
  type FullRecommendation,
} from '../../../shared/domain.js';
import { call } from '../../api/client.js';
import { useAnnounce } from '../../app/Announcer.js';
import { messageOf } from '../../app/errors.js';
import { useFormat } from '../../app/format.js';
import { CheckboxChoices, SelectField, TextInput } from '../../widgets/fields.js';

export interface PlanPanelProps {
  recommendation: FullRecommendation;
  organizations: readonly Organization[];
  /** May add and change the recommendation's own actions and indicators (and set its status). */
  mayPlan: boolean;
  /** The secretariat: a cluster's actions and indicators, and the action category. */
  maySecretariat: boolean;
  onChanged: () => void;
}

const NONE = 'none';

export function PlanPanel({ recommendation: r, organizations, mayPlan, maySecretariat, onChanged }: PlanPanelProps) {
  const { t } = useTranslation('recommendations');
  const format = useFormat();
  const announce = useAnnounce();
  const [editing, setEditing] = useState<PlanAction | 'new' | null>(null);
  const [indicatorAt, setIndicatorAt] = useState<PlanIndicator | 'new' | null>(null);
  const [error, setError] = useState<string | null>(null);
  const orgName = (id: string | null) => organizations.find((o) => o.id === id)?.name ?? '';
  const mayChange = (item: { cluster: string }) => (item.cluster ? maySecretariat : mayPlan);

  const run = async (work: () => Promise<unknown>, done: string) => {
    setError(null);
    try {
      await work();
      announce(done);
      onChanged();
      return true;
    } catch (e) {
      setError(messageOf(e));
      return false;
    }
  };

  return (
    <section className="rc-plan" aria-labelledby={`rc-plan-${r.id}`}>
      <h4 id={`rc-plan-${r.id}`} className="rc-subtitle">
        {t('plan.title')}
      </h4>
      <p className="rc-plan-status">
        {r.actions.length === 0 ? (
          <span className="muted">{t('plan.noActions')}</span>
        ) : r.statusByHand ? (
          <>
            <span>{t('plan.byHand')}</span>{' '}
            {mayPlan ? (
              <Button
                className="button button-small button-quiet"
                onPress={() => void run(() => call('recommendations.update', { id: r.id, followActions: true }), t('plan.followingNow', { number: r.number }))}
              >
                {t('plan.follow')}
              </Button>
            ) : null}
          </>
        ) : (
          <span>{t('plan.following')}</span>
        )}
      </p>
      {maySecretariat ? (
        <SelectField<string>
          className="rc-plan-category"
          label={t('plan.category')}
          value={r.actionCategory === null ? NONE : String(r.actionCategory)}
          onChange={(v) =>
            void run(() => call('recommendations.update', { id: r.id, actionCategory: v === NONE ? null : Number(v) }), t('plan.categorySaved', { number: r.number }))
          }
          options={[{ id: NONE, label: t('plan.noCategory') }, ...ACTION_CATEGORIES.map((c) => ({ id: String(c), label: t(`plan.categories.${c}`) }))]}
        />
      ) : r.actionCategory !== null ? (
        <p className="rc-fact">
          <span className="rc-fact-label">{t('plan.category')}</span> {t(`plan.categories.${r.actionCategory}`)}
        </p>
      ) : null}

      {r.actions.length ? (
        <table className="rc-plan-table">
          <caption className="visually-hidden">{t('plan.actions')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('plan.action')}</th>
              <th scope="col">{t('plan.lead')}</th>
              <th scope="col">{t('plan.when')}</th>
              <th scope="col">{t('plan.status')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('plan.change')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {r.actions.map((a) => (
              <tr key={a.id}>
                <th scope="row" dir="auto">
                  {a.title}
                  {a.cluster ? <div className="muted">{t('plan.ofCluster', { cluster: a.cluster })}</div> : null}
                  {a.budgetLine ? <div className="muted">{t('plan.budgetShown', { line: a.budgetLine })}</div> : null}
                </th>
                <td>
                  {orgName(a.leadOrganizationId)}
                  {a.partnerOrganizationIds.length ? <div className="muted">{a.partnerOrganizationIds.map(orgName).filter(Boolean).join(', ')}</div> : null}
                </td>
                <td>
                  {a.startDate && a.endDate
                    ? `${format.date(a.startDate)} – ${format.date(a.endDate)}`
                    : a.endDate
                      ? t('plan.until', { date: format.date(a.endDate) })
                      : a.startDate
                        ? t('plan.from', { date: format.date(a.startDate) })
                        : ''}
                </td>
                <td>{t(`plan.statuses.${a.status}`)}</td>
                <td>
                  {mayChange(a) ? (
                    <span className="rc-plan-row-buttons">
                      <Button className="button button-small button-quiet" aria-label={t('plan.editLabel', { title: a.title })} onPress={() => setEditing(a)}>
                        {t('plan.edit')}
                      </Button>
                      <Button
                        className="button button-small button-quiet"
                        aria-label={t('plan.removeLabel', { title: a.title })}
                        onPress={() => void run(() => call('plan.deleteAction', { id: a.id }), t('plan.removed', { title: a.title }))}
                      >
                        {t('plan.remove')}
                      </Button>
                    </span>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {editing ? (
        <ActionForm
          key={editing === 'new' ? 'new' : editing.id}
          recommendation={r}
          action={editing === 'new' ? null : editing}
          organizations={organizations}
          onCancel={() => setEditing(null)}
          onSave={async (fields, id) => {
            const saved = await run(
              () => call('plan.saveAction', { ...(id ? { id } : { recommendationId: r.id }), ...fields }),
              t(id ? 'plan.saved' : 'plan.added', { title: fields.title }),
            );
            if (saved) setEditing(null);
          }}
        />
      ) : mayPlan ? (
        <Button className="button button-small" onPress={() => setEditing('new')}>
          {t('plan.addAction')}
        </Button>
      ) : null}

      <h5 className="rc-plan-subtitle">{t('plan.indicators')}</h5>
      {r.indicators.length ? (
        <ul className="plain-list rc-plan-indicators">
          {r.indicators.map((i) => (
            <IndicatorLine
              key={i.id}
              indicator={i}
              mayChange={mayChange(i)}
              onEdit={() => setIndicatorAt(i)}
              onRemove={() => void run(() => call('plan.deleteIndicator', { id: i.id }), t('plan.removed', { title: i.name }))}
            />
          ))}
        </ul>
      ) : (
        <p className="muted">{t('plan.noIndicators')}</p>
      )}
      {indicatorAt ? (
        <IndicatorForm
          key={indicatorAt === 'new' ? 'new' : indicatorAt.id}
          indicator={indicatorAt === 'new' ? null : indicatorAt}
          onCancel={() => setIndicatorAt(null)}
          onSave={async (fields) => {
            const id = indicatorAt === 'new' ? null : indicatorAt.id;
            const saved = await run(
              () => call('plan.saveIndicator', { ...(id ? { id } : { recommendationId: r.id }), ...fields }),
              t(id ? 'plan.saved' : 'plan.added', { title: fields.name }),
            );
            if (saved) setIndicatorAt(null);
          }}
        />
      ) : mayPlan ? (
        <Button className="button button-small" onPress={() => setIndicatorAt('new')}>
          {t('plan.addIndicator')}
        </Button>
      ) : null}
      {error ? (
        <p role="alert" className="inline-error">
          {error}
        </p>
      ) : null}
    </section>
  );
}

interface ActionFields {
  title: string;
  leadOrganizationId: string | null;
  partnerOrganizationIds: string[];
  startDate: string;
  endDate: string;
  budgetLine: string;
  status: ActionStatus;
}

function ActionForm({
  action,
  organizations,
  onSave,
  onCancel,
}: {
  recommendation: FullRecommendation;
  action: PlanAction | null;
  organizations: readonly Organization[];
  onSave: (fields: ActionFields, id: string | null) => Promise<void>;
  onCancel: () => void;
}) {
  const { t } = useTranslation('recommendations');
  const [title, setTitle] = useState(action?.title ?? '');
  const [lead, setLead] = useState(action?.leadOrganizationId ?? NONE);
  const [partners, setPartners] = useState<string[]>(action?.partnerOrganizationIds ?? []);
  const [startDate, setStart] = useState(action?.startDate ?? '');
  const [endDate, setEnd] = useState(action?.endDate ?? '');
  const [budgetLine, setBudget] = useState(action?.budgetLine ?? '');
  const [status, setStatus] = useState<ActionStatus>(action?.status ?? 'planned');
  const [missing, setMissing] = useState(false);
  const orgs = organizations.map((o) => ({ id: o.id, label: o.name }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!title.trim()) return setMissing(true);
    void onSave(
      {
        title: title.trim(),
        leadOrganizationId: lead === NONE ? null : lead,
        // The lead is not its own partner.
        partnerOrganizationIds: partners.filter((p) => p !== lead),
        startDate,
        endDate,
        budgetLine: budgetLine.trim(),
        status,
      },
      action?.id ?? null,
    );
  };
  return (
    <Form className="rc-plan-form" aria-label={t(action ? 'plan.editAction' : 'plan.addAction')} validationBehavior="aria" onSubmit={submit}>
      <TextInput className="rc-plan-wide" label={t('plan.action')} value={title} onChange={setTitle} autoFocus errorMessage={missing ? t('plan.titleRequired') : null} />
      <SelectField<string> label={t('plan.lead')} value={lead} onChange={setLead} options={[{ id: NONE, label: t('nobody') }, ...orgs]} />
      <CheckboxChoices<string> className="rc-plan-wide" label={t('plan.partners')} value={partners} onChange={setPartners} options={orgs.filter((o) => o.id !== lead)} />
      <TextInput label={t('plan.start')} type="date" value={startDate} onChange={setStart} />
      <TextInput label={t('plan.end')} type="date" value={endDate} onChange={setEnd} />
      <TextInput label={t('plan.budget')} value={budgetLine} onChange={setBudget} />
      <SelectField<ActionStatus> label={t('plan.status')} value={status} onChange={setStatus} options={ACTION_STATUSES.map((s) => ({ id: s, label: t(`plan.statuses.${s}`) }))} />
      <div className="form-buttons rc-plan-wide">
        <Button type="submit" className="button button-small button-primary">
          {t('plan.save')}
        </Button>
        <Button className="button button-small" onPress={onCancel}>
          {t('plan.cancel')}
        </Button>
      </div>
    </Form>
  );
}

function IndicatorLine({ indicator: i, mayChange, onEdit, onRemove }: { indicator: PlanIndicator; mayChange: boolean; onEdit: () => void; onRemove: () => void }) {
  const { t } = useTranslation('recommendations');
  return (
    <li className="rc-plan-indicator">
      <span dir="auto">{i.name}</span>{' '}
      <span className="muted">
        {t('plan.indicatorShown', { baseline: i.baseline || '—', target: i.target || '—', unit: i.unit })}
        {i.source ? ` · ${t('plan.sourceShown', { source: i.source })}` : ''}
        {i.cluster ? ` · ${t('plan.ofCluster', { cluster: i.cluster })}` : ''}
      </span>
      {mayChange ? (
        <>
          <Button className="button button-small button-quiet" aria-label={t('plan.editIndicatorLabel', { title: i.name })} onPress={onEdit}>
            {t('plan.edit')}
          </Button>
          <Button className="button button-small button-quiet" aria-label={t('plan.removeLabel', { title: i.name })} onPress={onRemove}>
            {t('plan.remove')}
          </Button>
        </>
      ) : null}
    </li>
  );
}

function IndicatorForm({
  indicator,
  onSave,
  onCancel,
}: {
  /** The indicator changed; null for a new one. */
  indicator: PlanIndicator | null;
  onSave: (fields: { name: string; baseline: string; target: string; unit: string; source: string }) => Promise<void>;
  onCancel: () => void;
}) {
  const { t } = useTranslation('recommendations');
  const [name, setName] = useState(indicator?.name ?? '');
  const [baseline, setBaseline] = useState(indicator?.baseline ?? '');
  const [target, setTarget] = useState(indicator?.target ?? '');
  const [unit, setUnit] = useState(indicator?.unit ?? '');
  const [source, setSource] = useState(indicator?.source ?? '');
  const [missing, setMissing] = useState(false);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!name.trim()) return setMissing(true);
    void onSave({ name: name.trim(), baseline: baseline.trim(), target: target.trim(), unit: unit.trim(), source: source.trim() });
  };
  return (
    <Form className="rc-plan-form" aria-label={t(indicator ? 'plan.editIndicator' : 'plan.addIndicator')} validationBehavior="aria" onSubmit={submit}>
      <TextInput className="rc-plan-wide" label={t('plan.indicator')} value={name} onChange={setName} autoFocus errorMessage={missing ? t('plan.nameRequired') : null} />
      <TextInput label={t('plan.baseline')} value={baseline} onChange={setBaseline} />
      <TextInput label={t('plan.target')} value={target} onChange={setTarget} />
      <TextInput label={t('plan.unit')} value={unit} onChange={setUnit} />
      <TextInput label={t('plan.source')} value={source} onChange={setSource} />
      <div className="form-buttons rc-plan-wide">
        <Button type="submit" className="button button-small button-primary">
          {t('plan.save')}
        </Button>
        <Button className="button button-small" onPress={onCancel}>
          {t('plan.cancel')}
        </Button>
      </div>
    </Form>
  );
}
