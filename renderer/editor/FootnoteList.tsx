// The section's footnotes, numbered in the order their markers appear, below the text (as Word
// shows them at the foot of the page). Kept current through a mutation listener on footnotes only,
// so typing ordinary text does not pay for it. A footnote's text opens its editor when editable.
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $dfs } from '@lexical/utils';
import { $getRoot } from 'lexical';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { $isFootnoteNode, FootnoteNode } from '../../shared/footnote-node.js';
import { EDIT_FOOTNOTE } from './commands.js';

interface Note {
  key: string;
  text: string;
}

export function FootnoteList({ editable }: { editable: boolean }) {
  const [editor] = useLexicalComposerContext();
  const { t } = useTranslation('editor');
  const [notes, setNotes] = useState<Note[]>([]);

  useEffect(() => {
    const read = () =>
      setNotes(
        editor.getEditorState().read(() =>
          $dfs($getRoot())
            .map(({ node }) => node)
            .filter($isFootnoteNode)
            .map((n) => ({ key: n.getKey(), text: n.getFootnoteText() })),
        ),
      );
    read();
    return editor.registerMutationListener(FootnoteNode, read, { skipInitialization: false });
  }, [editor]);

  if (notes.length === 0) return null;
  return (
    <section className="ed-footnotes" aria-label={t('footnotes')}>
      <ol>
        {notes.map((n) => (
          <li key={n.key}>
            {editable ? (
              <button type="button" className="ed-footnote-text" onClick={() => editor.dispatchCommand(EDIT_FOOTNOTE, n.key)}>
                {n.text}
              </button>
            ) : (
              n.text
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}
