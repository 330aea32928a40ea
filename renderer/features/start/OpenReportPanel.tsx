// Open a report: with the system's open dialog, by typing its path where there is no dialog, or
// from the list of reports opened recently.
import { useEffect, useState, type FormEvent } from 'react';
import { Button, Form, ListBox, ListBoxItem } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { RecentFile } from '../../../shared/api.js';
import { call, inDesktopApp } from '../../api/client.js';
import { messageOf } from '../../app/errors.js';
import { TextInput } from '../../widgets/fields.js';

export function OpenReportPanel({ onOpened }: { onOpened: () => Promise<void> }) {
  const { t, i18n } = useTranslation();
  const [recent, setRecent] = useState<RecentFile[] | null>(null);
  const [askPath, setAskPath] = useState(false);
  const [path, setPath] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    call('app.recent', {}).then(setRecent, (e: unknown) => {
      setRecent([]);
      setError(messageOf(e));
    });
  }, []);

  const open = async (file: string) => {
    setError(null);
    setBusy(true);
    try {
      await call('app.openReport', { path: file });
      await onOpened();
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(false);
    }
  };

  const choose = async () => {
    setError(null);
    try {
      const choice = await call('app.chooseFile', { mode: 'open' });
      // Browser mode has no dialog: the path is typed. In the app, closing the dialog cancels.
      if (choice.path === null) {
        if (!inDesktopApp()) setAskPath(true);
      } else await open(choice.path);
    } catch (e) {
      setError(messageOf(e));
    }
  };

  const submitPath = (e: FormEvent) => {
    e.preventDefault();
    if (!path.trim()) setError(t('start.pathRequired'));
    else void open(path.trim());
  };

  const when = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });
  return (
    <section className="start-open" aria-labelledby="open-heading">
      <h2 id="open-heading" className="panel-title">
        {t('start.openTitle')}
      </h2>
      {askPath ? (
        <Form className="open-path" onSubmit={submitPath} validationBehavior="aria">
          <TextInput
            label={t('start.openPath')}
            description={t('start.openPathHint')}
            value={path}
            onChange={setPath}
            placeholder={t('start.openPathPlaceholder')}
            autoFocus
            isRequired
          />
          <Button type="submit" className="button button-primary" isPending={busy}>
            {t('start.open')}
          </Button>
        </Form>
      ) : (
        <Button className="button" onPress={() => void choose()} isPending={busy}>
          {t('start.openChoose')}
        </Button>
      )}
      {error ? (
        <p role="alert" className="inline-error">
          {error}
        </p>
      ) : null}
      <h3 id="recent-heading" className="subhead">
        {t('start.recentTitle')}
      </h3>
      {recent === null ? (
        <p className="muted">{t('common.loading')}</p>
      ) : recent.length === 0 ? (
        <p className="muted">{t('start.noRecent')}</p>
      ) : (
        <ListBox
          aria-labelledby="recent-heading"
          className="recent-list"
          items={recent.map((r) => ({ ...r, id: r.path }))}
          onAction={(key) => void open(String(key))}
        >
          {(r) => (
            <ListBoxItem id={r.path} textValue={r.title} className="recent-item">
              <span className="recent-title">
                {r.title}
              </span>
              <span className="recent-detail">
                <span className="recent-path">{r.path}</span>
                <span className="recent-when">{t('start.openedAt', { when: when.format(new Date(r.openedAt)) })}</span>
              </span>
            </ListBoxItem>
          )}
        </ListBox>
      )}
    </section>
  );
}
