// The section editor: Lexical with the shared node list, bound to the section's Yjs document.
// The document was created when the section was (never bootstrapped here); every local change is
// sent to the main process within PUSH_DELAY_MS, and changes from other windows arrive as events.
import { LexicalCollaboration } from '@lexical/react/LexicalCollaborationContext';
import { CollaborationPlugin } from '@lexical/react/LexicalCollaborationPlugin';
import { LexicalComposer } from '@lexical/react/LexicalComposer';
import { ContentEditable } from '@lexical/react/LexicalContentEditable';
import { LexicalErrorBoundary } from '@lexical/react/LexicalErrorBoundary';
import { LinkPlugin } from '@lexical/react/LexicalLinkPlugin';
import { ListPlugin } from '@lexical/react/LexicalListPlugin';
import { RichTextPlugin } from '@lexical/react/LexicalRichTextPlugin';
import { TablePlugin } from '@lexical/react/LexicalTablePlugin';
import type { Provider } from '@lexical/yjs';
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, useSyncExternalStore, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import * as Y from 'yjs';
import { SECTION_NODES } from '../../shared/nodes.js';
import { isSafeUrl } from './commands.js';
import { FootnoteList } from './FootnoteList.js';
import { FootnotePlugin } from './FootnotePlugin.js';
import { LinkDialogPlugin } from './LinkDialogPlugin.js';
import { CaretSyncPlugin, EditablePlugin, PastePlugin, ShortcutsPlugin, WordCountPlugin } from './plugins.js';
import { asLexicalProvider, SectionTextProvider, type SaveState } from './provider.js';
import { CitationPlugin } from './CitationPlugin.js';
import { FindPlugin } from './FindPlugin.js';
import { RecommendationRefPlugin } from './RecommendationRefPlugin.js';
import { TableToolsPlugin } from './TableTools.js';
import { editorTheme } from './theme.js';
import { Toolbar } from './Toolbar.js';
import './editor.css';

export interface SectionEditorProps {
  sectionId: string;
  sectionTitle: string;
  readOnly: boolean;
  /** Why the text cannot be changed, when there is more to say than that it is read only. */
  readOnlyNote?: string | null;
  /** Live word count of the body text (footnotes excluded), as the person types. */
  onWordCount?: (words: number) => void;
  /** More plugins, rendered inside the editor's composer (the review's comments). */
  children?: ReactNode;
}

/** What plugins may ask of the section's text connection. */
export interface SectionTextAccess {
  /** Sends whatever typing is waiting. */
  flush: () => Promise<void>;
  /** Runs a discrete edit and returns its Yjs update instead of saving it (see SectionTextProvider.capture). */
  capture: (edit: () => void) => Uint8Array | null;
  loaded: boolean;
}

const SectionTextContext = createContext<SectionTextAccess | null>(null);

export function useSectionText(): SectionTextAccess {
  const access = useContext(SectionTextContext);
  if (!access) throw new Error('useSectionText is for plugins inside SectionEditor');
  return access;
}

