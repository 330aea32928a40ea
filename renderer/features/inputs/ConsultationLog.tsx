// The consultation log: every input, where it came from, when and how, and how it was reflected, in
// one compact table; and, for whoever may write the chosen section's text, the button that puts it
// in the report (section A by default, where national reports describe their consultations): a
// short summary, the full log being the inputs annex (the default, so it is not counted twice), or
// the full log as a table. Put in again, in either form, it replaces the earlier log.
import { useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { LOG_FORMS, type LogForm } from '../../../shared/api.js';
import type { ConsultationInput } from '../../../shared/domain.js';
import { call } from '../../api/client.js';
import { useAnnounce } from '../../app/Announcer.js';
import { messageOf } from '../../app/errors.js';
import { useFormat } from '../../app/format.js';
import { RadioChoice, SelectField } from '../../widgets/fields.js';
import { DispositionBadge } from './badges.js';

export interface LogSection {
  id: string;
  /** "A", "B.1". */
  label: string;
  title: string;
}

export interface ConsultationLogProps {
  inputs: readonly ConsultationInput[];
  /** The sections whose text the person may write, in outline order: where the log may go. */
  writable: readonly LogSection[];
  onOpenSection: (id: string) => void;
  onShow: (id: string) => void;
}

const nameOf = (s: LogSection) => `${s.label ? `${s.label}. ` : ''}${s.title}`;

export function ConsultationLog({ inputs, writable, onOpenSection, onShow }: ConsultationLogProps) {
  const { t } = useTranslation('inputs');
  const { t: app } = useTranslation();
  const format = useFormat();
  return (
    <div className="in-log">
      <div className="in-log-top">
        <p className="in-log-intro">{t('log.intro')}</p>
        {writable.length ? <PutLog writable={writable} onOpenSection={onOpenSection} /> : null}
      </div>
      <div className="table-screen-scroller in-log-scroller">
        <table className="table-screen-table in-table in-log-table" aria-label={t('log.region')}>
          <thead>
            <tr>
              <th scope="col" className="in-col-number">
                {t('log.number')}
              </th>
              <th scope="col">{t('column.title')}</th>
              <th scope="col" className="in-col-source">
                {t('column.source')}
              </th>
              <th scope="col" className="in-col-date">
                {t('column.received')}
              </th>
              <th scope="col" className="in-col-channel">
                {t('column.channel')}
              </th>
              <th scope="col" className="in-col-decision">
                {t('column.disposition')}
              </th>
            </tr>
          </thead>
          <tbody>
            {inputs.map((input, i) => (
              <tr key={input.id}>
                <td className="in-num">{format.number(i + 1)}</td>
                <th scope="row" className="in-title">
                  <Button className="link-button in-log-title" aria-label={t('select', { title: input.title })} onPress={() => onShow(input.id)}>
                    <span dir="auto">{input.title}</span>
                  </Button>
                </th>
                <td>
                  {input.sourceOrganizationName ? (
                    <>
                      <span dir="auto">{input.sourceOrganizationName}</span>
                      {input.sourceKind ? <span className="muted"> ({app(`orgKind.${input.sourceKind}`)})</span> : null}
                    </>
                  ) : (
                    <span className="table-screen-none">{t('noSource')}</span>
                  )}
                </td>
                <td className="in-date">{format.date(input.receivedOn)}</td>
                <td>{t(`channel.${input.channel}`)}</td>
                <td>
                  <DispositionBadge disposition={input.disposition} />
                  {input.rationale && input.disposition ? (
                    <div className="in-log-rationale" dir="auto">
                      {input.rationale}
                    </div>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

function PutLog({ writable, onOpenSection }: { writable: readonly LogSection[]; onOpenSection: (id: string) => void }) {
  const { t } = useTranslation('inputs');
  const announce = useAnnounce();
  const [sectionId, setSectionId] = useState(writable[0]!.id);
  // A summary by default: the full log is the inputs annex, and a table would count against the limit.
  const [form, setForm] = useState<LogForm>('summary');
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<{ sectionId: string; message: string } | null>(null);
  const chosen = writable.find((s) => s.id === sectionId) ?? writable[0]!;

  const put = async () => {
    setBusy(true);
    setDone(null);
    try {
      const result = await call('inputs.insertLog', { sectionId: chosen.id, form });
      const done = result.form === 'summary' ? (result.replaced ? 'log.summaryReplacedDone' : 'log.summaryDone') : result.replaced ? 'log.replacedDone' : 'log.putDone';
      const message = t(done, { section: nameOf(chosen), count: result.rows });
      announce(message);
      setDone({ sectionId: chosen.id, message });
    } catch (e) {
      announce(messageOf(e), 'error');
    } finally {
      setBusy(false);
    }
  };

  const doneIn = done ? writable.find((s) => s.id === done.sectionId) : undefined;
  return (
    <div className="in-put-log">
      <RadioChoice<LogForm>
        label={t('log.form')}
        value={form}
        onChange={setForm}
        orientation="vertical"
        options={LOG_FORMS.map((f) => ({ id: f, label: t(`log.forms.${f}`) }))}
      />
      <div className="in-put-log-row">
        <SelectField<string>
          className="in-put-log-section"
          label={t('log.section')}
          value={chosen.id}
          onChange={setSectionId}
          options={writable.map((s) => ({ id: s.id, label: nameOf(s) }))}
        />
        <Button className="button button-primary" isPending={busy} onPress={() => void put()}>
          {t('log.put', { label: chosen.label || chosen.title })}
        </Button>
      </div>
      {done && doneIn ? (
        <p className="in-put-log-done">
          <span>{done.message}</span>{' '}
          <Button className="link-button" onPress={() => onOpenSection(doneIn.id)}>
            {t('log.openSection', { section: nameOf(doneIn) })}
          </Button>
        </p>
      ) : (
        <p className="muted in-put-log-hint">{t('log.hint')}</p>
      )}
    </div>
  );
}
