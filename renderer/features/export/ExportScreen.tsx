// The Export screen: before writing the final report, its words against the limit as OHCHR counts
// them, each section against its budget, and what blocks submission; then the report written as a
// Word file, a PDF or a web page, with a preview of the pages beside on request. What blocks
// submission is a warning: a draft can be written.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Blockers } from './Blockers.js';
import { LogCountedTwice } from './LogCountedTwice.js';
import { useExportChoices } from './exportOptions.js';
import { PreviewPages } from './PreviewPages.js';
import { SectionWords } from './SectionWords.js';
import { useExportCheck } from './useExportCheck.js';
import { WordCount } from './WordCount.js';
import { WriteReport } from './WriteReport.js';
import './export.css';

export interface ExportScreenProps {
  /** Opens a section (a blocker's link), at one of its comments when given. */
  onOpenSection: (id: string, commentId?: string | null) => void;
}

export function ExportScreen({ onOpenSection }: ExportScreenProps) {
  const { t } = useTranslation('export');
  const { check, error } = useExportCheck();
  const choices = useExportChoices(t('draft.defaultLabel'));
  const [previewing, setPreviewing] = useState(false);
  return (
    <div className={`ex-screen${previewing ? ' previewing' : ''}`}>
      <h2 className="page-title">{t('title')}</h2>
      {error ? (
        <p role="alert" className="inline-error">
          {error}
        </p>
      ) : null}
      <div className="ex-body">
        {/* The pages beside the words, the blockers and the choices, which change them as they are made. */}
        {previewing ? <PreviewPages options={choices.options} /> : null}
        <div className="ex-main">
          {check ? <WordCount words={check.words} /> : error ? null : <p className="muted ex-loading">{t('loading')}</p>}
          {check && check.words.log.length && choices.annexes.inputs ? (
            <LogCountedTwice log={check.words.log} onLeaveAnnexOut={() => choices.setAnnexes({ ...choices.annexes, inputs: false })} onOpenSection={(id) => onOpenSection(id)} />
          ) : null}
          <div className="ex-columns">
            {/* While the check loads, an empty cell keeps the ways to write in their column. */}
            {check ? <Blockers blockers={check.blockers} onOpenSection={onOpenSection} /> : <div />}
            <WriteReport choices={choices} previewing={previewing} onTogglePreview={() => setPreviewing(!previewing)} />
          </div>
          {check ? <SectionWords sections={check.sections} onOpenSection={onOpenSection} /> : null}
        </div>
      </div>
    </div>
  );
}
