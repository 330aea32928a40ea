// Choosing the file an action works on. In the desktop app the system's dialog names it and the main
// process reads or writes it there. In browser mode the browser's own chooser picks a file, which
// is sent to the server first (the action then reads the server's copy), and what an action writes
// is offered as a download. One hook holds that choice for one or more kinds of file (a button
// each), what is being worked on and why it failed, and gives focus back to the button.
import { useEffect, useRef, useState, type ReactNode } from 'react';
import type { Input } from '../../shared/api.js';
import { ApiError, call, downloadSlot, inDesktopApp, offerDownload, uploadFile } from '../api/client.js';
import { messageOf } from '../app/errors.js';
import './widgets.css';

type FileKind = Input<'app.chooseFile'>['kind'];

/** What the browser's chooser offers for each kind of file (the desktop dialog has the same filters). */
const ACCEPT: Record<NonNullable<FileKind>, string> = {
  // A report, or a copy or changes another office sent (packed), to open or merge.
  report: '.upr,.uprz',
  copy: '.uprz',
  changes: '.uprz',
  list: '.docx,.xlsx,.csv,.tsv,.txt',
  attachment: '',
  xlsx: '.xlsx',
  csv: '.csv',
  json: '.json',
  docx: '.docx',
  pdf: '.pdf',
  html: '.html,.htm',
  // A folder is chosen only in the desktop app; browser mode downloads what would go in it.
  folder: '',
};

/**
 * Opens the browser's file chooser; answers the chosen file, or null when the person closes it.
 * Called straight from a press, so the browser counts it as the person's own act.
 */
export function chooseInBrowser(kind: FileKind = 'report'): Promise<File | null> {
  return new Promise((resolve) => {
    const picker = document.createElement('input');
    picker.type = 'file';
    picker.accept = ACCEPT[kind ?? 'report'];
    picker.style.display = 'none';
    const done = (file: File | null) => {
      picker.remove();
      resolve(file);
    };
    picker.addEventListener('change', () => done(picker.files?.[0] ?? null), { once: true });
    picker.addEventListener('cancel', () => done(null), { once: true });
    document.body.append(picker);
    picker.click();
  });
}

/**
 * An error about the server's copy of an uploaded file, told with the file's own name: the person
 * never saw the server's folder, only the file they chose.
 */
export function namedAsChosen(e: unknown, serverPath: string, name: string): unknown {
  if (!(e instanceof ApiError)) return e;
  const params = e.params ? Object.fromEntries(Object.entries(e.params).map(([k, v]) => [k, v === serverPath ? name : v])) : undefined;
  return new ApiError(e.message.replaceAll(serverPath, name), e.code, e.key, params);
}

/** Works on a file the person chose in the browser: sent to the server, then `run` on the server's copy. */
export async function runOnChosenFile<T>(file: File, run: (path: string) => Promise<T>): Promise<T> {
  const path = await uploadFile(file);
  try {
    return await run(path);
  } catch (e) {
    throw namedAsChosen(e, path, file.name);
  }
}

export interface FileChoiceOptions<K extends string> {
  /** What the file is for: to open or to save, and its kind (the dialog's filters, the browser's). */
  dialog: (kind: K) => Input<'app.chooseFile'>;
  /**
   * Works on the chosen file; throws to say why it did not. What came of it is the caller's to show.
   * `name`: in browser mode, the name of the file the person chose, of which `path` is the server's copy.
   */
  run: (kind: K, path: string, name?: string) => Promise<void>;
  /** Browser mode: the name a written file is downloaded under (the action may add its extension). */
  downloadName?: (kind: K) => string;
  /** Where a failure is said, if not in `failure`: the matrix says it in the status bar. */
  sayFailure?: (message: string, kind: K) => void;
  /**
   * How the working button looks while the file is worked on. Pending keeps the focus on it, but
   * react-aria then says its name again through a live region; a caller whose status line already
   * says it is working may prefer disabled (the focus is given back to the button afterwards).
   */
  busyButton?: 'pending' | 'disabled';
}

export interface FileChoice<K extends string> {
  /** The kind being worked on, or null. */
  busy: K | null;
  /** Why the last attempt failed (the main process's message), until the next one. */
  failure: { kind: K; message: string } | null;
  /** The props of the button that starts `kind`: pending (or disabled, as `busyButton` says) while its file is worked on. */
  buttonProps: (kind: K) => {
    ref: (el: HTMLButtonElement | null) => void;
    isPending: boolean;
    isDisabled: boolean;
    onPress: () => void;
  };
}

export function useFileChoice<K extends string>({ dialog, run, downloadName, sayFailure, busyButton = 'pending' }: FileChoiceOptions<K>): FileChoice<K> {
  const [busy, setBusy] = useState<K | null>(null);
  const [failure, setFailure] = useState<{ kind: K; message: string } | null>(null);

  const buttons = useRef<Partial<Record<K, HTMLButtonElement | null>>>({});
  /** The button to focus once it is enabled again (a disabled button lets the focus go). */
  const [refocus, setRefocus] = useState<K | null>(null);
  useEffect(() => {
    if (!refocus || busy) return;
    buttons.current[refocus]?.focus();
    setRefocus(null);
  }, [refocus, busy]);

  const fail = (kind: K, e: unknown) => {
    if (sayFailure) sayFailure(messageOf(e), kind);
    else setFailure({ kind, message: messageOf(e) });
  };

  const working = async (kind: K, work: () => Promise<void>) => {
    setBusy(kind);
    setFailure(null);
    try {
      await work();
    } catch (e) {
      fail(kind, e);
    } finally {
      setBusy(null);
      if (busyButton === 'disabled') setRefocus(kind);
    }
  };

  const start = async (kind: K) => {
    const wanted = dialog(kind);
    if (inDesktopApp()) {
      try {
        const choice = await call('app.chooseFile', wanted);
        if (choice.path !== null) await working(kind, () => run(kind, choice.path!));
      } catch (e) {
        fail(kind, e);
      }
      return;
    }
    if (wanted.mode === 'open') {
      const file = await chooseInBrowser(wanted.kind);
      if (file) await working(kind, () => runOnChosenFile(file, (path) => run(kind, path, file.name)));
      return;
    }
    await working(kind, async () => {
      const slot = await downloadSlot(downloadName?.(kind) ?? `${wanted.kind ?? 'file'}.${wanted.kind ?? 'bin'}`);
      await run(kind, slot.path);
      offerDownload(slot.id);
    });
  };

  return {
    busy,
    failure,
    buttonProps: (kind) => {
      const pending = busy === kind && busyButton === 'pending';
      return {
        ref: (el) => {
          buttons.current[kind] = el;
        },
        isPending: pending,
        // The other kinds wait for the one being worked on.
        isDisabled: busy !== null && !pending,
        onPress: () => void start(kind),
      };
    },
  };
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
