// The selected section: its title, details, the editor laid out like a page, its word count
// against its budget as the person types, and its history a click away.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SectionWithCount } from '../../../shared/domain.js';
import { asRulesSeeIt, closedByStatus, denySectionText } from '../../../shared/permissions.js';
import { messageText } from '../../app/errors.js';
import { useFormat } from '../../app/format.js';
import { useWorkspace } from '../../app/workspaceContext.js';
import { RevealPlugin, type Reveal } from '../../editor/RevealPlugin.js';
import { SectionEditor } from '../../editor/SectionEditor.js';
import { ReviewLayer } from '../review/ReviewLayer.js';
import { SectionDetails } from './SectionDetails.js';
import { SectionHistoryButton } from './SectionHistory.js';
import { ChangesSince, SectionMarkup } from './SectionMarkup.js';
import './section.css';

export const EDITOR_TARGET_ID = 'section-text';

export interface SectionViewProps {
  section: SectionWithCount;
  label: string;
  /** The live count from the editor, when it has reported one for this section. */
  words: number;
  onWordCount: (words: number) => void;
  today: string;
  /** A comment to bring into view, followed from the comment matrix. */
  focusCommentId?: string | null;
  /** Words to take the person to in the text, from a search hit. */
  reveal?: Reveal | null;
}

export function SectionView({ section, label, words, onWordCount, today, focusCommentId = null, reveal = null }: SectionViewProps) {
  const [marginHost, setMarginHost] = useState<HTMLElement | null>(null);
  // Bumped to load the text afresh (after an anchor made in the editor was refused).
  const [reloads, setReloads] = useState(0);
  const { t } = useTranslation();
  const format = useFormat();
  const { workspace } = useWorkspace();
  // Approved, or ready for review in a report that locks then: read only for its drafters.
  const ruled = asRulesSeeIt(section, workspace.report);
  const denied = denySectionText(workspace.me, ruled);
  const readOnly = denied !== null;
  const over = section.wordBudget !== null && words > section.wordBudget;
  // The version whose changes since are shown instead of the editor ('' while editing); per section.
  const [since, setSince] = useState<{ sectionId: string; version: string }>({ sectionId: section.id, version: '' });
  const showing = since.sectionId === section.id ? since.version : '';

  return (
    <article className="section-view with-margin" aria-labelledby="section-heading">
      <div className="section-head">
        <h2 id="section-heading" className="section-title bidi-keep">
          <span className="section-label">{label}.</span> <span>{section.title}</span>
        </h2>
        <div className="section-head-end">
          <p className={`section-words${over ? ' over' : ''}`} data-testid="section-words">
            {format.wordsOf(words, section.wordBudget)}
            {over ? <span className="over-note"> · {t('words.overBy', { n: format.number(words - section.wordBudget!) })}</span> : null}
          </p>
          <ChangesSince value={showing} onChange={(version) => setSince({ sectionId: section.id, version })} />
          <SectionHistoryButton sectionId={section.id} title={section.title} />
        </div>
      </div>
      <SectionDetails key={section.id} section={section} today={today} />
      <div className="page-wrap">
        <div id={EDITOR_TARGET_ID} className="page" tabIndex={-1} aria-label={t('section.textRegion', { title: section.title })} role="region">
          {section.damaged ? (
            <p className="section-damaged" role="alert">
              {t('section.damaged')}
            </p>
          ) : showing ? (
            <SectionMarkup sectionId={section.id} since={showing} onDone={() => setSince({ sectionId: section.id, version: '' })} />
          ) : (
          <SectionEditor
            key={`${section.id}:${reloads}`}
            sectionId={section.id}
            sectionTitle={section.title}
            readOnly={readOnly}
            readOnlyNote={denied && closedByStatus(denied) ? messageText(denied.key, denied.params) : null}
            onWordCount={onWordCount}
          >
            <ReviewLayer section={ruled} marginHost={marginHost} focusCommentId={focusCommentId} onReload={() => setReloads((n) => n + 1)} />
            <RevealPlugin reveal={reveal} />
          </SectionEditor>
          )}
        </div>
        <div className="margin-host" ref={setMarginHost} />
      </div>
    </article>
  );
}
