import type { Klass, LexicalNode } from 'lexical';
export declare const SECTION_NODES: ReadonlyArray<Klass<LexicalNode>>;
/** The Yjs shared type that holds a section's text (Lexical's default root name). */
export declare const SECTION_ROOT = "root";
