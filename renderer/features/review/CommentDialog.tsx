// A new comment: its type, the comment, and (on a passage) a proposed wording. The passage was
// selected before the dialog opened; it is shown quoted, or the comment is on the whole section.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { COMMENT_TYPES, type CommentType } from '../../../shared/domain.js';
import { FormDialog } from '../../widgets/dialogs.js';
import { RadioChoice, TextAreaInput } from '../../widgets/fields.js';

export interface NewComment {
  type: CommentType;
  body: string;
  proposed: string;
  /** Words typed as the passage when none was selected ('' for the whole section). */
  typedPassage: string;
}

export interface CommentDialogProps {
  /** The selected passage, or null for a comment on the whole section. */
  passage: string | null;
  onClose: () => void;
  /** Throws to keep the dialog open with the reason shown. */
  onSubmit: (comment: NewComment) => Promise<void>;
}

export function CommentDialog({ passage, onClose, onSubmit }: CommentDialogProps) {
  const { t } = useTranslation('review');
  const [type, setType] = useState<CommentType>('substantive');
  const [body, setBody] = useState('');
  const [proposed, setProposed] = useState('');
  const [typed, setTyped] = useState('');
  const onPassage = passage !== null || typed.trim() !== '';
  return (
    <FormDialog
      isOpen
      onClose={onClose}
      title={t('dialogTitle')}
      submitLabel={t('submit')}
      validate={() => (body.trim() ? null : t('bodyRequired'))}
      onSubmit={() => onSubmit({ type, body: body.trim(), proposed: onPassage ? proposed.trim() : '', typedPassage: passage === null ? typed.trim() : '' })}
    >
      {passage !== null ? (
        <figure className="cmt-quote-figure">
          <figcaption className="field-label">{t('passage')}</figcaption>
          <blockquote className="cmt-quote">{passage}</blockquote>
        </figure>
      ) : (
        // Nothing selected (from the keyboard, a reviewer cannot select read-only text): the words
        // can be typed instead, or the comment is on the whole section.
        <TextAreaInput label={t('typedPassage')} description={t('typedPassageHint')} value={typed} onChange={setTyped} rows={2} maxLength={2_000} />
      )}
      <RadioChoice<CommentType>
        label={t('typeLabel')}
        value={type}
        onChange={setType}
        options={COMMENT_TYPES.map((id) => ({ id, label: t(`type.${id}`) }))}
      />
      <TextAreaInput label={t('body')} value={body} onChange={setBody} rows={4} maxLength={10_000} isRequired autoFocus={passage !== null} />
      {onPassage ? (
        <TextAreaInput label={t('proposed')} description={t('proposedHint')} value={proposed} onChange={setProposed} rows={3} maxLength={10_000} />
      ) : null}
    </FormDialog>
  );
}
