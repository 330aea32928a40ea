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

/** "115.23" before "115.100", and "7.2" before "115.1": numbers compare part by part. */
export function compareNumbers(a: string, b: string): number {
  return a.localeCompare(b, 'en', { numeric: true });
}

const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/**
 * Whether a recommendation answers a search: a number ("115.2") matches the numbers that start with
 * it; words match the text, States, cluster and themes, every word somewhere, accents ignored.
 */
export function matchesSearch(r: Recommendation, query: string): boolean {
  const q = query.trim();
  if (!q) return true;
  if (/^\d+(\.\d*)?$/.test(q)) return r.number.startsWith(q);
  const haystack = fold([r.number, r.text, r.states.join(' '), r.origin.body, r.origin.documentSymbol, r.cluster, r.countryCluster, r.themes.join(' ')].join(' '));
  return fold(q)
    .split(/\s+/)
    .every((word) => haystack.includes(word));
}

export function filterRecommendations(list: readonly Recommendation[], f: RecommendationFilters): Recommendation[] {
  return list.filter(
    (r) =>
      (f.mechanism === null || r.origin.mechanism === f.mechanism) &&
      (f.cluster === null || clusterOf(r) === f.cluster) &&
      (f.theme === null || r.themes.includes(f.theme)) &&
      (f.state === null || r.states.includes(f.state)) &&
      (f.position === null || (r.position ?? 'none') === f.position) &&
      (f.status === null || r.implementationStatus === f.status) &&
      (f.organizationId === null || (r.responsibleOrganizationId ?? 'none') === f.organizationId) &&
      matchesSearch(r, f.text),
  );
}

export function sortByNumber(list: readonly Recommendation[]): Recommendation[] {
  return [...list].sort((a, b) => compareNumbers(a.number, b.number));
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
  return [...seen.keys()].sort((a, b) => a.localeCompare(b, locale)).map((v) => ({ id: v, label: count ? count(v, seen.get(v)!) : v }));
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
