// A new report: the country, cycle and language, who is creating it, and where the file goes.
// The file is chosen with the system's save dialog; where there is none (browser mode), or the
// person closed it, they type the full path instead.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Button, Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { REPORT_LANGUAGES, type ReportLanguage } from '../../../shared/domain.js';
import { call, inDesktopApp } from '../../api/client.js';
import { messageOf } from '../../app/errors.js';
import { useLanguageChoice } from '../../app/language.js';
import { NumberInput, SelectField, TextInput } from '../../widgets/fields.js';

export function NewReportForm({ onOpened, focusRequests = 0 }: { onOpened: () => Promise<void>; focusRequests?: number }) {
  const { t } = useTranslation();
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (focusRequests > 0) form.current?.querySelector('input')?.focus();
  }, [focusRequests]);
  const { language: uiLanguage } = useLanguageChoice();
  const [country, setCountry] = useState('');
  const [cycle, setCycle] = useState<number | null>(4);
  const [language, setLanguage] = useState<ReportLanguage>(uiLanguage);
  const [yourName, setYourName] = useState('');
  const [yourOrganization, setYourOrganization] = useState('');
  const [askPath, setAskPath] = useState(false);
  const [path, setPath] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    if (!country.trim() || !yourName.trim() || !yourOrganization.trim() || cycle === null) {
      setError(t('start.fillInAll'));
      return;
    }
    setBusy(true);
    try {
      let file = path.trim();
      if (!askPath) {
        const choice = await call('app.chooseFile', { mode: 'save' });
        if (choice.path === null) {
          // Browser mode has no dialog: the path is typed. In the app, closing the dialog cancels.
          if (!inDesktopApp()) setAskPath(true);
          return;
        }
        file = choice.path;
      }
      if (!file) {
        setError(t('start.pathRequired'));
        return;
      }
      await call('app.newReport', {
        path: file,
        country: country.trim(),
        cycle,
        language,
        yourName: yourName.trim(),
        yourOrganization: yourOrganization.trim(),
      });
      await onOpened();
    } catch (err) {
      setError(messageOf(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Form ref={form} className="start-form" onSubmit={(e) => void submit(e)} aria-labelledby="new-report-heading" validationBehavior="aria">
      <h2 id="new-report-heading" className="panel-title">
        {t('start.newTitle')}
      </h2>
      <TextInput label={t('start.country')} value={country} onChange={setCountry} isRequired />
      <div className="form-row">
        <NumberInput label={t('start.cycle')} value={cycle} onChange={setCycle} minValue={1} maxValue={20} isRequired />
        <SelectField<ReportLanguage>
          label={t('start.language')}
          value={language}
          onChange={setLanguage}
          options={REPORT_LANGUAGES.map((l) => ({ id: l, label: t(`reportLanguage.${l}`) }))}
        />
      </div>
      <TextInput label={t('start.yourName')} value={yourName} onChange={setYourName} isRequired />
      <TextInput
        label={t('start.yourOrganization')}
        description={t('start.yourOrganizationHint')}
        value={yourOrganization}
        onChange={setYourOrganization}
        isRequired
      />
      {askPath ? (
        <TextInput
          label={t('start.newPath')}
          description={t('start.newPathHint')}
          value={path}
          onChange={setPath}
          placeholder={t('start.newPathPlaceholder')}
          autoFocus
          isRequired
        />
      ) : null}
      {error ? (
        <p role="alert" className="inline-error">
          {error}
        </p>
      ) : null}
      <div className="form-buttons">
        <Button type="submit" className="button button-primary" isPending={busy}>
          {askPath ? t('start.create') : t('start.createChoose')}
        </Button>
      </div>
    </Form>
  );
}
