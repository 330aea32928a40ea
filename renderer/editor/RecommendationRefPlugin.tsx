// Citing recommendations in the text. The toolbar button or Ctrl+Alt+R opens a searchable list
// (RecommendationPicker) and inserts the chosen one at the cursor as a reference chip; typing a
// number ("115.2") offers the recommendations it starts, to pick with the arrow keys and Enter.
// Every chip carries its recommendation's text as a tooltip, and a chip selected from the keyboard
// shows (and says) it beside the text.
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { LexicalTypeaheadMenuPlugin, MenuOption, type MenuTextMatch } from '@lexical/react/LexicalTypeaheadMenuPlugin';
import { mergeRegister } from '@lexical/utils';
import {
  $getRoot,
  $getSelection,
  $isNodeSelection,
  $isTextNode,
  $setSelection,
  COMMAND_PRIORITY_LOW,
  COMMAND_PRIORITY_NORMAL,
  createCommand,
  KEY_DOWN_COMMAND,
  type BaseSelection,
  type TextNode,
} from 'lexical';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import type { Recommendation } from '../../shared/domain.js';
import { $createRecommendationRefNode, $isRecommendationRefNode, RecommendationRefNode } from '../../shared/recommendation-ref-node.js';
import { useRecommendations } from '../features/recommendations/useRecommendations.js';
import { RecommendationPicker } from './RecommendationPicker.js';
import './recommendation-ref.css';

export const OPEN_RECOMMENDATION_PICKER = createCommand<void>('OPEN_RECOMMENDATION_PICKER');