export function SectionEditor({ sectionId, sectionTitle, readOnly, readOnlyNote, onWordCount, children }: SectionEditorProps) {
  const { t } = useTranslation('editor');
  const [loaded, setLoaded] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const saveState = useMemo(() => new SaveStateStore(), []);
  const providerRef = useRef<SectionTextProvider | null>(null);
  const cursorsRef = useRef<HTMLDivElement | null>(null);
  const [people, setPeople] = useState<string[]>([]);

  const providerFactory = useCallback(
    (id: string, docMap: Map<string, Y.Doc>): Provider => {
      providerRef.current?.destroy();
      const doc = new Y.Doc();
      docMap.set(id, doc);
      const provider = new SectionTextProvider(id, doc, { onSaveError: setError, onLoaded: () => setLoaded(true), onSaveState: saveState.set, onPeople: setPeople });
      providerRef.current = provider;
      return asLexicalProvider(provider);
    },
    [saveState],
  );

  const access = useMemo<SectionTextAccess>(
    () => ({
      flush: () => providerRef.current?.flush() ?? Promise.resolve(),
      capture: (edit) => providerRef.current?.capture(edit) ?? null,
      loaded,
    }),
    [loaded],
  );

  useEffect(() => {
    const flush = () => void providerRef.current?.flush();
    window.addEventListener('pagehide', flush);
    window.addEventListener('beforeunload', flush);
    return () => {
      window.removeEventListener('pagehide', flush);
      window.removeEventListener('beforeunload', flush);
      // Only flush: the CollaborationPlugin disconnects the provider itself when it unmounts, and
      // in React's strict mode this cleanup also runs between two mounts of the same editor.
      flush();
    };
  }, []);

  return (
    <LexicalCollaboration>
    <SectionTextContext.Provider value={access}>
    <LexicalComposer
      initialConfig={{
        namespace: 'section',
        nodes: [...SECTION_NODES],
        theme: editorTheme,
        editorState: null,
        editable: !readOnly,
        onError: (e: Error) => setError(e.message),
      }}
    >
      <div className="ed-root" data-section-id={sectionId}>
        {readOnly ? (
          <p className="ed-readonly" role="note">
            {readOnlyNote ?? t('readOnly')}
          </p>
        ) : (
          // The toolbar and where the typing stands stay in view while the text scrolls.
          <div className="ed-head">
            <Toolbar />
            <SaveStatus store={saveState} />
          </div>
        )}
        {people.length ? (
          // Those connected through the office server who have this section open; their carets are drawn in the text.
          <p className="ed-people" role="status">
            {t('peopleHere', { names: people.join(', ') })}
          </p>
        ) : null}
        <FindPlugin editable={!readOnly} />
        {error && (
          <p className="ed-error" role="alert">
            {t('loadFailed', { message: error })}
          </p>
        )}
        <div className="ed-page" aria-busy={!loaded}>
          {/* Others' carets and names (drawn by Lexical), placed over the text they sit in. */}
          <div ref={cursorsRef} className="ed-cursors" aria-hidden="true" />
          {!loaded && <p className="ed-loading">{t('loading')}</p>}
          <RichTextPlugin
            contentEditable={
              <ContentEditable
                className="ed-content"
                aria-label={t('textLabel', { title: sectionTitle })}
                aria-readonly={readOnly}
                // Read-only text can still be focused, so a reviewer can select a passage to comment on.
                tabIndex={readOnly ? 0 : undefined}
                spellCheck
              />
            }
            ErrorBoundary={LexicalErrorBoundary}
          />
          <FootnoteList editable={!readOnly} />
        </div>
        <CollaborationPlugin id={sectionId} providerFactory={providerFactory} shouldBootstrap={false} cursorsContainerRef={cursorsRef} />
        <ListPlugin />
        <TablePlugin hasCellMerge />
        <TableToolsPlugin />
        <LinkPlugin validateUrl={isSafeUrl} />
        <FootnotePlugin />
        <LinkDialogPlugin />
        <RecommendationRefPlugin />
        <CitationPlugin />
        <CaretSyncPlugin />
        <PastePlugin />
        <ShortcutsPlugin />
        <WordCountPlugin onWordCount={onWordCount} />
        <EditablePlugin editable={!readOnly} />
        {children}
      </div>
    </LexicalComposer>
    </SectionTextContext.Provider>
    </LexicalCollaboration>
  );
}

/**
 * Where the typing stands, kept apart from the editor's state: it changes as a person types (the
 * first key after a save), and only the line that shows it renders again, not the editor.
 */
class SaveStateStore {
  private state: SaveState = { kind: 'saved' };
  private readonly listeners = new Set<() => void>();
  readonly get = (): SaveState => this.state;
  readonly set = (state: SaveState): void => {
    this.state = state;
    for (const listener of this.listeners) listener();
  };
  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };
}

/**
 * Where the typing stands, said quietly while all is well; a save that failed is said at once, and
 * that the editor keeps trying (nothing is dropped), or why it cannot.
 */
function SaveStatus({ store }: { store: SaveStateStore }) {
  const { t } = useTranslation('editor');
  const state = useSyncExternalStore(store.subscribe, store.get);
  if (state.kind === 'unsaved') {
    return (
      <p className="ed-save ed-save-failed" role="alert">
        {state.busy ? t('saveBusy') : t(state.retrying ? 'saveRetrying' : 'saveRefused', { message: state.message })}
      </p>
    );
  }
  return (
    <p className="ed-save" role="status">
      {t(state.kind === 'saving' ? 'saving' : 'saved')}
    </p>
  );
}
