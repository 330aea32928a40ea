// Footnotes: insert one at the cursor (toolbar or Ctrl+Alt+F), and edit or delete one by clicking
// its number or selecting it and pressing Enter.
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { mergeRegister } from '@lexical/utils';
import {
  $getNearestNodeFromDOMNode,
  $getNodeByKey,
  $getSelection,
  $isNodeSelection,
  $setSelection,
  COMMAND_PRIORITY_LOW,
  KEY_ENTER_COMMAND,
  type BaseSelection,
} from 'lexical';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { $createFootnoteNode, $isFootnoteNode } from '../../shared/footnote-node.js';
import { EDIT_FOOTNOTE, OPEN_FOOTNOTE_DIALOG } from './commands.js';
import { TextDialog } from './TextDialog.js';

type Editing = { mode: 'insert'; selection: BaseSelection | null } | { mode: 'edit'; key: string; text: string };

export function FootnotePlugin() {
  const [editor] = useLexicalComposerContext();
  const { t } = useTranslation('editor');
  const [editing, setEditing] = useState<Editing | null>(null);

  useEffect(() => {
    const onClick = (e: MouseEvent) => {
      const target = e.target as HTMLElement | null;
      if (!target?.classList.contains('footnote-ref')) return;
      editor.read(() => {
        const node = $getNearestNodeFromDOMNode(target);
        if ($isFootnoteNode(node)) setEditing({ mode: 'edit', key: node.getKey(), text: node.getFootnoteText() });
      });
    };
    return mergeRegister(
      editor.registerCommand(
        OPEN_FOOTNOTE_DIALOG,
        () => {
          if (!editor.isEditable()) return false;
          setEditing({ mode: 'insert', selection: editor.getEditorState().read(() => $getSelection()?.clone() ?? null) });
          return true;
        },
        COMMAND_PRIORITY_LOW,
      ),
      editor.registerCommand(
        EDIT_FOOTNOTE,
        (key) => {
          const node = $getNodeByKey(key);
          if (!$isFootnoteNode(node) || !editor.isEditable()) return false;
          setEditing({ mode: 'edit', key, text: node.getFootnoteText() });
          return true;
        },
        COMMAND_PRIORITY_LOW,
      ),
      editor.registerCommand(
        KEY_ENTER_COMMAND,
        (event) => {
          const selection = $getSelection();
          if (!$isNodeSelection(selection)) return false;
          const node = selection.getNodes()[0];
          if (!$isFootnoteNode(node)) return false;
          event?.preventDefault();
          setEditing({ mode: 'edit', key: node.getKey(), text: node.getFootnoteText() });
          return true;
        },
        COMMAND_PRIORITY_LOW,
      ),
      editor.registerRootListener((root, prev) => {
        prev?.removeEventListener('click', onClick);
        root?.addEventListener('click', onClick);
      }),
    );
  }, [editor]);

  if (!editing || !editor.isEditable()) return null;
  const close = () => {
    setEditing(null);
    editor.focus();
  };
  return (
    <TextDialog
      title={t('footnoteTitle')}
      label={t('footnoteText')}
      initial={editing.mode === 'edit' ? editing.text : ''}
      multiline
      validate={(v) => (v.trim() === '' ? t('footnoteText') : null)}
      removeLabel={editing.mode === 'edit' ? t('deleteFootnote') : undefined}
      onRemove={
        editing.mode === 'edit'
          ? () => editor.update(() => $getNodeByKey(editing.key)?.remove())
          : undefined
      }
      onSave={(text) =>
        editor.update(() => {
          if (editing.mode === 'edit') {
            const node = $getNodeByKey(editing.key);
            if ($isFootnoteNode(node)) node.setFootnoteText(text);
            return;
          }
          if (editing.selection) $setSelection(editing.selection.clone());
          const selection = $getSelection();
          selection?.insertNodes([$createFootnoteNode(text)]);
        })
      }
      onClose={close}
    />
  );
}
