// Numbers, dates and word counts written the way the interface language writes them.
import { useTranslation } from 'react-i18next';

/** Today's date in the person's own time zone, as the ISO date the report stores. */
export function todayIso(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

// Each language's formats, made once: the Intl constructors are slow enough to show when many
// components ask for them at every drawing.
const formats = new Map<string, { number: Intl.NumberFormat; percent: Intl.NumberFormat; date: Intl.DateTimeFormat }>();
function formatsOf(lng: string) {
  let found = formats.get(lng);
  if (!found) {
    found = {
      number: new Intl.NumberFormat(lng),
      percent: new Intl.NumberFormat(lng, { style: 'percent', maximumFractionDigits: 0 }),
      date: new Intl.DateTimeFormat(lng, { dateStyle: 'medium', timeZone: 'UTC' }),
    };
    formats.set(lng, found);
  }
  return found;
}

export function useFormat() {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const { number: numberFormat, percent: percentFormat, date: dateFormat } = formatsOf(lng);
  const number = (n: number) => numberFormat.format(n);
  return {
    number,
    /** "42%" for 0.42, as the language writes it. */
    percent: (share: number) => percentFormat.format(share),
    /** "12 Mar 2025" for "2025-03-12"; '' stays ''. */
    date: (iso: string) => (iso ? dateFormat.format(new Date(`${iso}T00:00:00Z`)) : ''),
    /** "1,234 words". */
    words: (n: number) => t('words.count', { count: n, n: number(n) }),
    /** "2,345 / 10,700 words", or "2,345 words" when there is no limit. */
    wordsOf: (n: number, limit: number | null) =>
      limit === null ? t('words.count', { count: n, n: number(n) }) : t('words.ofLimit', { count: limit, n: number(n), limit: number(limit) }),
  };
}

/** A file's name without its folders, whichever separator the system uses. */
export function fileName(file: string): string {
  return file.split(/[\\/]/).pop() ?? file;
}
