// One word count for the whole app: editor counters, the export check and `upr info`. The report's
// words against the limit are its sections' text and their headings ("B. Normative framework"), as
// OHCHR counts the body of the document; footnotes and annexes are not counted.
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

/** The words of a section's heading as the exported report writes it: "A." or "1." and the title. */
export function headingWords(label: string, title: string): number {
  const parts = label.split('.');
  return countWords(`${parts[parts.length - 1]}. ${title}`);
}

/** The report body's words: every section's text and heading (what the limit counts). */
export function reportWords(sections: ReadonlyArray<{ label: string; title: string; words: number }>): number {
  return sections.reduce((sum, s) => sum + s.words + headingWords(s.label, s.title), 0);
}
