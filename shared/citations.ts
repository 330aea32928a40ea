// Recommendation numbers written in the text as plain words ("as recommended in 140.18, the…"):
// what counts as one, for coverage (electron/services/recommendations.ts) and for the editor, which
// turns a number of this report's list into a citation when the word ends and marks one that is not
// in the list (renderer/editor/CitationPlugin.tsx).

/** A number such as 140.18: digits, one dot, digits, not part of a longer number or a dotted run (1.2.3). */
const NUMBER = /(?<![\d.])(\d{1,4}\.\d{1,4})(?![\d]|\.\d)/g;

/** Every number of that shape in `text`, with where it stands. */
export function numbersIn(text: string): Array<{ number: string; index: number }> {
  return [...text.matchAll(NUMBER)].map((m) => ({ number: m[1]!, index: m.index! }));
}

/** The numbers in `text` that are recommendations of the list, each once, in order of first mention. */
export function citedNumbers(text: string, known: ReadonlySet<string>): string[] {
  return [...new Set(numbersIn(text).map((n) => n.number).filter((n) => known.has(n)))];
}

/**
 * Whether `number` looks like one of the list's but is not in it: its part before the dot is that
 * of some recommendation (140.99 where the list has 140.1 to 140.230), so a slip, not "2.5 million".
 */
export function unknownNumber(number: string, known: ReadonlySet<string>, prefixes: ReadonlySet<string>): boolean {
  return !known.has(number) && prefixes.has(number.slice(0, number.indexOf('.')));
}

/** The parts before the dot of the list's numbers. */
export function numberPrefixes(known: Iterable<string>): Set<string> {
  return new Set([...known].map((n) => n.slice(0, n.indexOf('.'))).filter((p) => p !== ''));
}
