// A reference to a recommendation in the text: an inline chip showing its number ("115.23"). The
// number is the text (it is what the report says and counts as one word); the recommendation's
// own text is shown on hover by the editor, and export writes the number alone. The sections a
// recommendation is addressed in are derived from these references (plus explicit links).
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

export type SerializedRecommendationRefNode = Spread<{ number: string }, SerializedLexicalNode>;

export class RecommendationRefNode extends DecoratorNode<null> {
  __number: string;

  static override getType(): string {
    return 'recommendation-ref';
  }

  static override clone(node: RecommendationRefNode): RecommendationRefNode {
    return new RecommendationRefNode(node.__number, node.__key);
  }

  static override importJSON(json: SerializedRecommendationRefNode): RecommendationRefNode {
    return $createRecommendationRefNode(json.number);
  }

  static override importDOM(): DOMConversionMap | null {
    return {
      span: (el: HTMLElement) =>
        el.hasAttribute('data-recommendation')
          ? { conversion: () => ({ node: $createRecommendationRefNode(el.getAttribute('data-recommendation') ?? '') }), priority: 1 }
          : null,
    };
  }

  constructor(number = '', key?: NodeKey) {
    super(key);
    this.__number = number;
  }

  override exportJSON(): SerializedRecommendationRefNode {
    return { ...super.exportJSON(), type: 'recommendation-ref', version: 1, number: this.__number };
  }

  getNumber(): string {
    return this.getLatest().__number;
  }

  override isInline(): boolean {
    return true;
  }

  override isKeyboardSelectable(): boolean {
    return true;
  }

  override getTextContent(): string {
    return this.__number;
  }

  override createDOM(): HTMLElement {
    const span = document.createElement('span');
    span.className = 'rec-ref';
    span.setAttribute('data-recommendation', this.__number);
    span.textContent = this.__number;
    return span;
  }

  override updateDOM(prev: RecommendationRefNode, dom: HTMLElement): boolean {
    if (prev.__number !== this.__number) {
      dom.setAttribute('data-recommendation', this.__number);
      dom.textContent = this.__number;
    }
    return false;
  }

  override exportDOM(): DOMExportOutput {
    // In an exported report a reference is just its number.
    return { element: document.createTextNode(this.__number) as unknown as HTMLElement };
  }

  override decorate(): null {
    return null;
  }
}

export function $createRecommendationRefNode(number: string): RecommendationRefNode {
  return $applyNodeReplacement(new RecommendationRefNode(number));
}

export function $isRecommendationRefNode(node: LexicalNode | null | undefined): node is RecommendationRefNode {
  return node instanceof RecommendationRefNode;
}
