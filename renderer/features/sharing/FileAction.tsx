// One action on a report file chosen by the person: sending a copy or changes (a file to save) or
// merging one (a file to open). In the app the system's dialog chooses it; in browser mode the
// browser's chooser picks the file to merge, and what is sent is downloaded. While it is worked on,
// the button is disabled and a status line, which screen readers hear, says so; what came of it is
// the caller's.
import type { ReactNode } from 'react';
import { Button } from 'react-aria-components';
import { ChoiceStatus, useFileChoice } from '../../widgets/file-choice.js';
import { packedFilePath, reportFilePath } from './reportPath.js';

/** What the file is: a report (or anything a merge takes), a copy to send, or changes to send (both packed). */
type SharedKind = 'report' | 'copy' | 'changes';

export interface FileActionProps {
  id: string;
  mode: 'open' | 'save';
  kind?: SharedKind;
  /** What is chosen before the button (the office changes go to). */
  fields?: ReactNode;
  /** The button waits for those fields. */
  disabled?: boolean;
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

export function FileAction({ id, mode, kind = 'report', fields, disabled = false, title, lead, button, downloadName, working, failed, run, children }: FileActionProps) {
  const named = kind === 'report' ? reportFilePath : packedFilePath;
  const choice = useFileChoice<SharedKind>({
    dialog: () => ({ mode, kind }),
    run: (_, chosen, name) => run(mode === 'save' ? named(chosen) : chosen, name),
    downloadName: () => named(downloadName ?? 'report'),
    // Disabled rather than pending while the main process works: the status line already says so,
    // and react-aria's own pending announcement would say it a second time.
    busyButton: 'disabled',
  });
  const { busy, failure } = choice;
  const buttonProps = choice.buttonProps(kind);

  return (
    <section className="sh-card" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`} className="block-title">
        {title}
      </h3>
      <p className="sh-note">{lead}</p>
      {fields}
      <Button className="button" {...buttonProps} isDisabled={buttonProps.isDisabled || disabled}>
        {button}
      </Button>
      <ChoiceStatus working={busy ? working : null} done={children} failed={failure ? failed(failure.message) : null} testId={`${id}-status`} />
    </section>
  );
}
