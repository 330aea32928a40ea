// The mid-term report's own words, in the report's language: its title, the introduction the app
// writes from the figures, the labels of each recommendation's follow-up and the annex's columns.
// Statuses, positions, dates and the masthead are the national report's (shared/report-words.ts).
// Figures follow a colon, so that no sentence needs a language's plural forms.
import type { ActionStatus, ReportLanguage } from '../../shared/domain.js';

export interface MidtermWords {
  /** A date in the text ("1 February 2026"), from an ISO day; UN Arabic documents write Western digits. */
  date: (iso: string) => string;
  /** The cycle the recommendations were received in, as the title says it ("third"). */
  cycle: (n: number) => string;
  /** The cover's title line, the country set on the line under it as UN documents do. */
  heading: (cycle: string) => string;
  /** The document's title (its properties, the window's title): the same, with the country. */
  title: (country: string, cycle: string) => string;
  introduction: string;
  /** "{date}", "{cycle}". */
  purpose: (date: string, cycle: string) => string;
  method: string;
  received: (n: number, supported: number, noted: number) => string;
  /** Recommendations with no position recorded, when any. */
  noPosition: (n: number) => string;
  /** A figure after its label ("implemented: 3"), and what comes between two of them. */
  figure: (label: string, n: number) => string;
  listSeparator: string;
  arrangement: string;
  implementation: string;
  /** The cluster of recommendations the country and the list gave none. */
  otherRecommendations: string;
  recommendation: (number: string) => string;
  /** One labelled fact of a recommendation, as a sentence: "Position: Supported." */
  fact: (label: string, value: string) => string;
  /** Between two facts (Chinese runs them on). */
  factSeparator: string;
  position: string;
  noPositionValue: string;
  responsible: string;
  contributing: string;
  notAssigned: string;
  status: string;
  progress: string;
  noProgress: string;
  /** A progress note: its date, the action it reports on (if any), its text. */
  dated: (date: string, text: string, action: string) => string;
  actions: string;
  clusterActions: string;
  /** An action: its title, status, lead and dates (each '' when not known). */
  action: (title: string, status: string, lead: string, from: string, to: string) => string;
  actionStatuses: Record<ActionStatus, string>;
  annexTitle: string;
  headers: { recommendation: string; states: string; position: string; status: string; progress: string; responsible: string };
}

const ORDINALS_EN = ['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth'];
const ORDINALS_FR = ['premier', 'deuxième', 'troisième', 'quatrième', 'cinquième', 'sixième', 'septième', 'huitième', 'neuvième', 'dixième'];
const ORDINALS_ES = ['primer', 'segundo', 'tercer', 'cuarto', 'quinto', 'sexto', 'séptimo', 'octavo', 'noveno', 'décimo'];
const ORDINALS_AR = ['الأولى', 'الثانية', 'الثالثة', 'الرابعة', 'الخامسة', 'السادسة', 'السابعة', 'الثامنة', 'التاسعة', 'العاشرة'];
const ORDINALS_RU = ['первого', 'второго', 'третьего', 'четвертого', 'пятого', 'шестого', 'седьмого', 'восьмого', 'девятого', 'десятого'];
const NUMERALS_ZH = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

