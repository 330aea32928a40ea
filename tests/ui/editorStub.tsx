// Stands in for the Lexical editor (tested on its own): shows whether it was given read-only, and
// lets a test report a live word count the way typing would.
import type { SectionEditorProps } from '../../renderer/editor/SectionEditor.js';

export function SectionEditor({ sectionId, sectionTitle, readOnly, onWordCount }: SectionEditorProps) {
  return (
    <div data-testid="editor" data-section={sectionId} data-readonly={String(readOnly)}>
      <div contentEditable={!readOnly} aria-label={`Text of ${sectionTitle}`} role="textbox" suppressContentEditableWarning />
      <button type="button" onClick={() => onWordCount?.(1234)}>
        simulate typing
      </button>
    </div>
  );
}
