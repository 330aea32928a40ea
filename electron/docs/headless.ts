// Section text, headless: a Lexical editor with the shared node list, bound to a section's Yjs
// document the same way the renderer's editor is, so what the main process reads or writes is what
// a drafter sees.
import { createHeadlessEditor } from '@lexical/headless';
import { createBinding, syncLexicalUpdateToYjs, syncYjsChangesToLexical, type Provider } from '@lexical/yjs';
import { $getRoot, $nodesOfType, type LexicalEditor, type SerializedEditorState } from 'lexical';
import * as Y from 'yjs';
import { FootnoteNode } from '../../shared/footnote-node.js';
import { SECTION_NODES } from '../../shared/nodes.js';
import { RecommendationRefNode } from '../../shared/recommendation-ref-node.js';
import { anchoredIds } from '../../shared/annotations.js';
import { countWords } from '../../shared/words.js';
import { $appendBlocks, type Block } from './blocks.js';
import { isUserError } from '../../shared/errors.js';
import { userError } from '../../shared/messages.js';

/**
 * A section's stored updates as one. An update that cannot be read at all (a file edited by hand;
 * `upr check` names it) is left out rather than making every other one unreadable too.
 */
export function mergeStored(updates: readonly Uint8Array[]): Uint8Array {
  if (updates.length === 0) return Y.encodeStateAsUpdate(new Y.Doc());
  if (updates.length === 1) return updates[0]!;
  try {
    return Y.mergeUpdates(updates as Uint8Array[]);
  } catch {
    const readable = updates.filter((u) => {
      try {
        Y.decodeUpdate(u);
        return true;
      } catch {
        return false;
      }
    });
    return readable.length ? Y.mergeUpdates(readable) : Y.encodeStateAsUpdate(new Y.Doc());
  }
}

function offlineProvider(): Provider {
  const awareness = {
    getLocalState: () => null,
    getStates: () => new Map(),
    off: () => {},
    on: () => {},
    setLocalState: () => {},
    setLocalStateField: () => {},
  };
  return { awareness, connect: () => {}, disconnect: () => {}, off: () => {}, on: () => {} } as unknown as Provider;
}

export interface BoundEditor {
  editor: LexicalEditor;
  doc: Y.Doc;
  dispose: () => void;
}

/** A headless editor bound to `doc` as the renderer's editor is (Lexical's Yjs binding); the caller disposes it. */
export function bindHeadless(doc: Y.Doc): BoundEditor {
  const editor = createHeadlessEditor({
    namespace: 'section',
    nodes: [...SECTION_NODES],
    onError: (e) => {
      throw e;
    },
  });
  const provider = offlineProvider();
  const binding = createBinding(editor, provider, 'section', doc, new Map([['section', doc]]));
  const onYjs = (events: Array<Y.YEvent<Y.XmlText>>, tx: Y.Transaction) => {
    if (tx.origin !== binding) syncYjsChangesToLexical(binding, provider, events, false);
  };
  const root = binding.root.getSharedType();
  root.observeDeep(onYjs as never);
  const removeUpdate = editor.registerUpdateListener(
    ({ prevEditorState, editorState, dirtyElements, dirtyLeaves, normalizedNodes, tags }) => {
      if (tags.has('skip-collab')) return;
      syncLexicalUpdateToYjs(binding, provider, prevEditorState, editorState, dirtyElements, dirtyLeaves, normalizedNodes, tags);
    },
  );
  return {
    editor,
    doc,
    dispose: () => {
      root.unobserveDeep(onYjs as never);
      removeUpdate();
    },
  };
}

/** A new section document holding `blocks` (or one empty paragraph), as one Yjs update. */
export function createSectionState(blocks: readonly Block[] = []): Uint8Array {
  const doc = new Y.Doc();
  const bound = bindHeadless(doc);
  try {
    bound.editor.update(() => $appendBlocks($getRoot(), blocks), { discrete: true });
    return Y.encodeStateAsUpdate(doc);
  } finally {
    bound.dispose();
    doc.destroy();
  }
}

