// Choosing the file an action works on: in the desktop app the system's dialog names it; in browser
// mode (no dialog) the person types its full path in a small form. One hook holds that choice for
// one or more kinds of file (a button each), what the main process is working on and why it failed,
// and gives focus back to the button once the form closes; `PathForm` is the typed-path form.
import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { Button, Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { Input } from '../../shared/api.js';
import { call, inDesktopApp } from '../api/client.js';
import { messageOf } from '../app/errors.js';
import { TextInput } from './fields.js';
import './widgets.css';

export interface FileChoiceOptions<K extends string> {
  /** What the system's dialog is asked for, in the desktop app. */
  dialog: (kind: K) => Input<'app.chooseFile'>;
  /** Works on the chosen file; throws to say why it did not. What came of it is the caller's to show. */
  run: (kind: K, path: string) => Promise<void>;
  /** Said under the field when the form is sent with no path. */
  pathRequired: string;
  /** The path offered when the form opens for `kind`, given what is typed there; by default it is kept. */
  offer?: (kind: K, typed: string) => string;
  /**
   * Where a failure is said when no form is open (the dialog's way), if not in `failure`: the
   * matrix says it in the status bar. A typed path's failure is always kept, to show beside its form.
   */
  sayFailure?: (message: string, kind: K) => void;
  /**
   * How the working button looks while the main process works. Pending keeps the focus on it, but
   * react-aria then says its name again through a live region that points at the button, which
   * dangles once the form closes; a caller whose status line already says it is working may prefer
   * disabled (the focus is given back to the button when the form closes).
   */
  busyButton?: 'pending' | 'disabled';
}

export interface FileChoice<K extends string> {
  /** The kind whose path is being typed (browser mode), or null. */
  asking: K | null;
  /** The kind the main process is working on, or null. */
  busy: K | null;
  /** Why the last attempt failed (the main process's message), until the next one. */
  failure: { kind: K; message: string } | null;
  path: string;
  setPath: (path: string) => void;
  pathError: string | null;
  /** The props of the button that starts `kind`: pending (or disabled, as `busyButton` says) while its file is worked on from the dialog. */
  buttonProps: (kind: K) => {
    ref: (el: HTMLButtonElement | null) => void;
    isPending: boolean;
    isDisabled: boolean;
    onPress: () => void;
  };
  /** The props of the form's submit button. */
  submitProps: { isPending: boolean; isDisabled: boolean };
  submit: (e: FormEvent) => void;
  cancel: () => void;
}

export function useFileChoice<K extends string>({ dialog, run, pathRequired, offer, sayFailure, busyButton = 'pending' }: FileChoiceOptions<K>): FileChoice<K> {
  const [asking, setAsking] = useState<K | null>(null);
  const [busy, setBusy] = useState<K | null>(null);
  const [failure, setFailure] = useState<{ kind: K; message: string } | null>(null);
  const [path, setPath] = useState('');
  const [pathError, setPathError] = useState<string | null>(null);

  const buttons = useRef<Partial<Record<K, HTMLButtonElement | null>>>({});
  /** The button to focus once the form has closed and the button is enabled again. */
  const [refocus, setRefocus] = useState<K | null>(null);
  useEffect(() => {
    if (!refocus || busy) return;
    buttons.current[refocus]?.focus();
    setRefocus(null);
  }, [refocus, busy]);

  const fail = (kind: K, e: unknown, typed: boolean) => {
    if (sayFailure && !typed) sayFailure(messageOf(e), kind);
    else setFailure({ kind, message: messageOf(e) });
  };

  const attempt = async (kind: K, chosen: string, typed: boolean): Promise<boolean> => {
    setBusy(kind);
    setFailure(null);
    try {
      await run(kind, chosen);
      return true;
    } catch (e) {
      fail(kind, e, typed);
      return false;
    } finally {
      setBusy(null);
    }
  };

  const start = async (kind: K) => {
    if (!inDesktopApp()) {
      setPath((typed) => (offer ? offer(kind, typed) : typed));
      setPathError(null);
      setAsking(kind);
      return;
    }
    try {
      const choice = await call('app.chooseFile', dialog(kind));
      if (choice.path !== null) await attempt(kind, choice.path, false);
    } catch (e) {
      fail(kind, e, false);
    }
  };

  const cancel = () => {
    if (busy) return;
    setRefocus(asking);
    setAsking(null);
    setPathError(null);
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!asking || busy) return;
    if (!path.trim()) {
      setPathError(pathRequired);
      return;
    }
    setPathError(null);
    // The typed path stays in the field, for the next file to the same folder.
    if (await attempt(asking, path, true)) {
      setRefocus(asking);
      setAsking(null);
    }
  };

  return {
    asking,
    busy,
    failure,
    path,
    setPath,
    pathError,
    buttonProps: (kind) => {
      // The other kinds wait for the one being worked on.
      const working = busy === kind && asking === null && busyButton === 'pending';
      return {
        ref: (el) => {
          buttons.current[kind] = el;
        },
        isPending: working,
        isDisabled: busy !== null && !working,
        onPress: () => void start(kind),
      };
    },
    submitProps: { isPending: busy !== null && busyButton === 'pending', isDisabled: busy !== null && busyButton === 'disabled' },
    submit: (e) => void submit(e),
    cancel,
  };
}

