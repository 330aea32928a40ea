import { describe, expect, it } from 'vitest';
import { countWords } from '../../shared/words.js';

describe('countWords counts as Word and OHCHR do', () => {
  it.each([
    ['', 0],
    ['   ', 0],
    ['The State accepted recommendation 115.23.', 5],
    ['well-being of persons with disabilities', 5],
    ['Article 5 (a) – see above', 5],
    ['— – -', 0],
    ['line one\nline two\n\nline three', 6],
    ['الحق في التعليم مكفول للجميع', 5],
    ['Право на образование', 3],
  ])('%j has %i words', (text, n) => {
    expect(countWords(text)).toBe(n);
  });

  it('counts Chinese by word segments, not by spaces', () => {
    expect(countWords('人权理事会')).toBeGreaterThan(1);
  });
});
