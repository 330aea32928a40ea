// Report settings: title, country, cycle, language, submission deadline, word limit, the Working
// Group session and document symbol the cover of the exported report names, and whether sections
// lock for their drafters at "Ready for review". The secretariat edits them; everyone else reads
// them.
import { useEffect, useState } from 'react';
import { Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { DISTRIBUTIONS, REPORT_LANGUAGES, type Distribution, type Report, type ReportLanguage } from '../../../shared/domain.js';
import { denyReportChange } from '../../../shared/permissions.js';
import { call } from '../../api/client.js';
import { messageOf } from '../../app/errors.js';
import { useFormat } from '../../app/format.js';
import { useChanged, useWorkspace } from '../../app/workspaceContext.js';
import { NumberInput, SelectField, TextInput } from '../../widgets/fields.js';
import { useCommit, type Commit } from '../../widgets/useCommit.js';
import { NextCycle } from './NextReport.js';
import './settings.css';

export function SettingsScreen() {
  const { t } = useTranslation();
  const { workspace } = useWorkspace();
  const canEdit = denyReportChange(workspace.me) === null;
  return (
    <div className="settings">
      <h2 className="page-title">{t('settings.title')}</h2>
      {canEdit ? <SettingsForm report={workspace.report} /> : <SettingsList report={workspace.report} />}
      <NextCycle />
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
    [t('settings.distribution'), t(`distribution.${report.distribution}`)],
    [t('settings.issued'), report.issued ? format.date(report.issued) : t('settings.notKnown')],
    [t('settings.lockAtReview'), report.lockAtReview ? t('settings.lockOn') : t('settings.lockOff')],
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

/**
 * The secretariat's form: each field is saved as it is left or on Enter, as a spreadsheet's cells
 * are, and when the person goes to another tab with a field still being typed in. A value that
 * cannot be saved is said under the form and stays in its field.
 */
function SettingsForm({ report }: { report: Report }) {
  const { t } = useTranslation();
  const changed = useChanged();
  const [error, setError] = useState<string | null>(null);
  const save = async (fields: Partial<Report>): Promise<boolean> => {
    if (fields.title?.trim() === '' || fields.country?.trim() === '') {
      setError(t('settings.fillIn'));
      return false;
    }
    try {
      await call('report.update', fields);
      setError(null);
      await changed(t('settings.saved'));
      return true;
    } catch (err) {
      setError(messageOf(err));
      return false;
    }
  };
  const title = useCommit(report.title, (v) => save({ title: v.trim() }));
  const country = useCommit(report.country, (v) => save({ country: v.trim() }));
  const cycle = useCommit<number | null>(report.cycle, (v) => save({ cycle: v ?? report.cycle }));
  const deadline = useCommit(report.deadline, (v) => save({ deadline: v }));
  const wordLimit = useCommit<number | null>(report.wordLimit, (v) => save({ wordLimit: v ?? report.wordLimit }));
  const session = useCommit(report.session, (v) => save({ session: v.trim() }));
  const symbol = useCommit(report.symbol, (v) => save({ symbol: v.trim() }));
  const issued = useCommit(report.issued, (v) => save({ issued: v }));
  // The tick shows at once; it goes back if the change cannot be saved, and follows the report's.
  const [lock, setLock] = useState(report.lockAtReview);
  useEffect(() => setLock(report.lockAtReview), [report.lockAtReview]);
  const toggleLock = async (on: boolean) => {
    setLock(on);
    if (!(await save({ lockAtReview: on }))) setLock(!on);
  };
  const text = (c: Commit<string>) => ({ value: c.draft, onChange: c.setDraft, onBlur: c.commit, onKeyDown: c.onKeyDown });
  const number = (c: Commit<number | null>) => ({ value: c.draft, onChange: c.setDraft, onDraft: c.note, onBlur: c.commit, onKeyDown: c.onKeyDown });

  return (
    <Form className="settings-form" onSubmit={(e) => e.preventDefault()} validationBehavior="aria">
      <p className="muted wide">{t('settings.autosave')}</p>
      <TextInput label={t('settings.reportTitle')} {...text(title)} isRequired className="wide" />
      <TextInput label={t('settings.country')} {...text(country)} isRequired />
      <NumberInput label={t('settings.cycle')} {...number(cycle)} minValue={1} maxValue={20} />
      <SelectField<ReportLanguage>
        label={t('settings.language')}
        value={report.language}
        onChange={(v) => void (v !== report.language && save({ language: v }))}
        options={REPORT_LANGUAGES.map((l) => ({ id: l, label: t(`reportLanguage.${l}`) }))}
      />
      <TextInput type="date" label={t('settings.deadline')} {...text(deadline)} />
      <NumberInput label={t('settings.wordLimit')} description={t('settings.wordLimitHint')} {...number(wordLimit)} minValue={100} maxValue={100_000} />
      <h3 className="subhead wide">{t('settings.cover')}</h3>
      <TextInput
        label={t('settings.session')}
        description={t('settings.sessionHint')}
        {...text(session)}
        placeholder={t('settings.sessionExample')}
      />
      <TextInput
        label={t('settings.symbol')}
        description={t('settings.symbolHint')}
        {...text(symbol)}
        placeholder={t('settings.symbolExample')}
      />
      <SelectField<Distribution>
        label={t('settings.distribution')}
        value={report.distribution}
        onChange={(v) => void (v !== report.distribution && save({ distribution: v }))}
        options={DISTRIBUTIONS.map((d) => ({ id: d, label: t(`distribution.${d}`) }))}
      />
      <TextInput type="date" label={t('settings.issued')} description={t('settings.issuedHint')} {...text(issued)} />
      <h3 className="subhead wide">{t('settings.review')}</h3>
      {/* A tick is saved as soon as it changes: there is nothing to type. */}
      <div className="settings-check wide">
        <label>
          <input type="checkbox" checked={lock} aria-describedby="settings-lock-hint" onChange={(e) => void toggleLock(e.currentTarget.checked)} />{' '}
          {t('settings.lockAtReview')}
        </label>
        <p id="settings-lock-hint" className="field-description">
          {t('settings.lockAtReviewHint')}
        </p>
      </div>
      {error ? (
        <p role="alert" className="inline-error wide">
          {error}
        </p>
      ) : null}
    </Form>
  );
}
