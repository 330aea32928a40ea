// Recommendation numbers in plain text (shared/citations.ts): what counts as one.
import { describe, expect, it } from 'vitest';
import { citedNumbers, numberPrefixes, numbersIn, unknownNumber } from '../../shared/citations.js';

describe('numbers in the text', () => {
  it('are digits, one dot and digits, not part of a longer number or a dotted run', () => {
    expect(numbersIn('See 140.18, (141.2) and 140.18. Not 1.2.3, 3,5 or 12345.6; v2.5 is one.').map((n) => n.number)).toEqual(['140.18', '141.2', '140.18', '2.5']);
  });

  it('cite a recommendation when the list has the number, each once, in order', () => {
    const known = new Set(['140.18', '141.2', '140.1']);
    expect(citedNumbers('140.1 then 141.2, 140.18 and 141.2 again; 140.180 is not one.', known)).toEqual(['140.1', '141.2', '140.18']);
  });

  it('are a slip when they look like the list’s and are not in it, not when they are a measure', () => {
    const known = new Set(['140.18', '141.2']);
    const prefixes = numberPrefixes(known);
    expect(unknownNumber('140.99', known, prefixes)).toBe(true);
    expect(unknownNumber('140.18', known, prefixes)).toBe(false);
    expect(unknownNumber('2.5', known, prefixes)).toBe(false);
  });
});
