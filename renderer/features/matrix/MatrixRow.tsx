// One comment as a row of the matrix, and the columns it is laid out in. Rows are all the same
// height (long texts are cut after a few lines; the detail panel shows them whole), which keeps
// scrolling through 10,000 of them smooth.
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReviewComment } from '../../../shared/domain.js';
import { DispositionText, Passage, StateBadge, TypeBadge } from './badges.js';
import type { SortKey } from './matrixRows.js';

/** Pixels; the CSS lays three lines of text in it. */
export const ROW_HEIGHT = 66;

export interface Column {
  id: 'number' | 'section' | 'passage' | 'reviewer' | 'type' | 'comment' | 'proposed' | 'disposition' | 'rationale' | 'decided' | 'status';
  /** What clicking the column's header sorts by; none for the free-text columns. */
  sort?: SortKey;
  width: string;
}

export const COLUMNS: readonly Column[] = [
  { id: 'number', sort: 'number', width: '52px' },
  { id: 'section', sort: 'section', width: 'minmax(110px, 0.9fr)' },
  { id: 'passage', width: 'minmax(150px, 1.3fr)' },
  { id: 'reviewer', sort: 'organization', width: 'minmax(120px, 1fr)' },
  { id: 'type', sort: 'type', width: '108px' },
  { id: 'comment', width: 'minmax(180px, 1.8fr)' },
  { id: 'proposed', width: 'minmax(130px, 1.2fr)' },
  { id: 'disposition', sort: 'disposition', width: '128px' },
  { id: 'rationale', width: 'minmax(130px, 1.1fr)' },
  { id: 'decided', sort: 'decided', width: '128px' },
  { id: 'status', sort: 'state', width: '104px' },
];

export const COLUMN_TEMPLATE = COLUMNS.map((c) => c.width).join(' ');

export interface MatrixRowProps {
  comment: ReviewComment;
  index: number;
  /** Offset from the top of the table body, in pixels. */
  top: number;
  /** The row in the tab order (the selected one, or the first when none is). */
  active: boolean;
  /** The row the detail panel shows. */
  selected: boolean;
  formatDate: (iso: string) => string;
  onFocusRow: (id: string) => void;
  onFollow: (comment: ReviewComment) => void;
}

export const MatrixRow = memo(function MatrixRow({ comment: c, index, top, active, selected, formatDate, onFocusRow, onFollow }: MatrixRowProps) {
  const { t } = useTranslation('matrix');
  return (
    <div
      role="row"
      aria-rowindex={index + 2}
      aria-selected={selected}
      tabIndex={active ? 0 : -1}
      data-index={index}
      className={`mx-row mx-body-row${selected ? ' mx-selected' : ''}${c.state === 'closed' ? ' mx-closed' : ''}`}
      style={{ transform: `translateY(${top}px)`, blockSize: ROW_HEIGHT }}
      onFocus={(e) => {
        if (e.target === e.currentTarget && !selected) onFocusRow(c.id);
      }}
      onDoubleClick={() => onFollow(c)}
    >
      <div role="rowheader" className="mx-cell mx-number">
        {c.number}
      </div>
      <div role="gridcell" className="mx-cell">
        <div className="mx-clamp">
          {c.sectionLabel ? <span className="mx-section-label">{c.sectionLabel}.</span> : null} {c.sectionTitle}
        </div>
      </div>
      <div role="gridcell" className="mx-cell">
        <div className="mx-clamp">
          <Passage comment={c} />
        </div>
      </div>
      <div role="gridcell" className="mx-cell">
        <div className="mx-org">{c.organizationName}</div>
        <div className="mx-line mx-faint">{c.authorName}</div>
      </div>
      <div role="gridcell" className="mx-cell">
        <TypeBadge type={c.type} />
      </div>
      <div role="gridcell" className="mx-cell">
        <div className="mx-clamp">{c.body}</div>
      </div>
      <div role="gridcell" className="mx-cell">
        <div className="mx-clamp">{c.proposed || <span className="mx-none">{t('noProposal')}</span>}</div>
      </div>
      <div role="gridcell" className="mx-cell">
        <div className="mx-clamp">
          <DispositionText disposition={c.disposition} />
          {c.appliedByName ? <div className="mx-faint">{t('applied')}</div> : null}
        </div>
      </div>
      <div role="gridcell" className="mx-cell">
        <div className="mx-clamp">{c.rationale}</div>
      </div>
      <div role="gridcell" className="mx-cell">
        {c.decidedAt ? (
          <>
            <div className="mx-line">{c.decidedByName}</div>
            <div className="mx-line mx-faint">{formatDate(c.decidedAt)}</div>
          </>
        ) : null}
      </div>
      <div role="gridcell" className="mx-cell">
        <StateBadge state={c.state} />
        {c.replies.length ? <div className="mx-faint mx-replies">{t('replyCount', { count: c.replies.length })}</div> : null}
      </div>
    </div>
  );
});
