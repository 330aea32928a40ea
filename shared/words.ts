// One word count for the whole app: editor counters, the export check and `upr info`.
// It counts as Word and OHCHR do: a run of characters between spaces is one word when it holds
// a letter or a digit ("115.23", "well-being" and "(a)" are one word each; a lone dash is none).
// Scripts written without spaces (Chinese, Japanese, Thai) are counted per word segment.

const HAS_WORD_CHAR = /[\p{L}\p{N}]/u;
const NO_SPACE_SCRIPT = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;

let segmenter: Intl.Segmenter | null = null;

export function countWords(text: string): number {
  let count = 0;
  for (const token of text.split(/\s+/u)) {
    if (token === '' || !HAS_WORD_CHAR.test(token)) continue;
    if (NO_SPACE_SCRIPT.test(token)) {
      segmenter ??= new Intl.Segmenter(undefined, { granularity: 'word' });
      for (const seg of segmenter.segment(token)) if (seg.isWordLike) count++;
    } else {
      count++;
    }
  }
  return count;
}
