// Review annotations in a section's text are Lexical mark nodes carrying comment ids. These pure
// functions work on the serialized editor state: the text without annotations (what export and
// print use, and what a comment's anchor may not change), the ids still anchored, and the passage
// a comment marks.
import type { SerializedEditorState, SerializedLexicalNode } from 'lexical';

interface NodeJSON extends SerializedLexicalNode {
  children?: NodeJSON[];
  text?: string;
  format?: number | string;
  style?: string;
  mode?: string;
  detail?: number;
  ids?: string[];
}

const isMark = (n: NodeJSON): boolean => n.type === 'mark';

function sameRun(a: NodeJSON, b: NodeJSON): boolean {
  return (
    a.type === 'text' &&
    b.type === 'text' &&
    a.format === b.format &&
    a.style === b.style &&
    a.detail === b.detail &&
    a.mode === 'normal' &&
    b.mode === 'normal'
  );
}

function cleanChildren(children: readonly NodeJSON[]): NodeJSON[] {
  const out: NodeJSON[] = [];
  for (const child of children) {
    const parts = isMark(child) ? cleanChildren(child.children ?? []) : [child.children ? { ...child, children: cleanChildren(child.children) } : child];
    for (const part of parts) {
      const last = out[out.length - 1];
      // Unwrapping a mark leaves text runs side by side that Lexical would hold as one node.
      if (last && sameRun(last, part)) out[out.length - 1] = { ...last, text: (last.text ?? '') + (part.text ?? '') };
      else out.push(part);
    }
  }
  return out;
}

/**
 * The section's text with every review annotation removed: marks unwrapped, the text runs they
 * split joined again. Comment bodies never live in the text, so this is the text as the report
 * reads; two states that differ only in annotations give equal results.
 */
export function withoutAnnotations(state: SerializedEditorState): SerializedEditorState {
  const root = state.root as unknown as NodeJSON;
  return { ...state, root: { ...root, children: cleanChildren(root.children ?? []) } as never };
}

function walk(node: NodeJSON, visit: (n: NodeJSON, marks: readonly string[], block: number) => void, marks: readonly string[] = [], block = -1): void {
  for (const [i, child] of (node.children ?? []).entries()) {
    const b = block < 0 ? i : block;
    const inner = isMark(child) ? [...marks, ...(child.ids ?? [])] : marks;
    visit(child, inner, b);
    walk(child, visit, inner, b);
  }
}

/** The comment ids anchored somewhere in the text. */
export function anchoredIds(state: SerializedEditorState): Set<string> {
  const ids = new Set<string>();
  walk(state.root as unknown as NodeJSON, (n) => {
    if (isMark(n)) for (const id of n.ids ?? []) ids.add(id);
  });
  return ids;
}

/** The passage comment `id` marks, as plain text; its parts in different paragraphs on separate lines. */
export function markedPassage(state: SerializedEditorState, id: string): string {
  const parts: Array<{ block: number; text: string }> = [];
  walk(state.root as unknown as NodeJSON, (n, marks, block) => {
    if (n.type !== 'text' || !marks.includes(id)) return;
    const last = parts[parts.length - 1];
    if (last && last.block === block) last.text += n.text ?? '';
    else parts.push({ block, text: n.text ?? '' });
  });
  return parts.map((p) => p.text).join('\n');
}