const ordinal = (words: readonly string[], fallback: (n: number) => string) => (n: number) => words[n - 1] ?? fallback(n);
const inWords = (locale: string) => (iso: string) =>
  new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${iso}T00:00:00Z`));
const span = (from: string, to: string, dash = ' – ') => (from && to ? `${from}${dash}${to}` : from || to);

const en: MidtermWords = {
  date: inWords('en-GB'),
  cycle: ordinal(ORDINALS_EN, (n) => `${n}th`),
  heading: (c) => `Mid-term report on the implementation of the recommendations received in the ${c} cycle of the universal periodic review`,
  title: (country, c) => `Mid-term report of ${country} on the implementation of the recommendations received in the ${c} cycle of the universal periodic review`,
  introduction: 'Introduction',
  purpose: (date, c) => `The present mid-term report sets out the progress made, as of ${date}, in implementing the recommendations received in the ${c} cycle of the universal periodic review.`,
  method:
    'It was prepared from the follow-up recorded by the ministries and institutions responsible for each recommendation: its status of implementation, the actions of the national implementation plan and the dated reports of progress.',
  received: (n, s, o) => `Recommendations received: ${n}; supported: ${s}; noted: ${o}.`,
  noPosition: (n) => `Recommendations without a recorded position: ${n}.`,
  figure: (label, n) => `${label}: ${n}`,
  listSeparator: '; ',
  arrangement:
    'The recommendations are presented below by cluster: for each, its text and the recommending States, the position of the State, the institution responsible, the status of implementation and the progress made. The annex sets out the same in a matrix.',
  implementation: 'Implementation of the recommendations',
  otherRecommendations: 'Other recommendations',
  recommendation: (n) => `Recommendation ${n}`,
  fact: (label, value) => `${label}: ${value}.`,
  factSeparator: ' ',
  position: 'Position',
  noPositionValue: 'not recorded',
  responsible: 'Responsible institution',
  contributing: 'Contributing institutions',
  notAssigned: 'not assigned yet',
  status: 'Status of implementation',
  progress: 'Progress made',
  noProgress: 'No progress has been reported yet.',
  dated: (date, text, action) => `${date}${action ? ` (${action})` : ''}: ${text}`,
  actions: 'Actions taken',
  clusterActions: 'Actions for the cluster as a whole',
  action: (title, status, lead, from, to) => [`${title}: ${status}`, lead, span(from, to)].filter(Boolean).join('; '),
  actionStatuses: { planned: 'planned', under_way: 'under way', completed: 'completed', cancelled: 'cancelled' },
  annexTitle: 'Matrix of the recommendations and their implementation',
  headers: {
    recommendation: 'Recommendation (number and text)',
    states: 'Recommending State(s)',
    position: 'Position (supported or noted)',
    status: 'Status of implementation',
    progress: 'Actions taken / progress',
    responsible: 'Responsible institution(s)',
  },
};

const fr: MidtermWords = {
  date: inWords('fr'),
  cycle: ordinal(ORDINALS_FR, (n) => `${n}e`),
  heading: (c) => `Rapport à mi-parcours sur la mise en œuvre des recommandations reçues lors du ${c} cycle de l’Examen périodique universel`,
  title: (country, c) => `Rapport à mi-parcours sur la mise en œuvre des recommandations reçues lors du ${c} cycle de l’Examen périodique universel : ${country}`,
  introduction: 'Introduction',
  purpose: (date, c) => `Le présent rapport à mi-parcours expose les progrès accomplis, au ${date}, dans la mise en œuvre des recommandations reçues lors du ${c} cycle de l’Examen périodique universel.`,
  method:
    'Il a été établi à partir du suivi consigné par les ministères et institutions chargés de chaque recommandation : l’état de sa mise en œuvre, les actions du plan national de mise en œuvre et les comptes rendus datés des progrès accomplis.',
  received: (n, s, o) => `Recommandations reçues : ${n} ; acceptées : ${s} ; notées : ${o}.`,
  noPosition: (n) => `Recommandations dont la position n’est pas consignée : ${n}.`,
  figure: (label, n) => `${label} : ${n}`,
  listSeparator: ' ; ',
  arrangement:
    'Les recommandations sont présentées ci-après par groupe thématique : pour chacune, son texte et les États qui l’ont formulée, la position de l’État, l’institution chargée de sa mise en œuvre, l’état de celle-ci et les progrès accomplis. L’annexe reprend ces éléments sous forme de tableau.',
  implementation: 'Mise en œuvre des recommandations',
  otherRecommendations: 'Autres recommandations',
  recommendation: (n) => `Recommandation ${n}`,
  fact: (label, value) => `${label} : ${value}.`,
  factSeparator: ' ',
  position: 'Position',
  noPositionValue: 'non consignée',
  responsible: 'Institution chargée de la mise en œuvre',
  contributing: 'Institutions associées',
  notAssigned: 'pas encore désignée',
  status: 'État de la mise en œuvre',
  progress: 'Progrès accomplis',
  noProgress: 'Aucun progrès n’a encore été signalé.',
  dated: (date, text, action) => `${date}${action ? ` (${action})` : ''} : ${text}`,
  actions: 'Mesures prises',
  clusterActions: 'Mesures prises pour l’ensemble du groupe thématique',
  action: (title, status, lead, from, to) => [`${title} : ${status}`, lead, span(from, to)].filter(Boolean).join(' ; '),
  actionStatuses: { planned: 'prévue', under_way: 'en cours', completed: 'achevée', cancelled: 'annulée' },
  annexTitle: 'Tableau des recommandations et de leur mise en œuvre',
  headers: {
    recommendation: 'Recommandation (numéro et texte)',
    states: 'État(s) auteur(s)',
    position: 'Position (acceptée ou notée)',
    status: 'État de la mise en œuvre',
    progress: 'Mesures prises / progrès',
    responsible: 'Institution(s) responsable(s)',
  },
};

const es: MidtermWords = {
  date: inWords('es'),
  cycle: ordinal(ORDINALS_ES, (n) => `${n}.º`),
  heading: (c) => `Informe de mitad de período sobre la aplicación de las recomendaciones recibidas en el ${c} ciclo del examen periódico universal`,
  title: (country, c) => `Informe de mitad de período sobre la aplicación de las recomendaciones recibidas en el ${c} ciclo del examen periódico universal: ${country}`,
  introduction: 'Introducción',
  purpose: (date, c) => `El presente informe de mitad de período expone los progresos realizados, al ${date}, en la aplicación de las recomendaciones recibidas en el ${c} ciclo del examen periódico universal.`,
  method:
    'Se preparó a partir del seguimiento registrado por los ministerios e instituciones responsables de cada recomendación: el estado de su aplicación, las medidas del plan nacional de aplicación y los informes fechados de los progresos realizados.',
  received: (n, s, o) => `Recomendaciones recibidas: ${n}; aceptadas: ${s}; anotadas: ${o}.`,
  noPosition: (n) => `Recomendaciones sin posición registrada: ${n}.`,
  figure: (label, n) => `${label}: ${n}`,
  listSeparator: '; ',
  arrangement:
    'Las recomendaciones se presentan a continuación por grupo temático: para cada una, su texto y los Estados recomendantes, la posición del Estado, la institución responsable, el estado de la aplicación y los progresos realizados. El anexo recoge lo mismo en un cuadro.',
  implementation: 'Aplicación de las recomendaciones',
  otherRecommendations: 'Otras recomendaciones',
  recommendation: (n) => `Recomendación ${n}`,
  fact: (label, value) => `${label}: ${value}.`,
  factSeparator: ' ',
  position: 'Posición',
  noPositionValue: 'no registrada',
  responsible: 'Institución responsable',
  contributing: 'Instituciones que contribuyen',
  notAssigned: 'aún no designada',
  status: 'Estado de la aplicación',
  progress: 'Progresos realizados',
  noProgress: 'Todavía no se ha informado de ningún progreso.',
  dated: (date, text, action) => `${date}${action ? ` (${action})` : ''}: ${text}`,
  actions: 'Medidas adoptadas',
  clusterActions: 'Medidas adoptadas para el grupo temático en su conjunto',
  action: (title, status, lead, from, to) => [`${title}: ${status}`, lead, span(from, to)].filter(Boolean).join('; '),
  actionStatuses: { planned: 'prevista', under_way: 'en curso', completed: 'concluida', cancelled: 'cancelada' },
  annexTitle: 'Cuadro de las recomendaciones y su aplicación',
  headers: {
    recommendation: 'Recomendación (número y texto)',
    states: 'Estado(s) recomendante(s)',
    position: 'Posición (aceptada o anotada)',
    status: 'Estado de la aplicación',
    progress: 'Medidas adoptadas / progresos',
    responsible: 'Institución(es) responsable(s)',
  },
};

const ar: MidtermWords = {
  date: inWords('ar-u-nu-latn'),
  cycle: ordinal(ORDINALS_AR, (n) => String(n)),
  heading: (c) => `تقرير منتصف المدة عن تنفيذ التوصيات الواردة في الجولة ${c} من الاستعراض الدوري الشامل`,
  title: (country, c) => `تقرير منتصف المدة عن تنفيذ التوصيات الواردة في الجولة ${c} من الاستعراض الدوري الشامل: ${country}`,
  introduction: 'مقدمة',
  purpose: (date, c) => `يعرض تقرير منتصف المدة هذا التقدم المحرز، حتى ${date}، في تنفيذ التوصيات الواردة في الجولة ${c} من الاستعراض الدوري الشامل.`,
  method: 'وقد أُعد استناداً إلى المتابعة التي سجلتها الوزارات والمؤسسات المسؤولة عن كل توصية: حالة تنفيذها، وإجراءات خطة التنفيذ الوطنية، والتقارير المؤرخة عن التقدم المحرز.',
  received: (n, s, o) => `التوصيات الواردة: ${n}؛ المؤيَّدة: ${s}؛ المحاط بها علماً: ${o}.`,
  noPosition: (n) => `التوصيات التي لم يُسجَّل موقف بشأنها: ${n}.`,
  figure: (label, n) => `${label}: ${n}`,
  listSeparator: '؛ ',
  arrangement:
    'وتُعرض التوصيات أدناه مجمعة حسب المواضيع: لكل توصية نصها والدول المقدمة لها، وموقف الدولة، والمؤسسة المسؤولة، وحالة التنفيذ، والتقدم المحرز. ويتضمن المرفق المعلومات نفسها في جدول.',
  implementation: 'تنفيذ التوصيات',
  otherRecommendations: 'توصيات أخرى',
  recommendation: (n) => `التوصية ${n}`,
  fact: (label, value) => `${label}: ${value}.`,
  factSeparator: ' ',
  position: 'الموقف',
  noPositionValue: 'غير مسجَّل',
  responsible: 'المؤسسة المسؤولة',
  contributing: 'المؤسسات المساهمة',
  notAssigned: 'لم تُحدَّد بعد',
  status: 'حالة التنفيذ',
  progress: 'التقدم المحرز',
  noProgress: 'لم يُبلَّغ عن أي تقدم بعد.',
  dated: (date, text, action) => `${date}${action ? ` (${action})` : ''}: ${text}`,
  actions: 'الإجراءات المتخذة',
  clusterActions: 'الإجراءات المتخذة للمجموعة المواضيعية ككل',
  action: (title, status, lead, from, to) => [`${title}: ${status}`, lead, span(from, to)].filter(Boolean).join('؛ '),
  actionStatuses: { planned: 'مقرَّر', under_way: 'جارٍ', completed: 'مكتمل', cancelled: 'ملغى' },
  annexTitle: 'مصفوفة التوصيات وتنفيذها',
  headers: {
    recommendation: 'التوصية (الرقم والنص)',
    states: 'الدولة (الدول) المقدمة للتوصية',
    position: 'الموقف (مؤيَّدة أو أُحيط بها علماً)',
    status: 'حالة التنفيذ',
    progress: 'الإجراءات المتخذة / التقدم المحرز',
    responsible: 'المؤسسة (المؤسسات) المسؤولة',
  },
};

const ru: MidtermWords = {
  date: inWords('ru'),
  cycle: ordinal(ORDINALS_RU, (n) => `${n}-го`),
  heading: (c) => `Среднесрочный доклад об осуществлении рекомендаций, полученных в ходе ${c} цикла универсального периодического обзора`,
  title: (country, c) => `Среднесрочный доклад об осуществлении рекомендаций, полученных в ходе ${c} цикла универсального периодического обзора: ${country}`,
  introduction: 'Введение',
  purpose: (date, c) => `В настоящем среднесрочном докладе излагается прогресс, достигнутый по состоянию на ${date} в осуществлении рекомендаций, полученных в ходе ${c} цикла универсального периодического обзора.`,
  method:
    'Он подготовлен на основе сведений о последующих мерах, внесенных министерствами и учреждениями, ответственными за каждую рекомендацию: состояние ее выполнения, мероприятия национального плана осуществления и датированные сообщения о достигнутом прогрессе.',
  received: (n, s, o) => `Полученные рекомендации: ${n}; поддержанные: ${s}; принятые к сведению: ${o}.`,
  noPosition: (n) => `Рекомендации без зарегистрированной позиции: ${n}.`,
  figure: (label, n) => `${label}: ${n}`,
  listSeparator: '; ',
  arrangement:
    'Ниже рекомендации представлены по тематическим группам: для каждой — ее текст и рекомендовавшие государства, позиция государства, ответственное учреждение, состояние выполнения и достигнутый прогресс. В приложении те же сведения приводятся в виде таблицы.',
  implementation: 'Осуществление рекомендаций',
  otherRecommendations: 'Прочие рекомендации',
  recommendation: (n) => `Рекомендация ${n}`,
  fact: (label, value) => `${label}: ${value}.`,
  factSeparator: ' ',
  position: 'Позиция',
  noPositionValue: 'не зарегистрирована',
  responsible: 'Ответственное учреждение',
  contributing: 'Участвующие учреждения',
  notAssigned: 'пока не назначено',
  status: 'Состояние выполнения',
  progress: 'Достигнутый прогресс',
  noProgress: 'Сообщений о прогрессе пока нет.',
  dated: (date, text, action) => `${date}${action ? ` (${action})` : ''}: ${text}`,
  actions: 'Принятые меры',
  clusterActions: 'Меры, принятые по тематической группе в целом',
  action: (title, status, lead, from, to) => [`${title}: ${status}`, lead, span(from, to)].filter(Boolean).join('; '),
  actionStatuses: { planned: 'запланировано', under_way: 'выполняется', completed: 'завершено', cancelled: 'отменено' },
  annexTitle: 'Матрица рекомендаций и их выполнения',
  headers: {
    recommendation: 'Рекомендация (номер и текст)',
    states: 'Рекомендовавшее(ие) государство(а)',
    position: 'Позиция (поддержана или принята к сведению)',
    status: 'Состояние выполнения',
    progress: 'Принятые меры / прогресс',
    responsible: 'Ответственное(ые) учреждение(я)',
  },
};

const zh: MidtermWords = {
  date: inWords('zh'),
  cycle: ordinal(NUMERALS_ZH, (n) => String(n)),
  heading: (c) => `关于落实普遍定期审议第${c}轮所提建议情况的中期报告`,
  title: (country, c) => `${country}关于落实普遍定期审议第${c}轮所提建议情况的中期报告`,
  introduction: '导言',
  purpose: (date, c) => `本中期报告介绍截至${date}在落实普遍定期审议第${c}轮所提建议方面取得的进展。`,
  method: '本报告依据负责各项建议的部委和机构所记录的后续行动编写：建议的落实情况、国家落实计划中的行动以及注明日期的进展报告。',
  received: (n, s, o) => `收到的建议：${n}；支持：${s}；注意到：${o}。`,
  noPosition: (n) => `未记录立场的建议：${n}。`,
  figure: (label, n) => `${label}：${n}`,
  listSeparator: '；',
  arrangement: '下文按专题组列出各项建议：每项建议的案文和提出建议的国家、国家立场、负责机构、落实情况和取得的进展。附件以表格形式列出相同内容。',
  implementation: '建议的落实情况',
  otherRecommendations: '其他建议',
  recommendation: (n) => `建议${n}`,
  fact: (label, value) => `${label}：${value}。`,
  factSeparator: '',
  position: '立场',
  noPositionValue: '未记录',
  responsible: '负责机构',
  contributing: '协作机构',
  notAssigned: '尚未指定',
  status: '落实情况',
  progress: '取得的进展',
  noProgress: '尚未报告任何进展。',
  dated: (date, text, action) => `${date}${action ? `（${action}）` : ''}：${text}`,
  actions: '已采取的行动',
  clusterActions: '针对整个专题组采取的行动',
  action: (title, status, lead, from, to) => [`${title}：${status}`, lead, span(from, to, '至')].filter(Boolean).join('；'),
  actionStatuses: { planned: '已计划', under_way: '进行中', completed: '已完成', cancelled: '已取消' },
  annexTitle: '建议及其落实情况矩阵',
  headers: {
    recommendation: '建议（编号和案文）',
    states: '提出建议的国家',
    position: '立场（支持或注意到）',
    status: '落实情况',
    progress: '已采取的行动/进展',
    responsible: '负责机构',
  },
};

export const MIDTERM_WORDS: Record<ReportLanguage, MidtermWords> = { en, fr, es, ar, ru, zh };
