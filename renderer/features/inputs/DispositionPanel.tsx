// How an input was taken into the report: reflected, partly reflected or not reflected, with the
// rationale, and who decided when. The secretariat records it; the main process refuses anything
// short of "reflected" without a rationale, and its message is shown here as it says it.
import { useState, type FormEvent } from 'react';
import { Button, Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { INPUT_DISPOSITIONS, type ConsultationInput, type InputDisposition } from '../../../shared/domain.js';
import { call } from '../../api/client.js';
import { useAnnounce } from '../../app/Announcer.js';
import { messageOf } from '../../app/errors.js';
import { useFormat } from '../../app/format.js';
import { RadioChoice, TextAreaInput } from '../../widgets/fields.js';
import { DispositionBadge } from './badges.js';
import { dayOf } from './inputRows.js';

export interface DispositionPanelProps {
  input: ConsultationInput;
  mayChange: boolean;
  onChanged: () => void;
}

export function DispositionPanel({ input, mayChange, onChanged }: DispositionPanelProps) {
  const { t } = useTranslation('inputs');
  const format = useFormat();
  const decided = input.decidedAt ? (
    <p className="muted in-decided">{t('decision.decidedBy', { name: input.decidedByName, date: format.date(dayOf(input.decidedAt)) })}</p>
  ) : null;
  return (
    <div className="in-decision">
      <h4 className="in-subtitle">{t('decision.title')}</h4>
      {mayChange ? (
        // Keyed by the input and its decision, so the form starts from what is recorded.
        <DecisionForm key={`${input.id} ${input.decidedAt}`} input={input} onChanged={onChanged} />
      ) : input.disposition ? (
        <>
          <DispositionBadge disposition={input.disposition} />
          {input.rationale ? (
            <p className="table-screen-prose in-rationale" dir="auto">
              {input.rationale}
            </p>
          ) : null}
        </>
      ) : (
        <p className="table-screen-none">{t('decision.notDecided')}</p>
      )}
      {decided}
    </div>
  );
}

function DecisionForm({ input, onChanged }: { input: ConsultationInput; onChanged: () => void }) {
  const { t } = useTranslation('inputs');
  const announce = useAnnounce();
  const [disposition, setDisposition] = useState<InputDisposition | null>(input.disposition);
  const [rationale, setRationale] = useState(input.rationale);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!disposition) return;
    setBusy(true);
    setError(null);
    try {
      await call('inputs.decide', { inputId: input.id, disposition, rationale: rationale.trim() });
      announce(t('decision.recorded', { title: input.title, disposition: t(`disposition.${disposition}`) }));
      onChanged();
    } catch (err) {
      setError(messageOf(err));
    } finally {
      setBusy(false);
    }
  };

  const unchanged = disposition === input.disposition && rationale.trim() === input.rationale;
  return (
    <Form className="in-decision-form" aria-label={t('decision.title')} validationBehavior="aria" onSubmit={(e) => void submit(e)}>
      <RadioChoice<InputDisposition>
        label={t('decision.choose')}
        orientation="vertical"
        value={disposition}
        onChange={setDisposition}
        options={INPUT_DISPOSITIONS.map((d) => ({ id: d, label: t(`disposition.${d}`) }))}
      />
      <TextAreaInput label={t('decision.rationale')} description={t('decision.rationaleHint')} value={rationale} onChange={setRationale} rows={3} />
      {error ? (
        <p role="alert" className="inline-error">
          {error}
        </p>
      ) : null}
      <div className="form-buttons">
        <Button type="submit" className="button button-small button-primary" isPending={busy} isDisabled={!disposition || unchanged}>
          {t('decision.record')}
        </Button>
      </div>
    </Form>
  );
}
