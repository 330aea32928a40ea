// The formatting toolbar: paragraph style, bold/italic/underline, lists, table, link, footnote,
// a cited recommendation, undo/redo. An ARIA toolbar (arrow keys move between its buttons); each
// button names its shortcut.
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { INSERT_ORDERED_LIST_COMMAND, INSERT_UNORDERED_LIST_COMMAND, REMOVE_LIST_COMMAND, $isListNode, ListNode } from '@lexical/list';
import { INSERT_TABLE_COMMAND } from '@lexical/table';
import { $getNearestNodeOfType, mergeRegister } from '@lexical/utils';
import {
  $getSelection,
  $isRangeSelection,
  CAN_REDO_COMMAND,
  CAN_UNDO_COMMAND,
  COMMAND_PRIORITY_LOW,
  FORMAT_TEXT_COMMAND,
  REDO_COMMAND,
  SELECTION_CHANGE_COMMAND,
  UNDO_COMMAND,
} from 'lexical';
import { useEffect, useState } from 'react';
import { Button, Separator, ToggleButton, Toolbar as AriaToolbar } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { $selectedBlockType, OPEN_FOOTNOTE_DIALOG, OPEN_LINK_DIALOG, setBlockType, type BlockType } from './commands.js';
import { OPEN_RECOMMENDATION_PICKER } from './RecommendationRefPlugin.js';
import { TableMenuButton, useInTable } from './TableTools.js';

interface Formats {
  bold: boolean;
  italic: boolean;
  underline: boolean;
  list: 'bullet' | 'number' | null;
  block: BlockType | null;
}

const isMac = typeof navigator !== 'undefined' && /Mac/.test(navigator.platform);
const mod = isMac ? '⌘' : 'Ctrl+';
const alt = isMac ? '⌥' : 'Alt+';

