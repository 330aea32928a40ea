// One action on a report file chosen by the person: sending a copy (a file to save) or merging one
// (a file to open). In the app the system's dialog chooses it; in browser mode the person types
// its full path (".upr" added when missing). While the main process works, the button is pending
// and a status line, which screen readers hear, says so; what came of it is the caller's to show.
import { useState, type FormEvent, type ReactNode } from 'react';
import { Button, Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { call, inDesktopApp } from '../../api/client.js';
import { messageOf } from '../../app/errors.js';
import { TextInput } from '../../widgets/fields.js';
import { reportFilePath } from './reportPath.js';

export interface FileActionProps {
  id: string;
  mode: 'open' | 'save';
  title: string;
  lead: string;
  button: string;
  pathLabel: string;
  submit: string;
  working: string;
  /** Says how it failed, given the main process's message. */
  failed: (message: string) => string;
  /** Runs the action on the chosen file; throws to show why it did not. */
  run: (path: string) => Promise<void>;
  /** The outcome, shown in the status line once the action has run. */
  children?: ReactNode;
}

export function FileAction({ id, mode, title, lead, button, pathLabel, submit, working, failed, run, children }: FileActionProps) {
  const { t } = useTranslation('sharing');
  const { t: common } = useTranslation();
  const desktop = inDesktopApp();
  const [asking, setAsking] = useState(false);
  const [path, setPath] = useState('');
  const [pathError, setPathError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const go = async (chosen: string): Promise<boolean> => {
    setBusy(true);
    setError(null);
    try {
      await run(reportFilePath(chosen));
      return true;
    } catch (e) {
      setError(failed(messageOf(e)));
      return false;
    } finally {
      setBusy(false);
    }
  };

  const start = async () => {
    if (!desktop) {
      setPathError(null);
      setAsking(true);
      return;
    }
    try {
      const choice = await call('app.chooseFile', { mode, kind: 'report' });
      if (choice.path !== null) await go(choice.path);
    } catch (e) {
      setError(failed(messageOf(e)));
    }
  };

  const submitPath = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    if (!path.trim()) {
      setPathError(t('pathRequired'));
      return;
    }
    setPathError(null);
    if (await go(path)) setAsking(false);
  };

  return (
    <section className="sh-card" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`} className="block-title">
        {title}
      </h3>
      <p className="sh-note">{lead}</p>
      {/* Disabled rather than pending while the main process works: the status line already says
          so, and react-aria's own pending announcement would say it a second time. */}
      <Button className={`button${asking ? ' sh-chosen' : ''}`} isDisabled={busy || asking} onPress={() => void start()}>
        {button}
      </Button>
      {asking ? (
        <div
          className="sh-path"
          onKeyDown={(e) => {
            if (e.key === 'Escape' && !busy) setAsking(false);
          }}
        >
          <Form onSubmit={(e) => void submitPath(e)} validationBehavior="aria" aria-label={pathLabel}>
            <TextInput label={pathLabel} description={t('pathHint')} value={path} onChange={setPath} errorMessage={pathError} autoFocus isRequired />
            <div className="form-buttons">
              <Button type="submit" className="button button-primary" isDisabled={busy}>
                {submit}
              </Button>
              <Button className="button" isDisabled={busy} onPress={() => setAsking(false)}>
                {common('common.cancel')}
              </Button>
            </div>
          </Form>
        </div>
      ) : null}
      {/* Both regions are in the page from the start, so what appears in them is announced. */}
      <div role="status" className="sh-status" data-testid={`${id}-status`}>
        {busy ? (
          <p className="sh-working">
            <span className="sh-spinner" aria-hidden="true" />
            {working}
          </p>
        ) : error ? null : (
          children
        )}
      </div>
      <div role="alert" className="sh-status">
        {error ? <p className="inline-error">{error}</p> : null}
      </div>
    </section>
  );
}
