// The keystroke benchmark page: the app's section editor (Lexical bound to Yjs, saving through the
// API) and a bare Lexical editor holding the same text, side by side on one page, so both are
// measured in the same browser, at the same moment.
import { LexicalComposer } from '@lexical/react/LexicalComposer';
import { ContentEditable } from '@lexical/react/LexicalContentEditable';
import { LexicalErrorBoundary } from '@lexical/react/LexicalErrorBoundary';
import { ListPlugin } from '@lexical/react/LexicalListPlugin';
import { RichTextPlugin } from '@lexical/react/LexicalRichTextPlugin';
import { TablePlugin } from '@lexical/react/LexicalTablePlugin';
import i18next from 'i18next';
import { createRoot } from 'react-dom/client';
import { initReactI18next } from 'react-i18next';
import { SECTION_NODES } from '../../../shared/nodes.js';
import { call } from '../../../renderer/api/client.js';
import { SectionEditor } from '../../../renderer/editor/SectionEditor.js';
import { editorStrings } from '../../../renderer/editor/strings.js';
import { editorTheme } from '../../../renderer/editor/theme.js';

declare global {
  interface Window {
    benchReady?: boolean;
  }
}

async function main() {
  await i18next.use(initReactI18next).init({ lng: 'en', resources: { en: { editor: editorStrings.en } }, interpolation: { escapeValue: false } });
  const sectionId = new URLSearchParams(location.search).get('section') ?? '';
  const ws = await call('workspace.load', {});
  const secretariat = ws.members.find((m) => m.role === 'secretariat');
  if (secretariat) await call('session.signIn', { memberId: secretariat.id });
  const content = await call('text.content', { sectionId });
  const json = JSON.stringify(content.json);
  createRoot(document.getElementById('root')!).render(
    <div style={{ display: 'grid', gridTemplateColumns: '1fr 1fr', gap: 16 }}>
      <div id="app-editor">
        <SectionEditor sectionId={sectionId} sectionTitle="bench" readOnly={false} onWordCount={() => {}} />
      </div>
      <div id="bare-editor">
        <LexicalComposer initialConfig={{ namespace: 'bare', nodes: [...SECTION_NODES], theme: editorTheme, editorState: json, onError: (e) => console.error(e) }}>
          <RichTextPlugin contentEditable={<ContentEditable className="ed-content" aria-label="bare" />} ErrorBoundary={LexicalErrorBoundary} />
          <ListPlugin />
          <TablePlugin />
        </LexicalComposer>
      </div>
    </div>,
  );
  window.benchReady = true;
}

void main();