/** A number being typed at the cursor: "115." or "115.2", after a space, a bracket or the start. */
const TYPED_NUMBER = /(^|[\s([])(\d{1,4}\.\d{0,4})$/;
/** How many recommendations the typed-number menu offers. */
const OFFERED = 8;

class RecommendationOption extends MenuOption {
  constructor(readonly recommendation: Recommendation) {
    super(recommendation.id);
  }
}

export function RecommendationRefPlugin() {
  const [editor] = useLexicalComposerContext();
  const { t } = useTranslation('recommendations');
  const { recommendations } = useRecommendations();
  const [picking, setPicking] = useState<{ selection: BaseSelection | null } | null>(null);
  const [typed, setTyped] = useState<string | null>(null);
  const byNumber = useMemo(() => new Map((recommendations ?? []).map((r) => [r.number, r])), [recommendations]);
  const byNumberRef = useRef(byNumber);
  byNumberRef.current = byNumber;

  // Tooltips: every chip in the text gets its recommendation's text, as chips come and as the list changes.
  const titleChips = useCallback(() => {
    const root = editor.getRootElement();
    if (!root) return;
    for (const chip of root.querySelectorAll<HTMLElement>('.rec-ref[data-recommendation]')) {
      const r = byNumberRef.current.get(chip.dataset.recommendation ?? '');
      const title = r ? `${r.number}: ${r.text}` : '';
      if (chip.title !== title) chip.title = title;
    }
  }, [editor]);
  useEffect(() => titleChips(), [byNumber, titleChips]);

  const [selectedChip, setSelectedChip] = useState<{ key: string; number: string } | null>(null);
  useEffect(
    () =>
      mergeRegister(
        editor.registerMutationListener(RecommendationRefNode, () => titleChips()),
        editor.registerCommand(
          OPEN_RECOMMENDATION_PICKER,
          () => {
            if (!editor.isEditable()) return false;
            setPicking({ selection: editor.getEditorState().read(() => $getSelection()?.clone() ?? null) });
            return true;
          },
          COMMAND_PRIORITY_LOW,
        ),
        editor.registerCommand(
          KEY_DOWN_COMMAND,
          (e: KeyboardEvent) => {
            if (!(e.ctrlKey || e.metaKey) || !e.altKey || e.code !== 'KeyR' || !editor.isEditable()) return false;
            e.preventDefault();
            return editor.dispatchCommand(OPEN_RECOMMENDATION_PICKER, undefined);
          },
          COMMAND_PRIORITY_NORMAL,
        ),
        // A chip selected with the arrow keys: mark it and show its text.
        editor.registerUpdateListener(({ editorState }) => {
          const chip = editorState.read(() => {
            const selection = $getSelection();
            if (!$isNodeSelection(selection)) return null;
            const nodes = selection.getNodes();
            const node = nodes.length === 1 ? nodes[0] : null;
            return $isRecommendationRefNode(node) ? { key: node.getKey(), number: node.getNumber() } : null;
          });
          setSelectedChip((was) => (was?.key === chip?.key && was?.number === chip?.number ? was : chip));
        }),
      ),
    [editor, titleChips],
  );

  const [cardAt, setCardAt] = useState<{ top: number; left: number } | null>(null);
  useEffect(() => {
    if (!selectedChip) return setCardAt(null);
    const el = editor.getElementByKey(selectedChip.key);
    if (!el) return;
    el.classList.add('rec-ref-selected');
    const rect = el.getBoundingClientRect();
    setCardAt({ top: rect.bottom + 6, left: Math.max(8, Math.min(rect.left, window.innerWidth - 440)) });
    return () => el.classList.remove('rec-ref-selected');
  }, [editor, selectedChip]);

  const insert = (number: string, selection: BaseSelection | null) => {
    editor.update(() => {
      if (selection) $setSelection(selection.clone());
      // Never placed in the text yet: the reference goes at its end.
      const target = $getSelection() ?? $getRoot().selectEnd();
      const node = $createRecommendationRefNode(number);
      target.insertNodes([node]);
      node.selectNext();
    });
    editor.focus();
  };

  // The typed-number menu.
  const triggerFn = useCallback(
    (text: string): MenuTextMatch | null => {
      if (!editor.isEditable()) return null;
      const m = TYPED_NUMBER.exec(text);
      if (!m) return null;
      const number = m[2]!;
      if (![...byNumberRef.current.keys()].some((n) => n.startsWith(number))) return null;
      return { leadOffset: m.index + m[1]!.length, matchingString: number, replaceableString: number };
    },
    [editor],
  );
  const options = useMemo(
    () =>
      typed === null
        ? []
        : (recommendations ?? [])
            .filter((r) => r.number.startsWith(typed))
            .slice(0, OFFERED)
            .map((r) => new RecommendationOption(r)),
    [recommendations, typed],
  );
  const onSelectOption = useCallback(
    (option: RecommendationOption, typedNode: TextNode | null, closeMenu: () => void) => {
      editor.update(() => {
        const node = $createRecommendationRefNode(option.recommendation.number);
        if (typedNode) $replaceTypedNumber(typedNode, node);
        else $getSelection()?.insertNodes([node]);
        node.selectNext();
        closeMenu();
      });
    },
    [editor],
  );

  const chipRecommendation = selectedChip ? byNumber.get(selectedChip.number) : undefined;
  return (
    <>
      <LexicalTypeaheadMenuPlugin<RecommendationOption>
        options={options}
        onQueryChange={setTyped}
        onSelectOption={onSelectOption}
        triggerFn={triggerFn}
        anchorClassName="rec-typeahead-anchor"
        menuRenderFn={(anchor, { selectedIndex, selectOptionAndCleanUp, setHighlightedIndex }) =>
          anchor.current && options.length
            ? createPortal(
                <ul className="rec-typeahead" role="listbox" aria-label={t('cite.results')}>
                  {options.map((option, i) => (
                    <li
                      key={option.key}
                      // The id Lexical points the text's aria-activedescendant at.
                      id={`typeahead-item-${i}`}
                      ref={(el) => option.setRefElement(el)}
                      role="option"
                      aria-selected={selectedIndex === i}
                      className={`rec-picker-option${selectedIndex === i ? ' rec-picker-active' : ''}`}
                      onMouseEnter={() => setHighlightedIndex(i)}
                      onMouseDown={(e) => e.preventDefault()}
                      onClick={() => selectOptionAndCleanUp(option)}
                    >
                      <span className="rec-picker-number">{option.recommendation.number}</span>
                      <span className="rec-picker-text" dir="auto">
                        {option.recommendation.text}
                      </span>
                    </li>
                  ))}
                </ul>,
                anchor.current,
              )
            : null
        }
      />
      {/* A chip selected from the keyboard: its recommendation said, and shown under the chip. */}
      <p className="visually-hidden" role="status">
        {chipRecommendation ? `${chipRecommendation.number}: ${chipRecommendation.text}` : ''}
      </p>
      {chipRecommendation && cardAt
        ? createPortal(
            <div className="rec-ref-card" aria-hidden="true" style={{ top: cardAt.top, left: cardAt.left }}>
              <span className="rec-picker-number">{chipRecommendation.number}</span> {chipRecommendation.text}
            </div>,
            document.body,
          )
        : null}
      {picking ? (
        <RecommendationPicker
          recommendations={recommendations}
          onPick={(number) => insert(number, picking.selection)}
          onClose={() => {
            setPicking(null);
            editor.focus();
          }}
        />
      ) : null}
    </>
  );
}

/**
 * Replaces the number typed before the caret with the chip. The menu splits off what it matched when
 * it last looked, which can be older than the last keys typed (Enter right after "3" may split off
 * "21.3" of "121.3", leaving the "1"): so the typed number is read again from the text as it is now,
 * the split-off node and the text before it, and exactly that is replaced.
 */
export function $replaceTypedNumber(typedNode: TextNode, chip: RecommendationRefNode): void {
  const prev = typedNode.getPreviousSibling();
  const before = $isTextNode(prev) ? prev.getTextContent() : '';
  const typed = typedNode.getTextContent();
  const length = TYPED_NUMBER.exec(before + typed)?.[2]?.length ?? typed.length;
  if (length > typed.length && $isTextNode(prev)) prev.setTextContent(before.slice(0, before.length - (length - typed.length)));
  const keep = typed.slice(0, Math.max(0, typed.length - length));
  if (keep) {
    typedNode.setTextContent(keep);
    typedNode.insertAfter(chip);
  } else {
    typedNode.replace(chip);
  }
}