export interface SectionReading {
  /**
   * The text could not be read (it holds a node this app does not know, or a structure Lexical
   * refuses): everything else here is empty. Only this section is affected.
   */
  damaged: boolean;
  json: SerializedEditorState;
  /** Body text, without footnotes; blocks separated by blank lines. */
  plain: string;
  words: number;
  footnoteWords: number;
  footnotes: string[];
  /** Ids of the comments anchored in the text by marks. */
  markIds: string[];
  /** Numbers of the recommendations the text refers to, each once, in order of first mention. */
  recommendationRefs: string[];
}

/** What a section reads as when its text cannot be read. */
function damagedReading(): SectionReading {
  const editor = createHeadlessEditor({ namespace: 'section', nodes: [...SECTION_NODES], onError: () => {} });
  return { damaged: true, json: editor.getEditorState().toJSON(), plain: '', words: 0, footnoteWords: 0, footnotes: [], markIds: [], recommendationRefs: [] };
}

/**
 * Reads a section's text from its Yjs updates through a headless editor. Text that cannot be read
 * (a node type this app does not know, a structure Lexical refuses) reads as damaged, never as an
 * error: one such section must not stop the rest of the report from being read.
 */
export function readSection(updates: readonly Uint8Array[]): SectionReading {
  try {
    return readSectionOrThrow(updates);
  } catch {
    return damagedReading();
  }
}

/**
 * Reads a section's text through a headless editor with `read`, run inside the editor state's
 * read (Lexical's $ functions work there). Throws when the text cannot be read (see readSection).
 */
export function readSectionWith<T>(updates: readonly Uint8Array[], read: (editor: BoundEditor['editor']) => T): T {
  const doc = new Y.Doc();
  const bound = bindHeadless(doc);
  try {
    const merged = mergeStored(updates);
    Y.applyUpdate(doc, merged, 'load');
    // Flush the binding's pending update so the editor state reflects the document.
    bound.editor.update(() => {}, { discrete: true });
    return bound.editor.getEditorState().read(() => read(bound.editor));
  } finally {
    bound.dispose();
    doc.destroy();
  }
}

function readSectionOrThrow(updates: readonly Uint8Array[]): SectionReading {
  return readSectionWith(updates, (editor) => {
    const plain = $getRoot().getTextContent();
    const footnotes = $nodesOfType(FootnoteNode).map((n) => n.getFootnoteText());
    const json = editor.getEditorState().toJSON();
    return {
      damaged: false,
      json,
      markIds: [...anchoredIds(json)],
      recommendationRefs: [...new Set($nodesOfType(RecommendationRefNode).map((n) => n.getNumber()))],
      plain,
      words: countWords(plain),
      footnoteWords: footnotes.reduce((sum, f) => sum + countWords(f), 0),
      footnotes,
    };
  });
}

/**
 * Applies an edit made with Lexical to a section's current state; returns the Yjs update. Text
 * that cannot be read (see readSection) cannot be edited: that is said, never thrown as Lexical's
 * own error.
 */
export function editSection(updates: readonly Uint8Array[], edit: () => void): Uint8Array {
  try {
    return editSectionOrThrow(updates, edit);
  } catch (e) {
    if (isUserError(e)) throw e;
    throw userError('textDamaged');
  }
}

function editSectionOrThrow(updates: readonly Uint8Array[], edit: () => void): Uint8Array {
  const doc = new Y.Doc();
  const bound = bindHeadless(doc);
  try {
    Y.applyUpdate(doc, mergeStored(updates), 'load');
    bound.editor.update(() => {}, { discrete: true });
    const before = Y.encodeStateVector(doc);
    bound.editor.update(edit, { discrete: true });
    return Y.encodeStateAsUpdate(doc, before);
  } finally {
    bound.dispose();
    doc.destroy();
  }
}
