// Links: Ctrl+K or the toolbar asks for the address of the selected text; only web and mail
// addresses are accepted.
import { $isLinkNode, TOGGLE_LINK_COMMAND } from '@lexical/link';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $findMatchingParent } from '@lexical/utils';
import { $getSelection, $isRangeSelection, $setSelection, COMMAND_PRIORITY_LOW, type BaseSelection } from 'lexical';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isSafeUrl, OPEN_LINK_DIALOG } from './commands.js';
import { TextDialog } from './TextDialog.js';

export function LinkDialogPlugin() {
  const [editor] = useLexicalComposerContext();
  const { t } = useTranslation('editor');
  const [editing, setEditing] = useState<{ selection: BaseSelection | null; url: string } | null>(null);

  useEffect(
    () =>
      editor.registerCommand(
        OPEN_LINK_DIALOG,
        () => {
          if (!editor.isEditable()) return false;
          editor.getEditorState().read(() => {
            const selection = $getSelection();
            const link = $isRangeSelection(selection) ? $findMatchingParent(selection.anchor.getNode(), $isLinkNode) : null;
            setEditing({ selection: selection?.clone() ?? null, url: link && $isLinkNode(link) ? link.getURL() : 'https://' });
          });
          return true;
        },
        COMMAND_PRIORITY_LOW,
      ),
    [editor],
  );

  if (!editing) return null;
  const apply = (url: string | null) => {
    editor.update(() => {
      if (editing.selection) $setSelection(editing.selection.clone());
    });
    editor.dispatchCommand(TOGGLE_LINK_COMMAND, url);
  };
  return (
    <TextDialog
      title={t('linkTitle')}
      label={t('linkUrl')}
      initial={editing.url}
      validate={(v) => (isSafeUrl(v) ? null : t('linkInvalid'))}
      removeLabel={t('removeLink')}
      onRemove={editing.url !== 'https://' ? () => apply(null) : undefined}
      onSave={(url) => apply(url)}
      onClose={() => {
        setEditing(null);
        editor.focus();
      }}
    />
  );
}
