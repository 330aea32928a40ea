// Report settings: title, country, cycle, language, submission deadline, word limit, and the
// Working Group session and document symbol the cover of the exported report names. The
// secretariat edits them; everyone else reads them.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Button, Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { REPORT_LANGUAGES, type Report, type ReportLanguage } from '../../../shared/domain.js';
import { denyReportChange } from '../../../shared/permissions.js';
import { call } from '../../api/client.js';
import { messageOf } from '../../app/errors.js';
import { useFormat } from '../../app/format.js';
import { useChanged, useWorkspace } from '../../app/workspaceContext.js';
import { NumberInput, SelectField, TextInput } from '../../widgets/fields.js';
import './settings.css';

export function SettingsScreen() {
  const { t } = useTranslation();
  const { workspace } = useWorkspace();
  const canEdit = denyReportChange(workspace.me) === null;
  return (
    <div className="settings">
      <h2 className="page-title">{t('settings.title')}</h2>
      {canEdit ? <SettingsForm report={workspace.report} /> : <SettingsList report={workspace.report} />}
    </div>
  );
}

function SettingsList({ report }: { report: Report }) {
  const { t } = useTranslation();
  const format = useFormat();
  const rows: Array<[string, string]> = [
    [t('settings.reportTitle'), report.title],
    [t('settings.country'), report.country],
    [t('settings.cycle'), format.number(report.cycle)],
    [t('settings.language'), t(`reportLanguage.${report.language}`)],
    [t('settings.deadline'), report.deadline ? format.date(report.deadline) : t('settings.noDeadline')],
    [t('settings.wordLimit'), format.words(report.wordLimit)],
    [t('settings.session'), report.session || t('settings.notKnown')],
    [t('settings.symbol'), report.symbol || t('settings.notKnown')],
  ];
  return (
    <>
      <p className="muted">{t('settings.readOnly')}</p>
      <dl className="settings-list">
        {rows.map(([term, value]) => (
          <div key={term}>
            <dt>{term}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </>
  );
}

function SettingsForm({ report }: { report: Report }) {
  const { t } = useTranslation();
  const changed = useChanged();
  const [draft, setDraft] = useState(report);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // Changes from elsewhere show up here, unless the person has edited the form meanwhile.
  const previous = useRef(report);
  useEffect(() => {
    const before = previous.current;
    previous.current = report;
    setDraft((d) => (sameReport(d, before) ? report : d));
  }, [report]);

  const set = <K extends keyof Report>(key: K, value: Report[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const dirty = !sameReport(draft, report);

  const save = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    if (!draft.title.trim() || !draft.country.trim()) return setError(t('settings.fillIn'));
    setBusy(true);
    try {
      const { title, country, cycle, language, deadline, wordLimit, session, symbol } = draft;
      await call('report.update', {
        title: title.trim(),
        country: country.trim(),
        cycle,
        language,
        deadline,
        wordLimit,
        session: session.trim(),
        symbol: symbol.trim(),
      });
      await changed(t('settings.saved'));
    } catch (err) {
      setError(messageOf(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Form className="settings-form" onSubmit={(e) => void save(e)} validationBehavior="aria">
      <TextInput label={t('settings.reportTitle')} value={draft.title} onChange={(v) => set('title', v)} isRequired className="wide" />
      <TextInput label={t('settings.country')} value={draft.country} onChange={(v) => set('country', v)} isRequired />
      <NumberInput
        label={t('settings.cycle')}
        value={draft.cycle}
        onChange={(v) => set('cycle', v ?? report.cycle)}
        minValue={1}
        maxValue={20}
      />
      <SelectField<ReportLanguage>
        label={t('settings.language')}
        value={draft.language}
        onChange={(v) => set('language', v)}
        options={REPORT_LANGUAGES.map((l) => ({ id: l, label: t(`reportLanguage.${l}`) }))}
      />
      <TextInput type="date" label={t('settings.deadline')} value={draft.deadline} onChange={(v) => set('deadline', v)} />
      <NumberInput
        label={t('settings.wordLimit')}
        description={t('settings.wordLimitHint')}
        value={draft.wordLimit}
        onChange={(v) => set('wordLimit', v ?? report.wordLimit)}
        minValue={100}
        maxValue={100_000}
      />
      <h3 className="subhead wide">{t('settings.cover')}</h3>
      <TextInput
        label={t('settings.session')}
        description={t('settings.sessionHint')}
        value={draft.session}
        onChange={(v) => set('session', v)}
        placeholder={t('settings.sessionExample')}
      />
      <TextInput
        label={t('settings.symbol')}
        description={t('settings.symbolHint')}
        value={draft.symbol}
        onChange={(v) => set('symbol', v)}
        placeholder={t('settings.symbolExample')}
      />
      {error ? (
        <p role="alert" className="inline-error wide">
          {error}
        </p>
      ) : null}
      <div className="form-buttons wide">
        <Button type="submit" className="button button-primary" isDisabled={!dirty} isPending={busy}>
          {t('settings.save')}
        </Button>
        <Button className="button" isDisabled={!dirty || busy} onPress={() => setDraft(report)}>
          {t('settings.discard')}
        </Button>
      </div>
    </Form>
  );
}

function sameReport(a: Report, b: Report): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
