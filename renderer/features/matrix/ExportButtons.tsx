// Saving the matrix as a spreadsheet (XLSX) or CSV, to take to a meeting or send to the treaty
// body. The file is chosen with the system's save dialog; where there is none (browser mode), the
// person types its full path. The result (or why it failed) is said in the status bar.
import { useState, type FormEvent } from 'react';
import { Button, Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client.js';
import { useAnnounce } from '../../app/Announcer.js';
import { messageOf } from '../../app/errors.js';
import { useFormat } from '../../app/format.js';
import { TextInput } from '../../widgets/fields.js';
import { exportFilePath } from '../export/exportPath.js';

type Format = 'xlsx' | 'csv';

export function ExportButtons() {
  const { t } = useTranslation('matrix');
  const { t: common } = useTranslation();
  const format = useFormat();
  const announce = useAnnounce();
  const [busy, setBusy] = useState<Format | null>(null);
  /** The format whose path is being typed (browser mode), or null. */
  const [asking, setAsking] = useState<Format | null>(null);
  const [path, setPath] = useState('');
  const [error, setError] = useState<string | null>(null);

  const save = async (fmt: Format, file: string) => {
    const target = exportFilePath(file, fmt);
    const done = await call('comments.export', { format: fmt, path: target });
    announce(t('export.saved', { count: done.rows, n: format.number(done.rows), path: done.path }));
  };

  const start = async (fmt: Format) => {
    setBusy(fmt);
    setError(null);
    try {
      const choice = await call('app.chooseFile', { mode: 'save', kind: fmt });
      if (choice.path === null) {
        setAsking(fmt);
        return;
      }
      await save(fmt, choice.path);
    } catch (e) {
      announce(messageOf(e), 'error');
    } finally {
      setBusy(null);
    }
  };

  const cancel = () => {
    setAsking(null);
    setError(null);
  };

  const submitPath = async (e: FormEvent) => {
    e.preventDefault();
    if (!asking) return;
    if (!path.trim()) {
      setError(t('export.pathRequired'));
      return;
    }
    setBusy(asking);
    setError(null);
    try {
      // The typed path stays, for the next export to the same folder.
      await save(asking, path);
      setAsking(null);
    } catch (err) {
      setError(messageOf(err));
    } finally {
      setBusy(null);
    }
  };

  return (
    <div className="mx-export">
      <div className="mx-export-buttons">
        <Button className="button button-small" isPending={busy === 'xlsx'} isDisabled={busy !== null} onPress={() => void start('xlsx')}>
          {t('export.xlsx')}
        </Button>
        <Button className="button button-small" isPending={busy === 'csv'} isDisabled={busy !== null} onPress={() => void start('csv')}>
          {t('export.csv')}
        </Button>
      </div>
      {asking ? (
        <div
          className="mx-export-path"
          onKeyDown={(e) => {
            if (e.key === 'Escape') cancel();
          }}
        >
          <Form onSubmit={(e) => void submitPath(e)} validationBehavior="aria" aria-label={t(`export.${asking}`)}>
            <TextInput
              label={t(`export.pathLabel.${asking}`)}
              description={t('export.pathHint')}
              value={path}
              onChange={setPath}
              placeholder={t(`export.pathPlaceholder.${asking}`)}
              autoFocus
              isRequired
            />
            {error ? (
              <p role="alert" className="inline-error">
                {error}
              </p>
            ) : null}
            <div className="form-buttons">
              <Button type="submit" className="button button-small button-primary" isPending={busy !== null}>
                {t('export.save')}
              </Button>
              <Button className="button button-small" onPress={cancel}>
                {common('common.cancel')}
              </Button>
            </div>
          </Form>
        </div>
      ) : null}
    </div>
  );
}
