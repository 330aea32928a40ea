// One action on a report file chosen by the person: sending a copy (a file to save) or merging one
// (a file to open). In the app the system's dialog chooses it; in browser mode the person types
// its full path (".upr" added when missing). While the main process works, the button is pending
// and a status line, which screen readers hear, says so; what came of it is the caller's to show.
import type { ReactNode } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { ChoiceStatus, PathForm, useFileChoice } from '../../widgets/file-choice.js';
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
  const choice = useFileChoice<'report'>({
    dialog: () => ({ mode, kind: 'report' }),
    run: (_, chosen) => run(reportFilePath(chosen)),
    pathRequired: t('pathRequired'),
    // Disabled rather than pending while the main process works: the status line already says so,
    // and react-aria's own pending announcement would say it a second time.
    busyButton: 'disabled',
  });
  const { asking, busy, failure } = choice;

  return (
    <section className="sh-card" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`} className="block-title">
        {title}
      </h3>
      <p className="sh-note">{lead}</p>
      {/* One file to a card: while its path is typed, the button has nothing more to offer. */}
      <Button className={`button${asking ? ' sh-chosen' : ''}`} {...choice.buttonProps('report')} isDisabled={busy !== null || asking !== null}>
        {button}
      </Button>
      {asking ? <PathForm choice={choice} className="sh-path" label={pathLabel} hint={t('pathHint')} submit={submit} /> : null}
      <ChoiceStatus working={busy ? working : null} done={children} failed={failure ? failed(failure.message) : null} testId={`${id}-status`} />
    </section>
  );
}
