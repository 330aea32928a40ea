// The workspace of an open report: header, views, and the selected section, which survives the
// reloads that every change (here or in another window) brings.
import { useCallback, useEffect, useMemo, useState, type MouseEvent } from 'react';
import { TabPanel, Tabs, type Key } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { ApiEvent, ShellEvent } from '../../shared/api.js';
import { outlineOrder, type SectionWithCount, type Workspace } from '../../shared/domain.js';
import { call, onEvent } from '../api/client.js';
import { OutlinePanel } from '../features/outline/OutlinePanel.js';
import { MatrixScreen } from '../features/matrix/MatrixScreen.js';
import { MyWorkScreen } from '../features/mywork/MyWorkScreen.js';
import { OverviewScreen } from '../features/overview/OverviewScreen.js';
import { PeopleScreen } from '../features/people/PeopleScreen.js';
import { ExportScreen } from '../features/export/ExportScreen.js';
import { InputsScreen } from '../features/inputs/InputsScreen.js';
import { RecommendationsScreen } from '../features/recommendations/RecommendationsScreen.js';
import { warmRecommendations } from '../features/recommendations/useRecommendations.js';
import { EDITOR_TARGET_ID, SectionView } from '../features/section/SectionView.js';
import { revealedWords, type Reveal } from '../editor/RevealPlugin.js';
import { SettingsScreen } from '../features/settings/SettingsScreen.js';
import { SharingScreen } from '../features/sharing/SharingScreen.js';
import { VersionsScreen } from '../features/versions/VersionsScreen.js';
import { useAnnounce } from './Announcer.js';
import { messageOf } from './errors.js';
import { todayIso } from './format.js';
import { VIEWS, WorkspaceHeader, type View } from './WorkspaceHeader.js';
import { WorkspaceContext } from './workspaceContext.js';
import './workspace.css';

const MAIN_ID = 'main-content';

