// Versions of the report and comparisons between them, as the main process gives them to the
// screens, the command line and the redline .docx. A version is a record in the change log (it
// travels in copies like any other); its text is kept as Yjs snapshots of each section's document,
// rebuilt from the updates the file keeps anyway (see electron/docs/version-text.ts).

export const VERSION_KINDS = ['named', 'merge', 'export'] as const;
/** Saved by a person with a name, or by the app before a merge or at an export of the report. */
export type VersionKind = (typeof VERSION_KINDS)[number];

export interface VersionInfo {
  id: string;
  name: string;
  kind: VersionKind;
  /** Who saved it (their name as this file has it). */
  createdBy: string;
  /** ISO 8601, UTC. */
  createdAt: string;
  /** Words of the body at the version. */
  words: number;
  sections: number;
  /** The version's record cannot be read (edited by hand): it is listed, and cannot be opened or compared. */
  unreadable?: true;
}

/** A word-level piece of a changed paragraph: kept, inserted or deleted. */
export interface TextPart {
  text: string;
  change?: 'inserted' | 'deleted';
}

/**
 * A paragraph (a heading, a list item, a table row) in a comparison: the same on both sides,
 * added, removed, or changed (with its words marked).
 */
export type ParagraphChange =
  | { kind: 'same'; text: string }
  | { kind: 'added'; text: string }
  | { kind: 'removed'; text: string }
  | { kind: 'changed'; parts: TextPart[] };

export const COMPARED_FIELDS = ['title', 'status', 'lead', 'due', 'budget', 'place'] as const;
export type ComparedField = (typeof COMPARED_FIELDS)[number];

/** The fields' names in English, for what is written without the interface (the Word redline, the command line). */
export const COMPARED_FIELD_NAMES: Record<ComparedField, string> = {
  title: 'Title',
  status: 'Status',
  lead: 'Lead',
  due: 'Due date',
  budget: 'Word budget',
  place: 'Place in outline',
};

/** A field of a section that differs between the two sides, as shown (names, not ids). */
export interface FieldChange {
  field: ComparedField;
  from: string;
  to: string;
}

export interface SectionComparison {
  sectionId: string;
  /** Its title on the newer side (the older one's where it was removed). */
  title: string;
  /** Where it stands in the outline on the newer side ("2.1"), '' where it was removed. */
  label: string;
  change: 'added' | 'removed' | 'changed' | 'same';
  fields: FieldChange[];
  /** Paragraphs, in order; only where the text differs (else empty). */
  paragraphs: ParagraphChange[];
  /** Who wrote in the section's text between the two sides (names). */
  writers: string[];
  /** One side's text could not be rebuilt (updates this file lacks, or text it cannot read). */
  textMissing?: true;
}

/** What changed in the report's other records between the two sides, from the change log. */
export interface RecordsChanged {
  commentsMade: number;
  commentsAnswered: number;
  commentsClosed: number;
  recommendationsChanged: number;
  inputsAdded: number;
  inputsDecided: number;
}

export interface VersionSide {
  /** A version's id, or 'now' for the report as it is. */
  id: string;
  name: string;
  at: string;
  words: number;
}

export interface VersionComparison {
  from: VersionSide;
  to: VersionSide;
  sections: SectionComparison[];
  records: RecordsChanged;
  /** Counts over the sections: those with any difference, and words inserted and deleted. */
  totals: { sectionsChanged: number; wordsInserted: number; wordsDeleted: number };
}

/** A run of a section's text with its change since a version: who made it and when (ISO, UTC). */
export interface MarkedRun {
  text: string;
  change?: 'inserted' | 'deleted';
  by?: string;
  at?: string;
}

/** A paragraph of a section with its changes marked; `block` when the whole paragraph was added or removed. */
export interface MarkedParagraph {
  runs: MarkedRun[];
  block?: 'inserted' | 'deleted';
}

/** A version opened to read: its outline and each section's paragraphs as they were. */
export interface VersionReading {
  version: VersionInfo;
  sections: Array<{ sectionId: string; label: string; title: string; level: number; status: string; paragraphs: string[]; textMissing?: true }>;
}
