// A footnote: an inline marker in the text that carries the footnote's own text. The number is
// not stored: the editor numbers markers with a CSS counter and the export numbers them in order,
// so adding or deleting one renumbers the rest. Footnotes do not count against the word limit.
import {
  $applyNodeReplacement,
  DecoratorNode,
  type DOMConversionMap,
  type DOMExportOutput,
  type LexicalNode,
  type NodeKey,
  type SerializedLexicalNode,
  type Spread,
} from 'lexical';

export type SerializedFootnoteNode = Spread<{ text: string }, SerializedLexicalNode>;

export class FootnoteNode extends DecoratorNode<null> {
  __text: string;

  static override getType(): string {
    return 'footnote';
  }

  static override clone(node: FootnoteNode): FootnoteNode {
    return new FootnoteNode(node.__text, node.__key);
  }

  static override importJSON(json: SerializedFootnoteNode): FootnoteNode {
    return $createFootnoteNode(json.text);
  }

  static override importDOM(): DOMConversionMap | null {
    return {
      sup: (el: HTMLElement) =>
        el.classList.contains('footnote-ref')
          ? { conversion: () => ({ node: $createFootnoteNode(el.getAttribute('data-footnote') ?? '') }), priority: 1 }
          : null,
    };
  }

  constructor(text = '', key?: NodeKey) {
    super(key);
    this.__text = text;
  }

  override exportJSON(): SerializedFootnoteNode {
    return { ...super.exportJSON(), type: 'footnote', version: 1, text: this.__text };
  }

  getFootnoteText(): string {
    return this.getLatest().__text;
  }

  setFootnoteText(text: string): this {
    const self = this.getWritable();
    self.__text = text;
    return self;
  }

  override isInline(): boolean {
    return true;
  }

  override isKeyboardSelectable(): boolean {
    return true;
  }

  override getTextContent(): string {
    // Footnote text is not part of the body text (nor of its word count).
    return '';
  }

  override createDOM(): HTMLElement {
    const sup = document.createElement('sup');
    sup.className = 'footnote-ref';
    sup.setAttribute('data-footnote', this.__text);
    sup.title = this.__text;
    sup.setAttribute('role', 'note');
    sup.setAttribute('aria-label', `Footnote: ${this.__text}`);
    return sup;
  }

  override updateDOM(prev: FootnoteNode, dom: HTMLElement): boolean {
    if (prev.__text !== this.__text) {
      dom.setAttribute('data-footnote', this.__text);
      dom.title = this.__text;
      dom.setAttribute('aria-label', `Footnote: ${this.__text}`);
    }
    return false;
  }

  override exportDOM(): DOMExportOutput {
    const sup = document.createElement('sup');
    sup.className = 'footnote-ref';
    sup.setAttribute('data-footnote', this.__text);
    return { element: sup };
  }

  override decorate(): null {
    return null;
  }
}

export function $createFootnoteNode(text: string): FootnoteNode {
  return $applyNodeReplacement(new FootnoteNode(text));
}

export function $isFootnoteNode(node: LexicalNode | null | undefined): node is FootnoteNode {
  return node instanceof FootnoteNode;
}
