// The Export screen: before writing the final report, its words against the limit as OHCHR counts
// them, each section against its budget, and what blocks submission; then the report written as a
// Word file, a PDF or a web page. What blocks submission is a warning: a draft can be written.
import { useTranslation } from 'react-i18next';
import { Blockers } from './Blockers.js';
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
  return (
    <div className="ex-screen">
      <h2 className="page-title">{t('title')}</h2>
      {error ? (
        <p role="alert" className="inline-error">
          {error}
        </p>
      ) : null}
      {check ? <WordCount words={check.words} /> : error ? null : <p className="muted ex-loading">{t('loading')}</p>}
      <div className="ex-columns">
        {/* While the check loads, an empty cell keeps the ways to write in their column. */}
        {check ? <Blockers blockers={check.blockers} onOpenSection={onOpenSection} /> : <div />}
        <WriteReport />
      </div>
      {check ? <SectionWords sections={check.sections} onOpenSection={onOpenSection} /> : null}
    </div>
  );
}
