// One action on a report file chosen by the person: sending a copy (a file to save) or merging one
// (a file to open). In the app the system's dialog chooses it; in browser mode the browser's chooser
// picks the copy to merge, and the copy sent is downloaded. While it is worked on, the button is
// disabled and a status line, which screen readers hear, says so; what came of it is the caller's.
import type { ReactNode } from 'react';
import { Button } from 'react-aria-components';
import { ChoiceStatus, useFileChoice } from '../../widgets/file-choice.js';
import { reportFilePath } from './reportPath.js';

export interface FileActionProps {
  id: string;
  mode: 'open' | 'save';
  title: string;
  lead: string;
  button: string;
  /** Browser mode: the name a file saved is downloaded under. */
  downloadName?: string;
  working: string;
  /** Says how it failed, given the main process's message. */
  failed: (message: string) => string;
  /** Runs the action on the chosen file (`name`: browser mode's file chosen, of which `path` is the server's copy); throws to show why it did not. */
  run: (path: string, name?: string) => Promise<void>;
  /** The outcome, shown in the status line once the action has run. */
  children?: ReactNode;
}

export function FileAction({ id, mode, title, lead, button, downloadName, working, failed, run, children }: FileActionProps) {
  const choice = useFileChoice<'report'>({
    dialog: () => ({ mode, kind: 'report' }),
    run: (_, chosen, name) => run(mode === 'save' ? reportFilePath(chosen) : chosen, name),
    downloadName: () => reportFilePath(downloadName ?? 'report'),
    // Disabled rather than pending while the main process works: the status line already says so,
    // and react-aria's own pending announcement would say it a second time.
    busyButton: 'disabled',
  });
  const { busy, failure } = choice;

  return (
    <section className="sh-card" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`} className="block-title">
        {title}
      </h3>
      <p className="sh-note">{lead}</p>
      <Button className="button" {...choice.buttonProps('report')}>
        {button}
      </Button>
      <ChoiceStatus working={busy ? working : null} done={children} failed={failure ? failed(failure.message) : null} testId={`${id}-status`} />
    </section>
  );
}
