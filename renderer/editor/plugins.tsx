// Small editor plugins: keyboard shortcuts, the live word count, and following read-only changes.
import { INSERT_ORDERED_LIST_COMMAND, INSERT_UNORDERED_LIST_COMMAND } from '@lexical/list';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $insertDataTransferForRichText, $insertGeneratedNodes } from '@lexical/clipboard';
import { $generateNodesFromDOM } from '@lexical/html';
import {
  $createRangeSelectionFromDom,
  $getRoot,
  $getSelection,
  $isRangeSelection,
  $setSelection,
  COMMAND_PRIORITY_HIGH,
  COMMAND_PRIORITY_NORMAL,
  getDOMSelection,
  KEY_DOWN_COMMAND,
  PASTE_COMMAND,
  PASTE_TAG,
} from 'lexical';
import { useEffect } from 'react';
import { countWords } from '../../shared/words.js';
import { OPEN_FOOTNOTE_DIALOG, OPEN_LINK_DIALOG, setBlockType, type BlockType } from './commands.js';
import { cleanWordHtml, isFromWord, plainParagraphs } from './wordPaste.js';

const HEADING_KEYS: Record<string, BlockType> = { Digit0: 'paragraph', Digit1: 'h2', Digit2: 'h3', Digit3: 'h4' };

/** Word's shortcuts where Word has one: Ctrl+K link, Ctrl+Alt+F footnote, Ctrl+Alt+1..3 headings. */
export function ShortcutsPlugin() {
  const [editor] = useLexicalComposerContext();
  useEffect(
    () =>
      editor.registerCommand(
        KEY_DOWN_COMMAND,
        (e: KeyboardEvent) => {
          const mod = e.ctrlKey || e.metaKey;
          if (!mod || !editor.isEditable()) return false;
          let handled = true;
          if (!e.altKey && !e.shiftKey && e.code === 'KeyK') editor.dispatchCommand(OPEN_LINK_DIALOG, undefined);
          else if (e.altKey && e.code === 'KeyF') editor.dispatchCommand(OPEN_FOOTNOTE_DIALOG, undefined);
          else if (e.altKey && HEADING_KEYS[e.code]) setBlockType(editor, HEADING_KEYS[e.code]!);
          else if (e.shiftKey && e.code === 'Digit7') editor.dispatchCommand(INSERT_ORDERED_LIST_COMMAND, undefined);
          else if (e.shiftKey && e.code === 'Digit8') editor.dispatchCommand(INSERT_UNORDERED_LIST_COMMAND, undefined);
          else handled = false;
          if (handled) e.preventDefault();
          return handled;
        },
        COMMAND_PRIORITY_NORMAL,
      ),
    [editor],
  );
  return null;
}

/**
 * A shortcut pressed right after the caret moved acts where the caret now is. The browser moves the
 * caret itself (Ctrl+End, Home, a click) and tells Lexical later, on "selectionchange"; a key that
 * comes first (Enter, Ctrl+Alt+F) would act at the old place, mid-word. So before Enter and any key
 * with Ctrl, Alt or Meta, Lexical's selection is taken from the page's. Plain typing is left alone.
 */
export function CaretSyncPlugin() {
  const [editor] = useLexicalComposerContext();
  useEffect(() => {
    let listening: { on: HTMLElement; sync: (e: KeyboardEvent) => void } | null = null;
    const stop = () => {
      listening?.on.removeEventListener('keydown', listening.sync, true);
      listening = null;
    };
    const stopRoot = editor.registerRootListener((root) => {
      stop();
      const on = root?.parentElement;
      if (!root || !on) return;
      const sync = (e: KeyboardEvent) => {
        if (!editor.isEditable() || e.isComposing) return;
        if (!(e.key === 'Enter' || e.key === 'Tab' || e.ctrlKey || e.altKey || e.metaKey)) return;
        const dom = getDOMSelection(root.ownerDocument.defaultView);
        if (!dom?.anchorNode || !root.contains(dom.anchorNode)) return;
        editor.update(
          () => {
            const fromPage = $createRangeSelectionFromDom(dom, editor);
            const current = $getSelection();
            if (fromPage && !(current && fromPage.is(current))) $setSelection(fromPage);
          },
          { discrete: true },
        );
      };
      // Capturing, on the editor's parent: before Lexical's own key handling on the editor.
      on.addEventListener('keydown', sync, true);
      listening = { on, sync };
    });
    return () => {
      stopRoot();
      stop();
    };
  }, [editor]);
  return null;
}

/**
 * Paste from Word keeps headings, lists, bold, italic, links and tables, without Word's leftovers
 * (wordPaste.ts); plain text pasted with blank lines between its paragraphs gets no empty ones.
 * Everything else is pasted as Lexical pastes it.
 */
export function PastePlugin() {
  const [editor] = useLexicalComposerContext();
  useEffect(
    () =>
      editor.registerCommand(
        PASTE_COMMAND,
        (event) => {
          if (!(event instanceof ClipboardEvent) || !event.clipboardData || !editor.isEditable()) return false;
          const data = event.clipboardData;
          const html = data.getData('text/html');
          const text = data.getData('text/plain');
          const fromWord = html !== '' && isFromWord(html);
          const blankLines = html === '' && !data.types.includes('application/x-lexical-editor') && /\n[ \t]*\n/.test(text.replace(/\r/g, ''));
          if (!fromWord && !blankLines) return false;
          event.preventDefault();
          editor.update(
            () => {
              const selection = $getSelection();
              if (!$isRangeSelection(selection)) return;
              if (fromWord) {
                $insertGeneratedNodes(editor, $generateNodesFromDOM(editor, cleanWordHtml(html)), selection);
              } else {
                const plain = new DataTransfer();
                plain.setData('text/plain', plainParagraphs(text));
                $insertDataTransferForRichText(plain, selection, editor);
              }
            },
            { tag: PASTE_TAG },
          );
          return true;
        },
        COMMAND_PRIORITY_HIGH,
      ),
    [editor],
  );
  return null;
}

/** Counts the body text (footnotes excluded) a moment after typing stops. */
export function WordCountPlugin({ onWordCount }: { onWordCount?: (words: number) => void }) {
  const [editor] = useLexicalComposerContext();
  useEffect(() => {
    if (!onWordCount) return;
    let timer: ReturnType<typeof setTimeout> | null = null;
    const remove = editor.registerUpdateListener(({ editorState, dirtyElements, dirtyLeaves }) => {
      if (dirtyElements.size === 0 && dirtyLeaves.size === 0) return;
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => onWordCount(editorState.read(() => countWords($getRoot().getTextContent()))), 250);
    });
    return () => {
      remove();
      if (timer) clearTimeout(timer);
    };
  }, [editor, onWordCount]);
  return null;
}

export function EditablePlugin({ editable }: { editable: boolean }) {
  const [editor] = useLexicalComposerContext();
  useEffect(() => editor.setEditable(editable), [editor, editable]);
  return null;
}