export function Toolbar() {
  const [editor] = useLexicalComposerContext();
  const { t } = useTranslation('editor');
  const [formats, setFormats] = useState<Formats>({ bold: false, italic: false, underline: false, list: null, block: 'paragraph' });
  const [canUndo, setCanUndo] = useState(false);
  const [canRedo, setCanRedo] = useState(false);
  const inTable = useInTable();

  useEffect(() => {
    const read = () => {
      const selection = $getSelection();
      if (!$isRangeSelection(selection)) return;
      const list = $getNearestNodeOfType(selection.anchor.getNode(), ListNode);
      setFormats({
        bold: selection.hasFormat('bold'),
        italic: selection.hasFormat('italic'),
        underline: selection.hasFormat('underline'),
        list: list && $isListNode(list) ? (list.getListType() === 'number' ? 'number' : 'bullet') : null,
        block: $selectedBlockType(),
      });
    };
    return mergeRegister(
      editor.registerUpdateListener(({ editorState }) => editorState.read(read)),
      editor.registerCommand(SELECTION_CHANGE_COMMAND, () => (read(), false), COMMAND_PRIORITY_LOW),
      editor.registerCommand(CAN_UNDO_COMMAND, (v) => (setCanUndo(v), false), COMMAND_PRIORITY_LOW),
      editor.registerCommand(CAN_REDO_COMMAND, (v) => (setCanRedo(v), false), COMMAND_PRIORITY_LOW),
    );
  }, [editor]);

  const toggleList = (type: 'bullet' | 'number') => {
    if (formats.list === type) editor.dispatchCommand(REMOVE_LIST_COMMAND, undefined);
    else editor.dispatchCommand(type === 'bullet' ? INSERT_UNORDERED_LIST_COMMAND : INSERT_ORDERED_LIST_COMMAND, undefined);
    editor.focus();
  };

  return (
    <AriaToolbar aria-label={t('toolbar')} className="ed-toolbar">
      <Button aria-label={t('undo')} aria-keyshortcuts="Control+Z" isDisabled={!canUndo} onPress={() => editor.dispatchCommand(UNDO_COMMAND, undefined)}>
        <span aria-hidden="true">↶</span>
      </Button>
      <Button aria-label={t('redo')} aria-keyshortcuts="Control+Y" isDisabled={!canRedo} onPress={() => editor.dispatchCommand(REDO_COMMAND, undefined)}>
        <span aria-hidden="true">↷</span>
      </Button>
      <Separator orientation="vertical" />
      <label className="ed-style">
        <span className="visually-hidden">{t('blockType')}</span>
        <select
          aria-label={t('blockType')}
          value={formats.block ?? 'paragraph'}
          onChange={(e) => {
            setBlockType(editor, e.target.value as BlockType);
            editor.focus();
          }}
        >
          <option value="paragraph">{t('paragraph')}</option>
          <option value="h2">{t('h2')}</option>
          <option value="h3">{t('h3')}</option>
          <option value="h4">{t('h4')}</option>
        </select>
      </label>
      <Separator orientation="vertical" />
      {(['bold', 'italic', 'underline'] as const).map((f) => (
        <ToggleButton
          key={f}
          aria-label={`${t(f)} (${mod}${f[0]!.toUpperCase()})`}
          aria-keyshortcuts={`Control+${f[0]!.toUpperCase()}`}
          isSelected={formats[f]}
          onChange={() => editor.dispatchCommand(FORMAT_TEXT_COMMAND, f)}
          className={`ed-btn ed-btn-${f}`}
        >
          <span aria-hidden="true">{f === 'bold' ? 'B' : f === 'italic' ? 'I' : 'U'}</span>
        </ToggleButton>
      ))}
      <Separator orientation="vertical" />
      <ToggleButton aria-label={`${t('bulletList')} (${mod}Shift+8)`} isSelected={formats.list === 'bullet'} onChange={() => toggleList('bullet')}>
        <span aria-hidden="true">•≡</span>
      </ToggleButton>
      <ToggleButton aria-label={`${t('numberedList')} (${mod}Shift+7)`} isSelected={formats.list === 'number'} onChange={() => toggleList('number')}>
        <svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round">
          <path d="M10 6h10M10 12h10M10 18h10" />
          <path d="M4 5l1.5-1v5M3.5 14.5a1.5 1.5 0 1 1 2.5 1.2L3.5 19H6.5" strokeWidth="1.5" />
        </svg>
      </ToggleButton>
      <Button
        aria-label={t('table')}
        onPress={() => editor.dispatchCommand(INSERT_TABLE_COMMAND, { rows: '3', columns: '3', includeHeaders: { rows: true, columns: false } })}
      >
        <span aria-hidden="true">⊞</span>
      </Button>
      {inTable ? <TableMenuButton /> : null}
      <Button aria-label={`${t('link')} (${mod}K)`} aria-keyshortcuts="Control+K" onPress={() => editor.dispatchCommand(OPEN_LINK_DIALOG, undefined)}>
        <svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round">
          <path d="M10 14a4 4 0 0 0 5.66 0l3-3a4 4 0 0 0-5.66-5.66l-1.5 1.5" />
          <path d="M14 10a4 4 0 0 0-5.66 0l-3 3a4 4 0 0 0 5.66 5.66l1.5-1.5" />
        </svg>
      </Button>
      <Button aria-label={`${t('footnote')} (${mod}${alt}F)`} aria-keyshortcuts="Control+Alt+F" onPress={() => editor.dispatchCommand(OPEN_FOOTNOTE_DIALOG, undefined)}>
        <svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round">
          <path d="M3 20h11M3 15h11M3 10h7" />
          <path d="M17 4l1.5-1v6" strokeWidth="1.5" />
        </svg>
      </Button>
      <Button
        aria-label={`${t('citeRecommendation')} (${mod}${alt}R)`}
        aria-keyshortcuts="Control+Alt+R"
        onPress={() => editor.dispatchCommand(OPEN_RECOMMENDATION_PICKER, undefined)}
        className="ed-btn-cite"
      >
        <span aria-hidden="true">§</span>
      </Button>
    </AriaToolbar>
  );
}
