import { DecoratorNode, type DOMConversionMap, type DOMExportOutput, type LexicalNode, type NodeKey, type SerializedLexicalNode, type Spread } from 'lexical';
export type SerializedFootnoteNode = Spread<{
    text: string;
}, SerializedLexicalNode>;
export declare class FootnoteNode extends DecoratorNode<null> {
    __text: string;
    static getType(): string;
    static clone(node: FootnoteNode): FootnoteNode;
    static importJSON(json: SerializedFootnoteNode): FootnoteNode;
    static importDOM(): DOMConversionMap | null;
    constructor(text?: string, key?: NodeKey);
    exportJSON(): SerializedFootnoteNode;
    getFootnoteText(): string;
    setFootnoteText(text: string): this;
    isInline(): boolean;
    isKeyboardSelectable(): boolean;
    getTextContent(): string;
    createDOM(): HTMLElement;
    updateDOM(prev: FootnoteNode, dom: HTMLElement): boolean;
    exportDOM(): DOMExportOutput;
    decorate(): null;
}
export declare function $createFootnoteNode(text: string): FootnoteNode;
export declare function $isFootnoteNode(node: LexicalNode | null | undefined): node is FootnoteNode;
