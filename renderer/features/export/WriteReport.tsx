// Writing the report as a Word file, a PDF or a web page. In the app the system's save dialog names
// the file; in browser mode the person types its full path (the format's extension is added when
// missing). While the main process writes, the button is pending and a status line, which screen
// readers hear, says so; then it says where the file went, how big it is and how many words it has,
// or why it was not written.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Button, Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { EXPORT_FORMATS, type ExportFormat } from '../../../shared/api.js';
import { call, inDesktopApp } from '../../api/client.js';
import { messageOf } from '../../app/errors.js';
import { useFormat } from '../../app/format.js';
import { useWorkspace } from '../../app/workspaceContext.js';
import { TextInput } from '../../widgets/fields.js';
import { formatSize } from '../inputs/inputRows.js';
import { exportFilePath, switchExportFormat } from './exportPath.js';

type Outcome = { format: ExportFormat; path: string; bytes: number; words: number } | { format: ExportFormat; error: string };

export function WriteReport() {
  const { t, i18n } = useTranslation('export');
  const { t: common } = useTranslation();
  const format = useFormat();
  const { workspace } = useWorkspace();
  const desktop = inDesktopApp();
  const [writing, setWriting] = useState<ExportFormat | null>(null);
  /** The format whose path is being typed (browser mode), or null. */
  const [asking, setAsking] = useState<ExportFormat | null>(null);
  const [path, setPath] = useState('');
  const [pathError, setPathError] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const buttons = useRef<Partial<Record<ExportFormat, HTMLButtonElement | null>>>({});
  /** The format button to focus once the path form has closed (and the button is enabled again). */
  const [refocus, setRefocus] = useState<ExportFormat | null>(null);
  useEffect(() => {
    if (!refocus || writing) return;
    buttons.current[refocus]?.focus();
    setRefocus(null);
  }, [refocus, writing]);

  const write = async (fmt: ExportFormat, chosen: string): Promise<boolean> => {
    setWriting(fmt);
    setOutcome(null);
    try {
      const done = await call('export.write', { format: fmt, path: exportFilePath(chosen, fmt) });
      setOutcome({ format: fmt, ...done });
      return true;
    } catch (e) {
      setOutcome({ format: fmt, error: messageOf(e) });
      return false;
    } finally {
      setWriting(null);
    }
  };

  const start = async (fmt: ExportFormat) => {
    if (!desktop) {
      // Offered beside the report file, or as typed for the last format with this one's extension.
      setPath((typed) => (typed.trim() ? switchExportFormat(typed, fmt) : workspace.path ? exportFilePath(workspace.path, fmt) : ''));
      setPathError(null);
      setAsking(fmt);
      return;
    }
    try {
      const choice = await call('app.chooseFile', { mode: 'save', kind: fmt });
      if (choice.path !== null) await write(fmt, choice.path);
    } catch (e) {
      setOutcome({ format: fmt, error: messageOf(e) });
    }
  };

  const cancel = () => {
    setRefocus(asking);
    setAsking(null);
    setPathError(null);
  };

  const submitPath = async (e: FormEvent) => {
    e.preventDefault();
    if (!asking || writing) return;
    if (!path.trim()) {
      setPathError(t('write.pathRequired'));
      return;
    }
    setPathError(null);
    // The typed path stays, for the next export to the same folder.
    if (await write(asking, path)) {
      setPath(exportFilePath(path, asking));
      cancel();
    }
  };

  const done = outcome && !('error' in outcome) ? outcome : null;
  const failed = outcome && 'error' in outcome ? outcome : null;
  return (
    <section className="ex-card ex-write" aria-labelledby="ex-write-title">
      <h3 id="ex-write-title" className="block-title">
        {t('write.title')}
      </h3>
      <p className="ex-note">{t('write.lead')}</p>
      <div className="ex-write-buttons">
        {EXPORT_FORMATS.map((fmt) => (
          <Button
            key={fmt}
            ref={(el) => {
              buttons.current[fmt] = el;
            }}
            className={`button${asking === fmt ? ' ex-chosen' : ''}`}
            isPending={writing === fmt && asking === null}
            isDisabled={writing !== null && !(writing === fmt && asking === null)}
            onPress={() => void start(fmt)}
          >
            {t(`write.format.${fmt}`)}
          </Button>
        ))}
      </div>
      {asking ? (
        <div
          className="ex-path"
          onKeyDown={(e) => {
            if (e.key === 'Escape' && !writing) cancel();
          }}
        >
          <Form onSubmit={(e) => void submitPath(e)} validationBehavior="aria" aria-label={t(`write.pathLabel.${asking}`)}>
            <TextInput
              label={t(`write.pathLabel.${asking}`)}
              description={t('write.pathHint')}
              value={path}
              onChange={setPath}
              errorMessage={pathError}
              autoFocus
              isRequired
            />
            <div className="form-buttons">
              <Button type="submit" className="button button-primary" isPending={writing !== null}>
                {t('write.save')}
              </Button>
              <Button className="button" isDisabled={writing !== null} onPress={cancel}>
                {common('common.cancel')}
              </Button>
            </div>
          </Form>
        </div>
      ) : null}
      {/* Both regions are in the page from the start, so what appears in them is announced. */}
      <div role="status" className="ex-status" data-testid="export-status">
        {writing ? (
          <p className="ex-writing">
            <span className="ex-spinner" aria-hidden="true" />
            {t(`write.writing.${writing}`)}
          </p>
        ) : done ? (
          <p className="ex-written">
            <span aria-hidden="true">✓ </span>
            {t('write.written', { count: done.words, path: done.path, size: formatSize(done.bytes, i18n.language).replace(' ', '\u00a0'), n: format.number(done.words) })}
          </p>
        ) : null}
      </div>
      <div role="alert" className="ex-status">
        {failed ? <p className="inline-error">{t(`write.failed.${failed.format}`, { message: failed.error })}</p> : null}
      </div>
    </section>
  );
}
