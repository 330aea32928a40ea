export declare function countWords(text: string): number;
