// Find and replace in the section's text, as in Word: Ctrl+F opens the find bar (Ctrl+H with the
// replace field), every match is marked and the current one brought into view, Enter and
// Shift+Enter (or F3) go to the next and previous, Escape closes. Accents and case are ignored, as
// the report's search ignores them. Replacing is for those who may write the section; a
// replacement is one edit of the text, saved like typing and undone like it (replacements made
// within half a second of each other are one step of undo, as keystrokes are). The marks are CSS highlights:
// the text itself is untouched until something is replaced. A match is found within a paragraph,
// across changes of format (shared/text-find.ts, as the whole-report replace finds them).
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { COMMAND_PRIORITY_NORMAL, KEY_DOWN_COMMAND, type LexicalEditor } from 'lexical';
import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent as ReactKeyboardEvent } from 'react';
import { Button, Input, Label, TextField } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { $findInText, $replaceInText, type TextMatch } from '../../shared/text-find.js';
import { ReportFindDialog } from './ReportFindDialog.js';

/** Replaces the given matches (each still where it was found) with `text`, last first. */
function replaceMatches(editor: LexicalEditor, matches: readonly TextMatch[], text: string): void {
  editor.update(() => {
    $replaceInText(matches, text);
  });
}

/** The DOM text of one part of a match, with its offsets, or null when the page does not hold it (yet). */
function domPoint(editor: LexicalEditor, key: string, offset: number): [Text, number] | null {
  const text = editor.getElementByKey(key)?.firstChild;
  if (!text || text.nodeType !== Node.TEXT_NODE || (text as Text).length < offset) return null;
  return [text as Text, offset];
}

/** The page's range of a match, from its first part's start to its last part's end. */
function rangeOf(editor: LexicalEditor, m: TextMatch): Range | null {
  const first = m.parts[0];
  const last = m.parts[m.parts.length - 1];
  if (!first || !last) return null;
  const from = domPoint(editor, first.key, first.start);
  const to = domPoint(editor, last.key, last.end);
  if (!from || !to) return null;
  const range = document.createRange();
  range.setStart(...from);
  range.setEnd(...to);
  return range;
}

