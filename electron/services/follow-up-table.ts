// The first text of a next report's section D, "Follow-up to the previous review": the
// recommendations received at the previous review counted by position and by status, and a table of
// every UPR recommendation with its position, the ministry responsible, its status and its latest
// progress note, for the drafters to turn into prose. Written in the report's language, with the
// positions and statuses named as the export names them (shared/report-words.ts).
import { IMPLEMENTATION_STATUSES, POSITIONS, type FullRecommendation, type ReportLanguage } from '../../shared/domain.js';
import { EXPORT_WORDS } from '../../shared/report-words.js';
import type { Block } from '../docs/blocks.js';

interface FollowUpWords {
  /** The opening paragraph; `positions` lists "Supported: 120" pairs, '' when no position is known. */
  received: (n: number, positions: string) => string;
  /** The second paragraph; `statuses` lists "Implemented: 12" pairs. */
  recorded: (date: string, statuses: string) => string;
  /** Introduces the table, and says it is to be drafted into prose. */
  table: string;
  responsible: string;
  lastNote: string;
  /** "Supported: 120", as the language writes a label and its figure. */
  pair: (label: string, n: number | string) => string;
  /** Between two pairs. */
  separator: string;
}

const WORDS: Record<ReportLanguage, FollowUpWords> = {
  en: {
    received: (n, positions) => `Recommendations received at the previous review: ${n}${positions && ` (${positions})`}.`,
    recorded: (date, statuses) => `Their implementation as recorded on ${date}: ${statuses}.`,
    table: 'The table below gives each recommendation with its position, the ministry responsible, its status and its latest progress note; it is to be drafted into prose.',
    responsible: 'Responsible ministry',
    lastNote: 'Latest progress note',
    pair: (label, n) => `${label}: ${n}`,
    separator: '; ',
  },
  fr: {
    received: (n, positions) => `Recommandations reçues lors de l’examen précédent : ${n}${positions && ` (${positions})`}.`,
    recorded: (date, statuses) => `Leur mise en œuvre au ${date} : ${statuses}.`,
    table: 'Le tableau ci-dessous donne chaque recommandation avec sa position, le ministère responsable, son état et la dernière note de suivi ; il est à rédiger sous forme de texte suivi.',
    responsible: 'Ministère responsable',
    lastNote: 'Dernière note de suivi',
    pair: (label, n) => `${label} : ${n}`,
    separator: ' ; ',
  },
  es: {
    received: (n, positions) => `Recomendaciones recibidas en el examen anterior: ${n}${positions && ` (${positions})`}.`,
    recorded: (date, statuses) => `Su aplicación según lo registrado al ${date}: ${statuses}.`,
    table: 'El cuadro siguiente presenta cada recomendación con su posición, el ministerio responsable, su estado y su nota de seguimiento más reciente; debe redactarse en forma de texto.',
    responsible: 'Ministerio responsable',
    lastNote: 'Nota de seguimiento más reciente',
    pair: (label, n) => `${label}: ${n}`,
    separator: '; ',
  },
  ar: {
    received: (n, positions) => `التوصيات الواردة في الاستعراض السابق: ${n}${positions && ` (${positions})`}.`,
    recorded: (date, statuses) => `حالة تنفيذها كما سُجلت في ${date}: ${statuses}.`,
    table: 'يعرض الجدول التالي كل توصية مع الموقف منها والوزارة المسؤولة عنها وحالتها وآخر ملاحظة عن التقدم المحرز؛ ويتعين تحويله إلى نص سردي.',
    responsible: 'الوزارة المسؤولة',
    lastNote: 'آخر ملاحظة عن التقدم المحرز',
    pair: (label, n) => `${label}: ${n}`,
    separator: '؛ ',
  },
  ru: {
    received: (n, positions) => `Рекомендации, полученные в ходе предыдущего обзора: ${n}${positions && ` (${positions})`}.`,
    recorded: (date, statuses) => `Их выполнение по состоянию на ${date}: ${statuses}.`,
    table: 'В таблице ниже приводится каждая рекомендация с позицией по ней, ответственным министерством, ее статусом и последней заметкой о ходе выполнения; таблицу следует переработать в связный текст.',
    responsible: 'Ответственное министерство',
    lastNote: 'Последняя заметка о ходе выполнения',
    pair: (label, n) => `${label}: ${n}`,
    separator: '; ',
  },
  zh: {
    received: (n, positions) => `上次审议收到的建议：${n}${positions && `（${positions}）`}。`,
    recorded: (date, statuses) => `截至${date}记录的落实情况：${statuses}。`,
    table: '下表列出每项建议及其立场、负责部委、落实情况和最新进展说明；应将其改写为叙述性文字。',
    responsible: '负责部委',
    lastNote: '最新进展说明',
    pair: (label, n) => `${label}：${n}`,
    separator: '；',
  },
};

/**
 * Section D's first text: the two paragraphs and the table, one row per UPR recommendation (other
 * mechanisms' recommendations are carried over but are not the review's to follow up).
 * `organizationName` names the responsible ministry; `today` is the day the figures are as of.
 */
export function followUpBlocks(
  recommendations: readonly FullRecommendation[],
  language: ReportLanguage,
  organizationName: (id: string) => string,
  today: string,
): Block[] {
  const words = WORDS[language];
  const exported = EXPORT_WORDS[language];
  // Notes share a few days; each day is put in words once.
  const days = new Map<string, string>();
  const day = (iso: string) => days.get(iso) ?? days.set(iso, exported.date(iso)).get(iso)!;
  const upr = recommendations.filter((r) => r.origin.mechanism === 'upr');
  const count = <T extends string>(values: readonly T[], of: (r: FullRecommendation) => T | null) => values.map((v) => [v, upr.filter((r) => of(r) === v).length] as const).filter(([, n]) => n > 0);
  const positions = count(POSITIONS, (r) => r.position).map(([p, n]) => words.pair(exported.positions[p], n));
  const statuses = count(IMPLEMENTATION_STATUSES, (r) => r.implementationStatus).map(([s, n]) => words.pair(exported.statuses[s], n));
  const h = exported.recommendationHeaders;
  const rows = upr.map((r) => {
    const note = r.notes.at(-1);
    return [
      r.number,
      r.text,
      r.position ? exported.positions[r.position] : '',
      r.responsibleOrganizationId ? organizationName(r.responsibleOrganizationId) : '',
      exported.statuses[r.implementationStatus],
      note ? (note.date ? words.pair(day(note.date), note.text) : note.text) : '',
    ];
  });
  return [
    { p: words.received(upr.length, positions.join(words.separator)) },
    ...(statuses.length ? [{ p: words.recorded(day(today), statuses.join(words.separator)) }] : []),
    { p: words.table },
    // The recommendation and its latest note get the room; the number, position, ministry and status little.
    { table: [[h.number, h.text, h.position, words.responsible, h.status, words.lastNote], ...rows], widths: [64, 150, 96, 88, 104, 100] },
  ];
}
