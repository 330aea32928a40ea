// The selected input in full, below the table: where it came from, when and how, what it says; the
// sections and recommendations it concerns; how it was reflected; its files. The secretariat edits,
// deletes, links, decides and attaches here; everyone else reads.
import { useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { ConsultationInput, Organization, Recommendation } from '../../../shared/domain.js';
import { call } from '../../api/client.js';
import { useAnnounce } from '../../app/Announcer.js';
import { useFormat } from '../../app/format.js';
import { ConfirmDialog } from '../../widgets/dialogs.js';
import { Attachments } from './Attachments.js';
import { DispositionBadge } from './badges.js';
import { DispositionPanel } from './DispositionPanel.js';
import { InputDialog } from './InputDialog.js';
import { InputLinks, type SectionChoice } from './InputLinks.js';
import { PublicCheckbox } from '../recommendations/PublicTracker.js';

export interface InputDetailProps {
  input: ConsultationInput | null;
  mayChange: boolean;
  organizations: readonly Organization[];
  sections: readonly SectionChoice[];
  recommendations: readonly Recommendation[] | null;
  onOpenSection: (id: string) => void;
  onOpenRecommendation: (id: string) => void;
  /** After a change, so the list shows it at once (the change event reloads it too). */
  onChanged: () => void;
}

export function InputDetail({ input, mayChange, organizations, sections, recommendations, onOpenSection, onOpenRecommendation, onChanged }: InputDetailProps) {
  const { t } = useTranslation('inputs');
  if (!input) {
    return (
      <section className="table-screen-detail table-screen-detail-empty in-detail" aria-label={t('detail.label')}>
        <p className="muted">{t('detail.none')}</p>
      </section>
    );
  }
  return (
    <section className="table-screen-detail in-detail" aria-label={t('detail.region', { title: input.title })}>
      <DetailHead input={input} mayChange={mayChange} organizations={organizations} onChanged={onChanged} />
      <div className="in-detail-body">
        {/* Keyed by the input: what one input's panel holds (a message, a half-typed search) stays with it. */}
        <InputFacts key={input.id} input={input} />
        <InputLinks
          key={`links ${input.id}`}
          input={input}
          mayChange={mayChange}
          sections={sections}
          recommendations={recommendations}
          onOpenSection={onOpenSection}
          onOpenRecommendation={onOpenRecommendation}
          onChanged={onChanged}
        />
        <DispositionPanel input={input} mayChange={mayChange} onChanged={onChanged} />
        <Attachments key={`files ${input.id}`} input={input} mayChange={mayChange} onChanged={onChanged} />
      </div>
    </section>
  );
}

function DetailHead({ input, mayChange, organizations, onChanged }: { input: ConsultationInput; mayChange: boolean; organizations: readonly Organization[]; onChanged: () => void }) {
  const { t } = useTranslation('inputs');
  const announce = useAnnounce();
  const [editing, setEditing] = useState(false);
  const [deleting, setDeleting] = useState(false);
  return (
    <div className="table-screen-detail-head in-detail-head">
      <h3 className="table-screen-detail-title" dir="auto">
        {input.title}
      </h3>
      <DispositionBadge disposition={input.disposition} />
      {mayChange ? (
        <div className="in-detail-actions">
          <Button className="button button-small" onPress={() => setEditing(true)}>
            {t('detail.edit')}
          </Button>
          <Button className="button button-small button-quiet" onPress={() => setDeleting(true)}>
            {t('remove.button')}
          </Button>
        </div>
      ) : null}
      {mayChange ? (
        <PublicCheckbox
          className="in-public"
          checked={input.public}
          label={t('detail.public')}
          description={t('detail.publicHint')}
          onToggle={async (on) => {
            await call('inputs.setPublic', { ids: [input.id], public: on });
            announce(t(on ? 'detail.publicOn' : 'detail.publicOff', { title: input.title }));
            onChanged();
          }}
        />
      ) : input.public ? (
        <p className="muted in-public">{t('detail.public')}</p>
      ) : null}
      {editing ? (
        <InputDialog
          input={input}
          organizations={organizations}
          onClose={() => setEditing(false)}
          onSaved={(saved) => {
            announce(t('saved', { title: saved.title }));
            onChanged();
          }}
        />
      ) : null}
      {deleting ? (
        <ConfirmDialog
          isOpen
          onClose={() => setDeleting(false)}
          title={t('remove.title', { title: input.title })}
          message={<p>{t('remove.text')}</p>}
          confirmLabel={t('remove.confirm')}
          destructive
          onConfirm={async () => {
            await call('inputs.delete', { id: input.id });
            announce(t('deleted', { title: input.title }));
            onChanged();
          }}
        />
      ) : null}
    </div>
  );
}

/** What the input says about itself; a long full text stays folded until asked for. */
function InputFacts({ input }: { input: ConsultationInput }) {
  const { t } = useTranslation('inputs');
  const { t: app } = useTranslation();
  const format = useFormat();
  const [fullShown, setFullShown] = useState(false);
  return (
    <div className="in-detail-main">
      <dl className="in-facts">
        <dt>{t('detail.source')}</dt>
        <dd>
          {input.sourceOrganizationName ? (
            <>
              <span dir="auto">{input.sourceOrganizationName}</span>
              {input.sourceKind ? <span className="muted"> ({app(`orgKind.${input.sourceKind}`)})</span> : null}
            </>
          ) : (
            <span className="table-screen-none">{t('noSource')}</span>
          )}
        </dd>
        <dt>{t('detail.received')}</dt>
        <dd>{input.receivedOn ? format.date(input.receivedOn) : <span className="table-screen-none">{t('undated')}</span>}</dd>
        <dt>{t('detail.channel')}</dt>
        <dd>{t(`channel.${input.channel}`)}</dd>
        {input.themes.length ? (
          <>
            <dt>{t('detail.themes')}</dt>
            <dd dir="auto">{input.themes.join(', ')}</dd>
          </>
        ) : null}
      </dl>
      <h4 className="in-subtitle">{t('detail.summary')}</h4>
      {input.summary ? (
        <p className="table-screen-prose" dir="auto">
          {input.summary}
        </p>
      ) : (
        <p className="table-screen-none">{t('detail.noSummary')}</p>
      )}
      {input.fullText ? (
        <>
          <Button className="link-button in-full-toggle" aria-expanded={fullShown} onPress={() => setFullShown((v) => !v)}>
            {fullShown ? t('detail.hideFullText') : t('detail.showFullText')}
          </Button>
          {fullShown ? (
            <div className="in-full-text table-screen-prose" dir="auto" role="region" aria-label={t('detail.fullText')} tabIndex={0}>
              {input.fullText}
            </div>
          ) : null}
        </>
      ) : null}
    </div>
  );
}
