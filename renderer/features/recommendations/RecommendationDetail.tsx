// The selected recommendation in full: what the list says, who is responsible and how far it is
// implemented (changed by those allowed), the sections addressing it (followed with one press), and
// its progress notes, with a dated note added by those who follow it up. The list gives the
// recommendation; its plan and notes (`followUp`) are loaded for it alone and shown when they come.
import { useState, type FormEvent } from 'react';
import { Button, FileTrigger, Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { addressedIn, IMPLEMENTATION_STATUSES, type ImplementationStatus, type FullRecommendation, type Member, type Organization, type Recommendation, type RecommendationFollowUp } from '../../../shared/domain.js';
import { denyRecommendationFollowUp, denyReportChange } from '../../../shared/permissions.js';
import { base64ToBytes } from '../../../shared/base64.js';
import { call, inDesktopApp } from '../../api/client.js';
import { runOnChosenFile } from '../../widgets/file-choice.js';
import { PlanPanel } from './PlanPanel.js';
import { NotePublic, RecommendationPublic } from './PublicTracker.js';
import { useAnnounce } from '../../app/Announcer.js';
import { messageOf } from '../../app/errors.js';
import { fileName, todayIso, useFormat } from '../../app/format.js';
import { SelectField, TextAreaInput, TextInput } from '../../widgets/fields.js';
import { PositionBadge, StatusText } from './badges.js';
import type { SectionName } from './RecommendationTable.js';

export interface RecommendationDetailProps {
  recommendation: Recommendation | null;
  /** Its plan and progress notes: null while they load. */
  followUp: RecommendationFollowUp | null;
  me: Member | null;
  organizations: readonly Organization[];
  sectionName: (id: string) => SectionName | undefined;
  /** The sections the person may link (those whose text they may write), in outline order. */
  linkable: ReadonlyArray<{ id: string; name: string }>;
  onOpenSection: (id: string) => void;
  /** After a change, so the list shows it at once (the change event reloads it too). */
  onChanged: () => void;
  /** The recommendation it repeats (when that one is in the report), and those that repeat it. */
  sameAs?: Recommendation | null;
  repeatedBy?: readonly Recommendation[];
  /** Shows another recommendation in full. */
  onShow?: (id: string) => void;
}

const NOBODY = 'none';

export function RecommendationDetail({
  recommendation: r,
  followUp,
  me,
  organizations,
  sectionName,
  linkable,
  onOpenSection,
  onChanged,
  sameAs = null,
  repeatedBy = [],
  onShow,
}: RecommendationDetailProps) {
  const { t } = useTranslation('recommendations');
  const format = useFormat();
  const announce = useAnnounce();
  if (!r) {
    return (
      <section className="table-screen-detail table-screen-detail-empty rc-detail" aria-label={t('detail.label')}>
        <p className="muted">{t('detail.none')}</p>
      </section>
    );
  }
  const full: FullRecommendation | null = followUp ? { ...r, ...followUp } : null;
  const mayAssign = denyReportChange(me) === null;
  const mayFollowUp = denyRecommendationFollowUp(me, r) === null;
  const organizationName = organizations.find((o) => o.id === r.responsibleOrganizationId)?.name ?? '';

  const update = async (change: { responsibleOrganizationId?: string | null; implementationStatus?: ImplementationStatus }, done: string) => {
    try {
      await call('recommendations.update', { id: r.id, ...change });
      announce(done);
    } catch (e) {
      announce(messageOf(e), 'error');
    } finally {
      onChanged();
    }
  };

  const link = async (sectionId: string, linked: boolean) => {
    const name = sectionName(sectionId);
    try {
      await call('recommendations.link', { recommendationId: r.id, sectionId, linked });
      const section = name ? `${name.label ? `${name.label}. ` : ''}${name.title}` : '';
      announce(t(linked ? 'linkedDone' : 'unlinkedDone', { number: r.number, section }));
    } catch (e) {
      announce(messageOf(e), 'error');
    } finally {
      onChanged();
    }
  };

  const notSame = async () => {
    try {
      await call('recommendations.setSame', { ids: [r.id], sameAs: null });
      announce(t('detail.notSameDone', { number: r.number }));
    } catch (e) {
      announce(messageOf(e), 'error');
    } finally {
      onChanged();
    }
  };
  const showButton = (other: Recommendation) => (
    <Button key={other.id} className="button button-small button-quiet" onPress={() => onShow?.(other.id)}>
      {other.number}
    </Button>
  );

  const cited = new Set(r.referencedIn);
  const linked = new Set(r.linkedSections);
  const mayLink = new Set(linkable.map((s) => s.id));
  const addressed = addressedIn(r);
  return (
    <section className="table-screen-detail rc-detail" aria-labelledby="rc-detail-title">
      <div className="table-screen-detail-head rc-detail-head">
        <h3 id="rc-detail-title" className="table-screen-detail-title">
          {t('detail.title', { number: r.number })}
        </h3>
        {r.origin.mechanism === 'upr' ? <PositionBadge position={r.position} /> : null}
      </div>
      <div className="rc-detail-body">
        <div className="rc-detail-main">
          <p className="table-screen-prose" dir="auto">
            {r.text}
          </p>
          <dl className="rc-facts">
            {r.origin.mechanism !== 'upr' || r.origin.uhriId ? (
              <>
                <dt>{t('detail.mechanism')}</dt>
                <dd>{t(`mechanism.${r.origin.mechanism}`)}</dd>
              </>
            ) : null}
            {r.origin.body ? (
              <>
                <dt>{t('detail.body')}</dt>
                <dd dir="auto">{r.origin.body}</dd>
              </>
            ) : null}
            {r.origin.documentSymbol ? (
              <>
                <dt>{t('detail.document')}</dt>
                <dd dir="ltr">
                  {r.origin.paragraph ? t('detail.documentParagraph', { symbol: r.origin.documentSymbol, paragraph: r.origin.paragraph }) : r.origin.documentSymbol}
                  {r.origin.documentDate ? <span className="muted"> · {t('detail.documentDate')} {format.date(r.origin.documentDate)}</span> : null}
                </dd>
              </>
            ) : null}
            {r.origin.uhriId ? (
              <>
                <dt>{t('detail.uhriId')}</dt>
                <dd dir="ltr">{r.origin.uhriId}</dd>
              </>
            ) : null}
            {r.states.length || r.origin.mechanism === 'upr' ? (
              <>
                <dt>{t('detail.states')}</dt>
                <dd dir="auto">{r.states.join(', ')}</dd>
              </>
            ) : null}
            {r.positionSource ? (
              <>
                <dt>{t('detail.position')}</dt>
                <dd>{t('detail.positionSource', { source: r.positionSource })}</dd>
              </>
            ) : null}
            {r.countryCluster ? (
              <>
                <dt>{t('detail.countryCluster')}</dt>
                <dd dir="auto">{r.countryCluster}</dd>
              </>
            ) : null}
            {r.cluster ? (
              <>
                <dt>{t('detail.cluster')}</dt>
                <dd dir="auto">{r.cluster}</dd>
              </>
            ) : null}
            {r.themes.length ? (
              <>
                <dt>{t('detail.themes')}</dt>
                <dd dir="auto">{r.themes.join('; ')}</dd>
              </>
            ) : null}
            {r.groups.length ? (
              <>
                <dt>{t('detail.groups')}</dt>
                <dd dir="auto">{r.groups.join('; ')}</dd>
              </>
            ) : null}
            {r.sdgs.length ? (
              <>
                <dt>{t('detail.sdgs')}</dt>
                <dd>{r.sdgs.map((n) => t('sdg', { n })).join(', ')}</dd>
              </>
            ) : null}
            {r.source ? (
              <>
                <dt>{t('detail.source')}</dt>
                <dd>{r.source}</dd>
              </>
            ) : null}
            {sameAs ? (
              <>
                <dt>{t('detail.sameAs')}</dt>
                <dd>
                  {showButton(sameAs)} <span className="muted">{t('detail.sameAsHint')}</span>
                  {mayAssign ? (
                    <Button className="button button-small button-quiet" onPress={() => void notSame()}>
                      {t('detail.notSame')}
                    </Button>
                  ) : null}
                </dd>
              </>
            ) : null}
            {repeatedBy.length ? (
              <>
                <dt>{t('detail.repeatedBy')}</dt>
                <dd>{repeatedBy.map(showButton)}</dd>
              </>
            ) : null}
          </dl>
        </div>
        <div className="rc-detail-side">
          {mayAssign ? (
            <SelectField<string>
              label={t('detail.responsible')}
              value={r.responsibleOrganizationId ?? NOBODY}
              onChange={(id) =>
                void update({ responsibleOrganizationId: id === NOBODY ? null : id }, t('responsibleSaved', { number: r.number }))
              }
              options={[{ id: NOBODY, label: t('nobody') }, ...organizations.map((o) => ({ id: o.id, label: o.name }))]}
            />
          ) : (
            <p className="rc-fact">
              <span className="rc-fact-label">{t('detail.responsible')}</span> {organizationName || t('nobody')}
            </p>
          )}
          {r.contributingOrganizationIds.length ? (
            <p className="rc-fact">
              <span className="rc-fact-label">{t('detail.contributors')}</span>{' '}
              {r.contributingOrganizationIds.map((id) => organizations.find((o) => o.id === id)?.name ?? '').filter(Boolean).join(', ')}
            </p>
          ) : null}
          {mayFollowUp ? (
            <SelectField<ImplementationStatus>
              label={t('detail.status')}
              value={r.implementationStatus}
              onChange={(status) => void update({ implementationStatus: status }, t('statusSaved', { number: r.number, status: t(`status.${status}`) }))}
              options={IMPLEMENTATION_STATUSES.map((s) => ({ id: s, label: t(`status.${s}`) }))}
            />
          ) : (
            <p className="rc-fact">
              <span className="rc-fact-label">{t('detail.status')}</span> <StatusText status={r.implementationStatus} />
            </p>
          )}
          <RecommendationPublic recommendation={r} mayPublish={mayAssign} onChanged={onChanged} />
          <h4 className="rc-subtitle">{t('detail.addressed')}</h4>
          {addressed.length ? (
            <ul className="plain-list rc-sections">
              {addressed.map((id) => {
                const s = sectionName(id);
                if (!s) return null;
                const name = `${s.label ? `${s.label}. ` : ''}${s.title}`;
                return (
                  <li key={id}>
                    <Button className="button button-small button-quiet rc-section-link" aria-label={t('detail.goTo', { section: name })} onPress={() => onOpenSection(id)}>
                      {name}
                    </Button>{' '}
                    <span className="muted">{cited.has(id) ? t('detail.cited') : t('detail.linked')}</span>
                    {linked.has(id) && mayLink.has(id) ? (
                      <Button className="button button-small button-quiet" aria-label={t('detail.unlinkLabel', { section: name })} onPress={() => void link(id, false)}>
                        {t('detail.unlink')}
                      </Button>
                    ) : null}
                  </li>
                );
              })}
            </ul>
          ) : (
            <p className="table-screen-none">{t('notAddressed')}</p>
          )}
          {linkable.some((s) => !linked.has(s.id)) ? (
            <SelectField<string>
              key={`${r.id} ${r.linkedSections.join(' ')}`}
              label={t('detail.link')}
              placeholder={t('detail.linkPlaceholder')}
              value={null}
              onChange={(id) => void link(id, true)}
              options={linkable.filter((s) => !linked.has(s.id)).map((s) => ({ id: s.id, label: s.name }))}
            />
          ) : null}
        </div>
        <div className="rc-notes">
          {full === null ? (
            <p className="muted" role="status">
              {t('detail.loadingFollowUp')}
            </p>
          ) : (
            <Notes r={full} mayFollowUp={mayFollowUp} mayPublish={mayAssign} onChanged={onChanged} />
          )}
        </div>
      </div>
      {/* The plan across the whole panel: its actions are a table of their own. */}
      {full ? <PlanPanel recommendation={full} organizations={organizations} mayPlan={mayFollowUp} maySecretariat={mayAssign} onChanged={onChanged} /> : null}
    </section>
  );
}

/** The progress notes, oldest first, with their evidence files, and the form adding one. */
function Notes({ r, mayFollowUp, mayPublish, onChanged }: { r: FullRecommendation; mayFollowUp: boolean; mayPublish: boolean; onChanged: () => void }) {
  const { t } = useTranslation('recommendations');
  const format = useFormat();
  return (
    <>
      <h4 className="rc-subtitle">{t('detail.notes', { count: r.notes.length })}</h4>
      {r.notes.length ? (
        <ol className="plain-list rc-notes-list">
          {r.notes.map((n) => (
            <li key={n.id} className="rc-note">
              <p className="rc-note-meta">
                <span className="rc-note-date">{format.date(n.date)}</span> <span className="muted">{n.authorName}</span>
                {n.actionId ? <span className="muted"> · {t('detail.aboutAction', { title: r.actions.find((a) => a.id === n.actionId)?.title ?? '' })}</span> : null}
                <NotePublic note={n} mayPublish={mayPublish} onChanged={onChanged} />
              </p>
              <p className="table-screen-prose" dir="auto">
                {n.text}
              </p>
              {n.evidence.length ? (
                <ul className="plain-list rc-evidence">
                  {n.evidence.map((e) => (
                    <li key={e.id}>
                      <EvidenceLink id={e.id} name={e.name} />
                    </li>
                  ))}
                </ul>
              ) : null}
            </li>
          ))}
        </ol>
      ) : (
        <p className="muted">{t('detail.noNotes')}</p>
      )}
      {mayFollowUp ? <NoteForm key={r.id} recommendation={r} onChanged={onChanged} /> : null}
    </>
  );
}

const WHOLE = 'whole';

/** An evidence file, saved as a download (never opened in a tab of the app). */
function EvidenceLink({ id, name }: { id: string; name: string }) {
  const { t } = useTranslation('recommendations');
  const announce = useAnnounce();
  const save = async () => {
    try {
      const content = await call('plan.evidence', { id });
      const url = URL.createObjectURL(new Blob([base64ToBytes(content.data) as Uint8Array<ArrayBuffer>], { type: 'application/octet-stream' }));
      const a = document.createElement('a');
      a.href = url;
      a.download = content.name;
      a.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch (e) {
      announce(messageOf(e), 'error');
    }
  };
  return (
    <Button className="button button-small button-quiet rc-evidence-link" aria-label={t('detail.evidenceOpen', { name })} onPress={() => void save()}>
      {name}
    </Button>
  );
}

function NoteForm({ recommendation: r, onChanged }: { recommendation: FullRecommendation; onChanged: () => void }) {
  const { t } = useTranslation('recommendations');
  const announce = useAnnounce();
  const [date, setDate] = useState(todayIso());
  const [text, setText] = useState('');
  const [actionId, setActionId] = useState<string>(WHOLE);
  // The evidence file: a File in browser mode (sent to the server), a path in the desktop app.
  const [evidence, setEvidence] = useState<{ name: string; file?: File; path?: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!date) return setError(t('detail.dateRequired'));
    if (!text.trim()) return setError(t('detail.noteRequired'));
    setBusy(true);
    setError(null);
    try {
      const added = await call('recommendations.addNote', { recommendationId: r.id, date, text: text.trim(), ...(actionId !== WHOLE ? { actionId } : {}) });
      setText('');
      if (evidence?.path) await call('plan.attachEvidence', { noteId: added.noteId, path: evidence.path });
      else if (evidence?.file) {
        const file = evidence.file;
        await runOnChosenFile(file, (path) => call('plan.attachEvidence', { noteId: added.noteId, path, name: file.name }));
      }
      setEvidence(null);
      announce(t('noteSaved', { number: r.number }));
      onChanged();
    } catch (err) {
      setError(messageOf(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Form className="rc-note-form" aria-label={t('detail.addNote')} validationBehavior="aria" onSubmit={(e) => void submit(e)}>
      <TextInput label={t('detail.noteDate')} type="date" value={date} onChange={setDate} className="rc-note-date-field" />
      <TextAreaInput label={t('detail.noteText')} value={text} onChange={setText} rows={2} />
      {r.actions.length ? (
        <SelectField<string>
          label={t('detail.noteAction')}
          value={actionId}
          onChange={setActionId}
          options={[{ id: WHOLE, label: t('detail.noteNoAction') }, ...r.actions.map((a) => ({ id: a.id, label: a.title }))]}
        />
      ) : null}
      <div className="field rc-evidence-field">
        <span className="field-label" id={`rc-evidence-${r.id}`}>
          {t('detail.noteEvidence')}
        </span>
        <span className="rc-evidence-choice">
          {inDesktopApp() ? (
            <Button
              className="button button-small"
              aria-describedby={`rc-evidence-${r.id}`}
              onPress={() =>
                void call('app.chooseFile', { mode: 'open', kind: 'attachment' }).then(({ path }) => {
                  if (path) setEvidence({ name: fileName(path), path });
                })
              }
            >
              {t('detail.noteEvidenceChoose')}
            </Button>
          ) : (
            <FileTrigger onSelect={(files) => setEvidence(files?.[0] ? { name: files[0].name, file: files[0] } : null)}>
              <Button className="button button-small" aria-describedby={`rc-evidence-${r.id}`}>
                {t('detail.noteEvidenceChoose')}
              </Button>
            </FileTrigger>
          )}{' '}
          <span className="muted">{evidence?.name ?? t('detail.noteEvidenceNone')}</span>
        </span>
      </div>
      {error ? (
        <p role="alert" className="inline-error">
          {error}
        </p>
      ) : null}
      <div className="form-buttons">
        <Button type="submit" className="button button-small" isPending={busy}>
          {t('detail.saveNote')}
        </Button>
      </div>
    </Form>
  );
}