export function WorkspaceShell({ workspace, refresh }: { workspace: Workspace; refresh: () => Promise<void> }) {
  const { t } = useTranslation();
  const announce = useAnnounce();
  // Drafters and reviewers land on what waits for them; the secretariat on the outline it manages.
  const [view, setView] = useState<View>(workspace.me?.role === 'drafter' || workspace.me?.role === 'reviewer' ? 'mine' : 'write');
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [live, setLive] = useState<{ id: string; words: number } | null>(null);
  const [followed, setFollowed] = useState<string | null>(null);
  // Words of a search hit to take the person to in the section's text.
  const [reveal, setReveal] = useState<Reveal | null>(null);
  // What another view asked the recommendations or inputs view to show (the search box, a link).
  const [focus, setFocus] = useState<{ view: 'recommendations' | 'inputs'; id: string; nonce: number } | null>(null);
  const entries = useMemo(() => outlineOrder(workspace.sections), [workspace.sections]);
  const current = entries.find((e) => e.section.id === selectedId) ?? entries[0] ?? null;
  const currentId = current?.section.id ?? null;
  const today = todayIso();

  const wordsOf = useCallback((s: SectionWithCount) => (live && live.id === s.id ? live.words : s.words), [live]);
  const totalWords = workspace.totalWords + (current ? wordsOf(current.section) - current.section.words : 0);
  const onWordCount = useCallback((words: number) => currentId && setLive({ id: currentId, words }), [currentId]);
  const select = useCallback((id: string) => {
    setSelectedId(id);
    setLive(null);
    setFollowed(null);
    setReveal(null);
  }, []);

  const openSection = useCallback(
    (id: string, commentId: string | null = null) => {
      select(id);
      setFollowed(commentId);
      setView('write');
    },
    [select],
  );
  const show = useCallback((target: 'recommendations' | 'inputs', id: string) => {
    setFocus((f) => ({ view: target, id, nonce: (f?.nonce ?? 0) + 1 }));
    setView(target);
  }, []);
  // File ▸ Send a copy…, Merge a copy… and Office Network Server… (the app's menu) open the Sharing
  // view; the last one moves to its card (serving for the secretariat, connecting for the others).
  useEffect(
    () =>
      onEvent((received) => {
        const event = received as ApiEvent | ShellEvent;
        if (event.kind !== 'command') return;
        if (event.command === 'sendCopy' || event.command === 'mergeCopy') setView('sharing');
        if (event.command === 'officeServer') {
          setView('sharing');
          setTimeout(() => {
            const card = document.getElementById('sh-serve') ?? document.getElementById('sh-network');
            card?.scrollIntoView({ block: 'start' });
            card?.querySelector<HTMLElement>('input, button')?.focus();
          }, 0);
        }
      }),
    [],
  );
  // The recommendations are loaded in idle time once the report is open, so the view's first opening finds them.
  const reportId = workspace.report.id;
  useEffect(() => warmRecommendations(reportId), [reportId]);
  const focusOf = (target: 'recommendations' | 'inputs') => (focus?.view === target ? { id: focus.id, nonce: focus.nonce } : null);

  const leave = async (method: 'session.signOut' | 'app.closeReport') => {
    try {
      await call(method, {});
    } catch (e) {
      announce(messageOf(e), 'error');
    }
    await refresh();
  };

  const skip = (e: MouseEvent<HTMLAnchorElement>) => {
    e.preventDefault();
    const target = document.getElementById(view === 'write' ? EDITOR_TARGET_ID : MAIN_ID);
    const editable = target?.querySelector<HTMLElement>('[contenteditable="true"]');
    (editable ?? target)?.focus();
  };

  const context = useMemo(() => ({ workspace, refresh }), [workspace, refresh]);
  return (
    <WorkspaceContext.Provider value={context}>
      <a href={`#${view === 'write' ? EDITOR_TARGET_ID : MAIN_ID}`} className="skip-link" onClick={skip}>
        {view === 'write' ? t('app.skipToEditor') : t('app.skipToMain')}
      </a>
      <Tabs
        selectedKey={view}
        onSelectionChange={(key: Key) => setView(VIEWS.find((v) => v === key) ?? 'write')}
        className="workspace"
      >
        <WorkspaceHeader
          totalWords={totalWords}
          onSwitchPerson={() => void leave('session.signOut')}
          onCloseReport={() => void leave('app.closeReport')}
          onSearchHit={(hit) => {
            if (hit.kind === 'section') {
              openSection(hit.id);
              const words = revealedWords(hit.snippet);
              if (words) setReveal((r) => ({ text: words, nonce: (r?.nonce ?? 0) + 1 }));
            }
            else if (hit.kind === 'comment' && hit.sectionId) openSection(hit.sectionId, hit.id);
            else if (hit.kind === 'recommendation') show('recommendations', hit.id);
            else if (hit.kind === 'input') show('inputs', hit.id);
          }}
        />
        <TabPanel id="write" className="view view-write">
          <OutlinePanel entries={entries} selectedId={currentId} onSelect={select} wordsOf={wordsOf} today={today} />
          <main id={MAIN_ID} tabIndex={-1} className="write-main">
            {current ? (
              <SectionView
                section={current.section}
                label={current.label}
                words={wordsOf(current.section)}
                onWordCount={onWordCount}
                today={today}
                focusCommentId={followed}
                reveal={reveal}
              />
            ) : (
              <p className="empty-note">{t('outline.noSections')}</p>
            )}
          </main>
        </TabPanel>
        <TabPanel id="mine" className="view view-page">
          <main id={MAIN_ID} tabIndex={-1} className="page-main">
            <MyWorkScreen today={today} onOpenSection={openSection} />
          </main>
        </TabPanel>
        <TabPanel id="overview" className="view view-page">
          <main id={MAIN_ID} tabIndex={-1} className="page-main">
            <OverviewScreen today={today} onOpenSection={openSection} />
          </main>
        </TabPanel>
        <TabPanel id="comments" className="view view-page view-matrix">
          <main id={MAIN_ID} tabIndex={-1} className="page-main">
            <MatrixScreen onFollow={(comment) => openSection(comment.sectionId, comment.id)} />
          </main>
        </TabPanel>
        <TabPanel id="recommendations" className="view view-page view-recommendations">
          <main id={MAIN_ID} tabIndex={-1} className="page-main">
            <RecommendationsScreen focus={focusOf('recommendations')} onOpenSection={openSection} />
          </main>
        </TabPanel>
        <TabPanel id="inputs" className="view view-page view-inputs">
          <main id={MAIN_ID} tabIndex={-1} className="page-main">
            <InputsScreen
              focus={focusOf('inputs')}
              onOpenSection={openSection}
              onOpenRecommendation={(id) => show('recommendations', id)}
            />
          </main>
        </TabPanel>
        <TabPanel id="export" className="view view-page view-export">
          <main id={MAIN_ID} tabIndex={-1} className="page-main">
            <ExportScreen onOpenSection={openSection} />
          </main>
        </TabPanel>
        <TabPanel id="versions" className="view view-page view-versions">
          <main id={MAIN_ID} tabIndex={-1} className="page-main">
            <VersionsScreen />
          </main>
        </TabPanel>
        <TabPanel id="sharing" className="view view-page view-sharing">
          <main id={MAIN_ID} tabIndex={-1} className="page-main">
            <SharingScreen />
          </main>
        </TabPanel>
        <TabPanel id="people" className="view view-page">
          <main id={MAIN_ID} tabIndex={-1} className="page-main">
            <PeopleScreen />
          </main>
        </TabPanel>
        <TabPanel id="settings" className="view view-page">
          <main id={MAIN_ID} tabIndex={-1} className="page-main">
            <SettingsScreen />
          </main>
        </TabPanel>
      </Tabs>
    </WorkspaceContext.Provider>
  );
}
