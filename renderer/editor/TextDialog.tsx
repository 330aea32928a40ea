// A small modal asking for one piece of text (a footnote, a link address), with Save, Cancel and
// an optional destructive action. Built on react-aria's Dialog: focus is trapped and Escape closes.
import { useState } from 'react';
import { Button, Dialog, FieldError, Form, Heading, Input, Label, Modal, TextArea, TextField } from 'react-aria-components';
import { useTranslation } from 'react-i18next';

export interface TextDialogProps {
  title: string;
  label: string;
  initial: string;
  multiline?: boolean;
  validate?: (value: string) => string | null;
  removeLabel?: string;
  onSave: (value: string) => void;
  onRemove?: () => void;
  onClose: () => void;
}

export function TextDialog({ title, label, initial, multiline, validate, removeLabel, onSave, onRemove, onClose }: TextDialogProps) {
  const { t } = useTranslation('editor');
  const [value, setValue] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  const submit = () => {
    const problem = validate?.(value) ?? null;
    if (problem) {
      setError(problem);
      return;
    }
    onSave(value.trim());
    onClose();
  };
  return (
    <Modal isOpen isDismissable onOpenChange={(open) => !open && onClose()} className="ed-modal">
      <Dialog className="ed-dialog">
        <Heading slot="title">{title}</Heading>
        <Form
          onSubmit={(e) => {
            e.preventDefault();
            submit();
          }}
        >
          <TextField autoFocus value={value} onChange={(v) => (setValue(v), setError(null))} isInvalid={error !== null}>
            <Label>{label}</Label>
            {multiline ? (
              <TextArea
                rows={4}
                onKeyDown={(e) => {
                  if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) submit();
                }}
              />
            ) : (
              <Input />
            )}
            <FieldError>{error}</FieldError>
          </TextField>
          <div className="ed-dialog-actions">
            {onRemove && (
              <Button
                className="danger"
                onPress={() => {
                  onRemove();
                  onClose();
                }}
              >
                {removeLabel}
              </Button>
            )}
            <Button onPress={onClose}>{t('cancel')}</Button>
            <Button type="submit" className="primary">
              {t('save')}
            </Button>
          </div>
        </Form>
      </Dialog>
    </Modal>
  );
}
