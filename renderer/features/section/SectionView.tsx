// The selected section: its title, details, the editor laid out like a page, and its word count
// against its budget as the person types.
import { useTranslation } from 'react-i18next';
import type { SectionWithCount } from '../../../shared/domain.js';
import { denySectionText } from '../../../shared/permissions.js';
import { useFormat } from '../../app/format.js';
import { useWorkspace } from '../../app/workspaceContext.js';
import { SectionEditor } from '../../editor/SectionEditor.js';
import { SectionDetails } from './SectionDetails.js';
import './section.css';

export const EDITOR_TARGET_ID = 'section-text';

export interface SectionViewProps {
  section: SectionWithCount;
  label: string;
  /** The live count from the editor, when it has reported one for this section. */
  words: number;
  onWordCount: (words: number) => void;
  today: string;
}

export function SectionView({ section, label, words, onWordCount, today }: SectionViewProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const { workspace } = useWorkspace();
  const readOnly = denySectionText(workspace.me, section) !== null;
  const over = section.wordBudget !== null && words > section.wordBudget;

  return (
    <article className="section-view" aria-labelledby="section-heading">
      <div className="section-head">
        <h2 id="section-heading" className="section-title bidi-keep">
          <span className="section-label">{label}.</span> <span>{section.title}</span>
        </h2>
        <p className={`section-words${over ? ' over' : ''}`} data-testid="section-words">
          {format.wordsOf(words, section.wordBudget)}
          {over ? <span className="over-note"> · {t('words.overBy', { n: format.number(words - section.wordBudget!) })}</span> : null}
        </p>
      </div>
      <SectionDetails key={section.id} section={section} today={today} />
      <div className="page-wrap">
        <div id={EDITOR_TARGET_ID} className="page" tabIndex={-1} aria-label={t('section.textRegion', { title: section.title })} role="region">
          <SectionEditor
            key={section.id}
            sectionId={section.id}
            sectionTitle={section.title}
            readOnly={readOnly}
            onWordCount={onWordCount}
          />
        </div>
      </div>
    </article>
  );
}
