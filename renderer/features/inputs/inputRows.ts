// What the inputs view shows, worked out from the list: the filters and the text search, themes as
// typed in the register dialog, file sizes and kinds, and how an attachment may be opened safely.
import type { ConsultationInput, InputChannel, InputDisposition, OrganizationKind } from '../../../shared/domain.js';

export interface InputFilters {
  text: string;
  /** The source organization's kind, or 'none' for inputs with no source given. */
  kind: OrganizationKind | 'none' | null;
  channel: InputChannel | null;
  /** 'none' for inputs not decided yet. */
  disposition: InputDisposition | 'none' | null;
}

export const NO_FILTERS: InputFilters = { text: '', kind: null, channel: null, disposition: null };

export function hasFilters(f: InputFilters): boolean {
  return f.text.trim() !== '' || f.kind !== null || f.channel !== null || f.disposition !== null;
}

const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/** Every word somewhere in the title, source, summary, themes or full text, accents ignored. */
export function matchesText(input: ConsultationInput, query: string): boolean {
  const q = fold(query.trim());
  if (!q) return true;
  const haystack = fold([input.title, input.sourceOrganizationName, input.summary, input.themes.join(' '), input.fullText].join(' '));
  return q.split(/\s+/).every((word) => haystack.includes(word));
}

export function filterInputs(list: readonly ConsultationInput[], f: InputFilters): ConsultationInput[] {
  return list.filter(
    (i) =>
      (f.kind === null || (i.sourceKind ?? 'none') === f.kind) &&
      (f.channel === null || i.channel === f.channel) &&
      (f.disposition === null || (i.disposition ?? 'none') === f.disposition) &&
      matchesText(i, f.text),
  );
}

/** "Health, Education; Women" → ["Health", "Education", "Women"]: commas (Arabic ones too), semicolons or lines. */
export function parseThemes(typed: string): string[] {
  const seen = new Set<string>();
  for (const part of typed.split(/[,;،\n]/)) {
    const theme = part.trim();
    if (theme) seen.add(theme);
  }
  return [...seen];
}

/** "12 KB", "3.4 MB" in the interface's language. */
export function formatSize(bytes: number, locale: string): string {
  const [value, unit] = bytes < 1024 ? [bytes, 'byte'] : bytes < 1024 * 1024 ? [bytes / 1024, 'kilobyte'] : [bytes / (1024 * 1024), 'megabyte'];
  return new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: unit === 'byte' ? 'long' : 'short', maximumFractionDigits: value < 10 && unit !== 'byte' ? 1 : 0 }).format(value);
}

export type FileKind = 'pdf' | 'word' | 'text' | 'csv' | 'markdown' | 'spreadsheet' | 'image' | 'email';

const extensionOf = (name: string) => name.slice(name.lastIndexOf('.') + 1).toLowerCase();

/** What a person would call the file, or null when only its media type says. */
export function fileKind(mediaType: string, name: string): FileKind | null {
  const type = mediaType.toLowerCase();
  const ext = extensionOf(name);
  if (type === 'application/pdf') return 'pdf';
  if (type === 'application/msword' || type.includes('wordprocessingml') || type === 'application/vnd.oasis.opendocument.text' || type === 'application/rtf') return 'word';
  if (type === 'text/csv' || ext === 'csv') return 'csv';
  if (type === 'text/markdown' || ext === 'md' || ext === 'markdown') return 'markdown';
  if (type === 'text/plain' || ext === 'txt') return 'text';
  if (type.includes('spreadsheetml') || type === 'application/vnd.ms-excel' || type === 'application/vnd.oasis.opendocument.spreadsheet') return 'spreadsheet';
  if (type.startsWith('image/')) return 'image';
  if (type === 'message/rfc822') return 'email';
  return null;
}

/** Images a browser draws without running anything in them (SVG can hold scripts, so it is not one). */
const DRAWN_IMAGES = new Set(['image/png', 'image/jpeg', 'image/gif', 'image/webp', 'image/bmp']);

/**
 * How an attachment opens in the app: plain text, CSV and Markdown as text; raster images as an
 * image; anything else (PDF, Word, HTML, SVG) only saved as a copy, never rendered.
 */
export function viewOf(mediaType: string, name: string): 'text' | 'image' | 'pdf' | 'save' {
  const type = mediaType.toLowerCase();
  if (DRAWN_IMAGES.has(type)) return 'image';
  const kind = fileKind(type, name);
  if ((kind === 'text' || kind === 'csv' || kind === 'markdown') && !type.includes('html')) return 'text';
  if (kind === 'pdf') return 'pdf';
  return 'save';
}

/** An ISO instant's day in the person's own time zone, as the ISO date the formatters take. */
export function dayOf(instant: string): string {
  const d = new Date(instant);
  if (Number.isNaN(d.getTime())) return '';
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}
