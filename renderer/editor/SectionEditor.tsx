// Placeholder replaced by the lead engineer with the Lexical + Yjs editor. Same props.
export interface SectionEditorProps {
  sectionId: string;
  sectionTitle: string;
  readOnly: boolean;
  /** Live word count of the body text (footnotes excluded), as the person types. */
  onWordCount?: (words: number) => void;
}

export function SectionEditor({ sectionTitle }: SectionEditorProps) {
  return <div className="section-editor" aria-label={sectionTitle} />;
}