export interface PathFormProps<K extends string> {
  choice: FileChoice<K>;
  /** The field's label, which also names the form. */
  label: string;
  /** Says what to type: the full path, on the computer running the app. */
  hint: string;
  submit: string;
  placeholder?: string;
  /** The wrapper's class, which places the form (inline in a card, or floating under a toolbar). */
  className: string;
  /** Small buttons, for a toolbar. */
  small?: boolean;
  /** Shows the typed path's failure inside the form, for a caller with no alert region of its own. */
  showFailure?: boolean;
}

/** The typed-path form of a `useFileChoice`, shown while it asks; Escape closes it unless the file is being worked on. */
export function PathForm<K extends string>({ choice, label, hint, submit, placeholder, className, small = false, showFailure = false }: PathFormProps<K>) {
  const { t } = useTranslation();
  const size = small ? ' button-small' : '';
  const working = choice.busy !== null;
  // A path left out is said under the field; the field takes the focus so that it is heard too.
  const wrapper = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (choice.pathError) wrapper.current?.querySelector('input')?.focus();
  }, [choice.pathError]);
  // After a failure the path is there to correct (and a disabled submit button has let the focus go).
  useEffect(() => {
    if (choice.failure) wrapper.current?.querySelector('input')?.focus();
  }, [choice.failure]);
  return (
    <div
      ref={wrapper}
      className={className}
      onKeyDown={(e) => {
        if (e.key === 'Escape') choice.cancel();
      }}
    >
      <Form onSubmit={choice.submit} validationBehavior="aria" aria-label={label}>
        <TextInput
          label={label}
          description={hint}
          value={choice.path}
          onChange={choice.setPath}
          errorMessage={choice.pathError}
          placeholder={placeholder}
          autoFocus
          isRequired
        />
        {showFailure && choice.failure?.kind === choice.asking ? (
          <p role="alert" className="inline-error">
            {choice.failure?.message}
          </p>
        ) : null}
        <div className="form-buttons">
          <Button type="submit" className={`button button-primary${size}`} {...choice.submitProps}>
            {submit}
          </Button>
          <Button className={`button${size}`} isDisabled={working} onPress={choice.cancel}>
            {t('common.cancel')}
          </Button>
        </div>
      </Form>
    </div>
  );
}

export interface ChoiceStatusProps {
  /** What the main process is working on, said while it works; null when it is not. */
  working: string | null;
  /** What came of the last attempt, said once it is done (unless it failed). */
  done?: ReactNode;
  /** Why the last attempt failed, in the person's words; null when it did not. */
  failed: string | null;
  testId?: string;
}

/**
 * The status line (working, then what came of it) and the alert region (why it failed) under a
 * file action. Both are in the page from the start, so that what appears in them is announced.
 */
export function ChoiceStatus({ working, done = null, failed, testId }: ChoiceStatusProps) {
  return (
    <>
      <div role="status" className="file-choice-status" data-testid={testId}>
        {working !== null ? (
          <p className="file-choice-working">
            <span className="file-choice-spinner" aria-hidden="true" />
            {working}
          </p>
        ) : failed ? null : (
          done
        )}
      </div>
      <div role="alert" className="file-choice-status">
        {failed ? <p className="inline-error">{failed}</p> : null}
      </div>
    </>
  );
}
