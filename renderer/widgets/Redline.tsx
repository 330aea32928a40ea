// Two texts compared word by word, as Word's Compare marks them: the words `to` has that `from`
// lacks are underlined (inserted), those it lacks are struck through (deleted), the rest as they
// are. The diff is jsdiff's (`diffWordsWithSpace`); a comparison that would take too long (texts
// very far apart) shows `to` unmarked and says so.
import { diffWordsWithSpace } from 'diff';
import { useMemo } from 'react';
import './widgets.css';

/** How long a comparison may take before `to` is shown unmarked. */
const DIFF_MS = 400;

export interface RedlineProps {
  from: string;
  to: string;
  /** Said to screen readers before each inserted and each deleted run, and shown on hover. */
  insertedLabel: string;
  deletedLabel: string;
  /** Said under the text when it could not be compared in time. */
  tooLong: string;
}

export function Redline({ from, to, insertedLabel, deletedLabel, tooLong }: RedlineProps) {
  const parts = useMemo(() => diffWordsWithSpace(from, to, { timeout: DIFF_MS }), [from, to]);
  if (!parts) {
    return (
      <>
        {to}
        <span className="redline-note muted">{tooLong}</span>
      </>
    );
  }
  return (
    <>
      {parts.map((p, i) =>
        p.added ? (
          <ins key={i} className="redline-ins" title={insertedLabel} aria-label={`${insertedLabel}: ${p.value}`}>
            {p.value}
          </ins>
        ) : p.removed ? (
          <del key={i} className="redline-del" title={deletedLabel} aria-label={`${deletedLabel}: ${p.value}`}>
            {p.value}
          </del>
        ) : (
          <span key={i}>{p.value}</span>
        ),
      )}
    </>
  );
}