export function FindPlugin({ editable }: { editable: boolean }) {
  const [editor] = useLexicalComposerContext();
  const { t } = useTranslation('editor');
  const [open, setOpen] = useState<'find' | 'replace' | null>(null);
  const [needle, setNeedle] = useState('');
  const [replacement, setReplacement] = useState('');
  const [matches, setMatches] = useState<TextMatch[]>([]);
  const [current, setCurrent] = useState(0);
  const [changes, setChanges] = useState(0);
  const findBox = useRef<HTMLInputElement>(null);
  const [whole, setWhole] = useState(false);

  // Ctrl+F and Ctrl+H in the text open the bar (Ctrl+H with replace, for those who may write).
  useEffect(
    () =>
      editor.registerCommand(
        KEY_DOWN_COMMAND,
        (e: KeyboardEvent) => {
          if (!(e.ctrlKey || e.metaKey) || e.altKey || e.shiftKey || (e.code !== 'KeyF' && e.code !== 'KeyH')) return false;
          e.preventDefault();
          setOpen(e.code === 'KeyH' && editable ? 'replace' : 'find');
          // Open already: back to the words to find, all selected, so typing replaces them.
          findBox.current?.focus();
          findBox.current?.select();
          return true;
        },
        COMMAND_PRIORITY_NORMAL,
      ),
    [editor, editable],
  );

  // The matches follow the text as it changes.
  useEffect(() => {
    if (!open) return;
    const refresh = () => setMatches(editor.getEditorState().read(() => $findInText(needle)));
    refresh();
    return editor.registerUpdateListener(({ dirtyLeaves, dirtyElements }) => {
      if (dirtyLeaves.size || dirtyElements.size) {
        refresh();
        setChanges((n) => n + 1);
      }
    });
  }, [editor, open, needle]);

  const at = matches.length ? Math.min(current, matches.length - 1) : -1;

  // Every match marked, the current one more strongly and in view.
  useEffect(() => {
    const highlights = typeof CSS !== 'undefined' && 'highlights' in CSS ? CSS.highlights : null;
    if (!highlights) return;
    if (!open || !matches.length) {
      highlights.delete('upr-find');
      highlights.delete('upr-find-current');
      return;
    }
    const ranges = matches.map((m) => rangeOf(editor, m)).filter((r): r is Range => r !== null);
    highlights.set('upr-find', new Highlight(...ranges));
    const now = at >= 0 ? rangeOf(editor, matches[at]!) : null;
    if (now) {
      highlights.set('upr-find-current', new Highlight(now));
      (now.startContainer.parentElement ?? null)?.scrollIntoView({ block: 'nearest' });
    } else highlights.delete('upr-find-current');
    return () => {
      highlights.delete('upr-find');
      highlights.delete('upr-find-current');
    };
  }, [editor, open, matches, at, changes]);

  const step = useCallback((by: 1 | -1) => setCurrent((c) => (matches.length ? (Math.min(c, matches.length - 1) + by + matches.length) % matches.length : 0)), [matches.length]);
  const close = () => {
    setOpen(null);
    editor.focus();
  };
  const onKeyDown = (e: ReactKeyboardEvent) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      close();
    } else if (e.key === 'Enter' || e.key === 'F3') {
      e.preventDefault();
      step(e.shiftKey ? -1 : 1);
    }
  };
  const said = useMemo(
    () => (needle.trim() === '' ? '' : matches.length ? t('find.count', { n: at + 1, count: matches.length }) : t('find.none')),
    [needle, matches.length, at, t],
  );

  if (!open) return null;
  // The dialog stands apart from the bar, whose keys (Enter: next match) are not the dialog's.
  return (
    <>
      {whole ? <ReportFindDialog query={needle} onClose={() => setWhole(false)} /> : null}
    <div className="ed-find" role="search" aria-label={t('find.label')} onKeyDown={onKeyDown}>
      <TextField className="ed-find-field" value={needle} onChange={(v) => (setNeedle(v), setCurrent(0))} autoFocus>
        <Label className="visually-hidden">{t('find.find')}</Label>
        <Input ref={findBox} className="field-input" placeholder={t('find.find')} onFocus={(e) => e.currentTarget.select()} />
      </TextField>
      <span className="ed-find-count" role="status" data-testid="find-count">
        {said}
      </span>
      <Button className="button button-small" aria-label={t('find.previous')} isDisabled={!matches.length} onPress={() => step(-1)}>
        ↑
      </Button>
      <Button className="button button-small" aria-label={t('find.next')} isDisabled={!matches.length} onPress={() => step(1)}>
        ↓
      </Button>
      {open === 'replace' ? (
        <>
          <TextField className="ed-find-field" value={replacement} onChange={setReplacement}>
            <Label className="visually-hidden">{t('find.replaceWith')}</Label>
            <Input className="field-input" placeholder={t('find.replaceWith')} />
          </TextField>
          <Button className="button button-small" isDisabled={at < 0} onPress={() => at >= 0 && replaceMatches(editor, [matches[at]!], replacement)}>
            {t('find.replace')}
          </Button>
          <Button className="button button-small" isDisabled={!matches.length} onPress={() => replaceMatches(editor, matches, replacement)}>
            {t('find.replaceAll')}
          </Button>
        </>
      ) : editable ? (
        <Button className="button button-small" onPress={() => setOpen('replace')}>
          {t('find.showReplace')}
        </Button>
      ) : null}
      <Button className="button button-small" onPress={() => setWhole(true)}>
        {t('find.wholeReport')}
      </Button>
      <Button className="button button-small" aria-label={t('find.close')} onPress={close}>
        ✕
      </Button>
    </div>
    </>
  );
}
