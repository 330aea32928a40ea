// What the recommendations view shows, worked out from the list: the filters, the choices they
// offer, the order of recommendation numbers, the text search the view and the editor's citing
// dialog share, and the coverage of the supported recommendations.
import { addressedIn, clusterOf, type ImplementationStatus, type Mechanism, type Position, type Recommendation } from '../../../shared/domain.js';

export interface RecommendationFilters {
  text: string;
  mechanism: Mechanism | null;
  cluster: string | null;
  theme: string | null;
  state: string | null;
  /** 'none' for recommendations without a position. */
  position: Position | 'none' | null;
  status: ImplementationStatus | null;
  /** An organization id, or 'none' for recommendations nobody is responsible for yet. */
  organizationId: string | null;
}

export const NO_FILTERS: RecommendationFilters = { text: '', mechanism: null, cluster: null, theme: null, state: null, position: null, status: null, organizationId: null };

export function hasFilters(f: RecommendationFilters): boolean {
  return f.text.trim() !== '' || f.mechanism !== null || f.cluster !== null || f.theme !== null || f.state !== null || f.position !== null || f.status !== null || f.organizationId !== null;
}

// One collator for every comparison: `localeCompare` with options makes one each time (thousands a sort).
const NUMBERS = new Intl.Collator('en', { numeric: true });

/** "115.23" before "115.100", and "7.2" before "115.1": numbers compare part by part. */
export function compareNumbers(a: string, b: string): number {
  return NUMBERS.compare(a, b);
}

const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/**
 * What answers a search: a number ("115.2") matches the numbers that start with it; words match the
 * text, States, body, symbol, cluster and themes, every word somewhere, accents ignored.
 */
export function searchFor(query: string): (r: Recommendation) => boolean {
  const q = query.trim();
  if (!q) return () => true;
  if (/^\d+(\.\d*)?$/.test(q)) return (r) => r.number.startsWith(q);
  const words = fold(q).split(/\s+/);
  return (r) => {
    const haystack = haystackOf(r);
    return words.every((word) => haystack.includes(word));
  };
}

/** Whether a recommendation answers a search (see `searchFor`, which a filter over many uses). */
export function matchesSearch(r: Recommendation, query: string): boolean {
  return searchFor(query)(r);
}

// The folded words of each recommendation, worked out once per loaded list (a reload brings new
// objects), on the first search or ahead of it (`prepareSearch`).
const haystacks = new WeakMap<Recommendation, string>();
function haystackOf(r: Recommendation): string {
  let found = haystacks.get(r);
  if (found === undefined) {
    found = fold([r.number, r.text, r.states.join(' '), r.origin.body, r.origin.documentSymbol, r.cluster, r.countryCluster, r.themes.join(' ')].join(' '));
    haystacks.set(r, found);
  }
  return found;
}

/** Folds the list's words for searching ahead of the first search, while the person is not typing. */
export function prepareSearch(list: readonly Recommendation[]): () => void {
  let at = 0;
  let handle = 0;
  const step = (deadline?: IdleDeadline) => {
    // In idle time while it lasts; without idle callbacks, 500 at a time.
    const end = deadline ? list.length : at + 500;
    while (at < end && at < list.length && (!deadline || deadline.timeRemaining() > 1)) haystackOf(list[at++]!);
    if (at < list.length) handle = schedule(step);
  };
  const schedule = (fn: (deadline?: IdleDeadline) => void) =>
    typeof requestIdleCallback === 'function' ? requestIdleCallback(fn) : (setTimeout(fn, 0) as unknown as number);
  handle = schedule(step);
  return () => (typeof cancelIdleCallback === 'function' ? cancelIdleCallback(handle) : clearTimeout(handle));
}

export function filterRecommendations(list: readonly Recommendation[], f: RecommendationFilters): Recommendation[] {
  const search = searchFor(f.text);
  return list.filter(
    (r) =>
      (f.mechanism === null || r.origin.mechanism === f.mechanism) &&
      (f.cluster === null || clusterOf(r) === f.cluster) &&
      (f.theme === null || r.themes.includes(f.theme)) &&
      (f.state === null || r.states.includes(f.state)) &&
      (f.position === null || (r.position ?? 'none') === f.position) &&
      (f.status === null || r.implementationStatus === f.status) &&
      (f.organizationId === null || (r.responsibleOrganizationId ?? 'none') === f.organizationId) &&
      search(r),
  );
}

export function sortByNumber(list: readonly Recommendation[]): Recommendation[] {
  // The main process sends them in this order already: checked in one pass, sorted only when not.
  const sorted = list.every((r, i) => i === 0 || compareNumbers(list[i - 1]!.number, r.number) <= 0);
  return sorted ? [...list] : [...list].sort((a, b) => compareNumbers(a.number, b.number));
}

/**
 * Every distinct value of one field, sorted, as choices for a filter; with `count`, each label says
 * how many recommendations have it ("Prevention of torture (8)").
 */
export function distinct(
  list: readonly Recommendation[],
  values: (r: Recommendation) => readonly string[],
  locale: string,
  count?: (value: string, n: number) => string,
): Array<{ id: string; label: string }> {
  const seen = new Map<string, number>();
  for (const r of list) for (const v of new Set(values(r))) if (v) seen.set(v, (seen.get(v) ?? 0) + 1);
  const collator = new Intl.Collator(locale);
  return [...seen.keys()].sort(collator.compare).map((v) => ({ id: v, label: count ? count(v, seen.get(v)!) : v }));
}

export interface Coverage {
  supported: number;
  addressed: Recommendation[];
  missing: Recommendation[];
}

/** The supported recommendations, split into those some section addresses and those none does yet. */
export function coverageOf(list: readonly Recommendation[]): Coverage {
  const supported = sortByNumber(list.filter((r) => r.position === 'supported'));
  return {
    supported: supported.length,
    addressed: supported.filter((r) => addressedIn(r).length > 0),
    missing: supported.filter((r) => addressedIn(r).length === 0),
  };
}
