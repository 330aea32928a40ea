// The dialogs of outline editing: name a new section, rename one, confirm a deletion.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SectionWithCount } from '../../../shared/domain.js';
import { TextInput } from '../../widgets/fields.js';
import { ConfirmDialog, FormDialog } from '../../widgets/dialogs.js';

interface TitleDialogProps {
  isOpen: boolean;
  onClose: () => void;
  title: string;
  submitLabel: string;
  initialTitle?: string;
  onSubmit: (sectionTitle: string) => Promise<void>;
}

export function SectionTitleDialog({ isOpen, onClose, title, submitLabel, initialTitle = '', onSubmit }: TitleDialogProps) {
  const { t } = useTranslation();
  const [value, setValue] = useState(initialTitle);
  return (
    <FormDialog
      isOpen={isOpen}
      onClose={onClose}
      title={title}
      submitLabel={submitLabel}
      validate={() => (value.trim() ? null : t('outline.titleRequired'))}
      onSubmit={() => onSubmit(value.trim())}
    >
      <TextInput label={t('outline.sectionTitle')} value={value} onChange={setValue} autoFocus isRequired />
    </FormDialog>
  );
}

interface DeleteDialogProps {
  isOpen: boolean;
  onClose: () => void;
  section: SectionWithCount;
  label: string;
  descendants: number;
  onConfirm: () => Promise<void>;
}

export function DeleteSectionDialog({ isOpen, onClose, section, label, descendants, onConfirm }: DeleteDialogProps) {
  const { t } = useTranslation();
  return (
    <ConfirmDialog
      isOpen={isOpen}
      onClose={onClose}
      title={t('outline.deleteTitle', { label, title: section.title })}
      message={
        <>
          <p>{descendants > 0 ? t('outline.deleteWithChildren', { count: descendants }) : t('outline.deleteAlone')}</p>
          <p>{t('outline.deleteText')}</p>
        </>
      }
      confirmLabel={t('outline.deleteConfirm', { count: descendants + 1 })}
      onConfirm={onConfirm}
      destructive
    />
  );
}
