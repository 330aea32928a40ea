// What the secretariat chooses before writing the report, shared by the ways to write it and the
// preview of its pages: which annexes, and whether it is a draft (its name, its lines numbered).
import { useMemo, useState } from 'react';
import { DEFAULT_ANNEXES, type AnnexChoice } from '../../../shared/api.js';

export interface ExportOptions {
  annexes: AnnexChoice;
  draft?: { label: string; lineNumbers: boolean };
}

export interface ExportChoices {
  annexes: AnnexChoice;
  setAnnexes: (a: AnnexChoice) => void;
  kind: 'final' | 'draft';
  setKind: (k: 'final' | 'draft') => void;
  /** The draft's name as typed (empty: the default name). */
  label: string;
  setLabel: (label: string) => void;
  lineNumbers: boolean;
  setLineNumbers: (on: boolean) => void;
  /** The choices as `export.write` and `export.preview` take them. */
  options: ExportOptions;
}

/** The choices, held by the Export screen for as long as it is open. */
export function useExportChoices(defaultLabel: string): ExportChoices {
  const [annexes, setAnnexes] = useState<AnnexChoice>(DEFAULT_ANNEXES);
  const [kind, setKind] = useState<'final' | 'draft'>('final');
  const [label, setLabel] = useState('');
  const [lineNumbers, setLineNumbers] = useState(false);
  const options = useMemo<ExportOptions>(
    () => ({ annexes, ...(kind === 'draft' ? { draft: { label: label.trim() || defaultLabel, lineNumbers } } : {}) }),
    [annexes, kind, label, lineNumbers, defaultLabel],
  );
  return { annexes, setAnnexes, kind, setKind, label, setLabel, lineNumbers, setLineNumbers, options };
}
