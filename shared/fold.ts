// Text folded as the report's search folds it (accents and case ignored), keeping where each folded
// letter came from, so that a match in the folded text is a place in the original.

export function foldWithPlaces(text: string): { folded: string; at: number[] } {
  let folded = '';
  const at: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const base = text[i]!.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
    for (let k = 0; k < base.length; k++) {
      folded += base[k];
      at.push(i);
    }
  }
  at.push(text.length);
  return { folded, at };
}

/** Where `query` occurs in `text`, accents and case ignored: [start, end) in `text`, in order. */
export function foldedOccurrences(text: string, query: string): Array<[number, number]> {
  const wanted = foldWithPlaces(query).folded;
  if (!wanted) return [];
  const { folded, at } = foldWithPlaces(text);
  const found: Array<[number, number]> = [];
  for (let i = folded.indexOf(wanted); i >= 0; i = folded.indexOf(wanted, i + wanted.length)) found.push([at[i]!, at[i + wanted.length - 1]! + 1]);
  return found;
}
