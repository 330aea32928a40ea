// Modal dialogs: one that asks for something (a form) and one that asks "are you sure?". Both
// keep the dialog open and show the service's message when the call fails.
import { useState, type FormEvent, type ReactNode } from 'react';
import { Button, Dialog, Form, Heading, Modal, ModalOverlay } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { messageOf } from '../app/errors.js';
import './widgets.css';

interface DialogShellProps {
  isOpen: boolean;
  onClose: () => void;
  title: string;
  children: ReactNode;
  role?: 'dialog' | 'alertdialog';
}

function DialogShell({ isOpen, onClose, title, children, role = 'dialog' }: DialogShellProps) {
  return (
    <ModalOverlay
      isOpen={isOpen}
      onOpenChange={(open) => {
        if (!open) onClose();
      }}
      isDismissable
      className="modal-overlay"
    >
      <Modal className="modal">
        <Dialog role={role} className="dialog">
          <Heading slot="title" className="dialog-title">
            {title}
          </Heading>
          {children}
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}

/** Runs an async action, remembering whether it is running and the message if it failed. */
function useSubmit(action: () => Promise<void | 'stay'>, onDone: () => void) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = async () => {
    setBusy(true);
    setError(null);
    try {
      if ((await action()) !== 'stay') onDone();
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, setError, run };
}

export interface FormDialogProps {
  isOpen: boolean;
  onClose: () => void;
  title: string;
  submitLabel: string;
  /** Throws to keep the dialog open with the error shown; answers 'stay' to keep it open with none (a system dialog cancelled). */
  onSubmit: () => Promise<void | 'stay'>;
  /** A local check before calling the service: a message to show, or null to go ahead. */
  validate?: () => string | null;
  children: ReactNode;
}

export function FormDialog({ isOpen, onClose, title, submitLabel, onSubmit, validate, children }: FormDialogProps) {
  const { t } = useTranslation();
  const { busy, error, setError, run } = useSubmit(onSubmit, onClose);
  const close = () => {
    setError(null);
    onClose();
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const problem = validate?.() ?? null;
    if (problem) setError(problem);
    else void run();
  };
  return (
    <DialogShell isOpen={isOpen} onClose={close} title={title}>
      <Form onSubmit={submit} className="dialog-form" validationBehavior="aria">
        {children}
        {error ? (
          <p role="alert" className="inline-error">
            {error}
          </p>
        ) : null}
        <div className="dialog-buttons">
          <Button className="button" onPress={close}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" className="button button-primary" isPending={busy}>
            {submitLabel}
          </Button>
        </div>
      </Form>
    </DialogShell>
  );
}

export interface ConfirmDialogProps {
  isOpen: boolean;
  onClose: () => void;
  title: string;
  message: ReactNode;
  confirmLabel: string;
  onConfirm: () => Promise<void>;
  destructive?: boolean;
}

export function ConfirmDialog({ isOpen, onClose, title, message, confirmLabel, onConfirm, destructive }: ConfirmDialogProps) {
  const { t } = useTranslation();
  const { busy, error, setError, run } = useSubmit(onConfirm, onClose);
  const close = () => {
    setError(null);
    onClose();
  };
  return (
    <DialogShell isOpen={isOpen} onClose={close} title={title} role="alertdialog">
      <div className="dialog-message">{message}</div>
      {error ? (
        <p role="alert" className="inline-error">
          {error}
        </p>
      ) : null}
      <div className="dialog-buttons">
        <Button className="button" onPress={close} autoFocus>
          {t('common.cancel')}
        </Button>
        <Button className={`button ${destructive ? 'button-danger' : 'button-primary'}`} isPending={busy} onPress={() => void run()}>
          {confirmLabel}
        </Button>
      </div>
    </DialogShell>
  );
}
