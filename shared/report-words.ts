// Words the app itself writes into the report (not its interface): the consultation log table put in
// a section, and the export's cover and annexes. They follow the report's language, not the reader's.
import type { Distribution, ImplementationStatus, InputChannel, InputDisposition, OrganizationKind, Position, ReportLanguage } from './domain.js';

export interface LogWords {
  headers: { number: string; source: string; date: string; channel: string; title: string; disposition: string };
  kinds: Record<OrganizationKind, string>;
  channels: Record<InputChannel, string>;
  dispositions: Record<InputDisposition, string>;
  /** For an input whose disposition is not yet recorded. */
  undecided: string;
}

const en: LogWords = {
  headers: { number: 'No.', source: 'Source', date: 'Date', channel: 'Channel', title: 'Input', disposition: 'How it was taken into account' },
  kinds: { ministry: 'Ministry', agency: 'Government agency', nhri: 'National human rights institution', civil_society: 'Civil society', un_entity: 'United Nations', other: 'Other' },
  channels: {
    written_submission: 'Written submission',
    public_consultation: 'Public consultation',
    meeting: 'Meeting',
    email: 'Email',
    online_form: 'Online form',
    other: 'Other',
  },
  dispositions: { reflected: 'Reflected', partly_reflected: 'Partly reflected', not_reflected: 'Not reflected' },
  undecided: 'Under consideration',
};

const fr: LogWords = {
  headers: { number: 'No', source: 'Source', date: 'Date', channel: 'Voie', title: 'Contribution', disposition: 'Suite donnée' },
  kinds: {
    ministry: 'Ministère',
    agency: 'Organisme public',
    nhri: 'Institution nationale des droits de l’homme',
    civil_society: 'Société civile',
    un_entity: 'Nations Unies',
    other: 'Autre',
  },
  channels: {
    written_submission: 'Contribution écrite',
    public_consultation: 'Consultation publique',
    meeting: 'Réunion',
    email: 'Courrier électronique',
    online_form: 'Formulaire en ligne',
    other: 'Autre',
  },
  dispositions: { reflected: 'Prise en compte', partly_reflected: 'Prise en compte en partie', not_reflected: 'Non prise en compte' },
  undecided: 'À l’examen',
};

const es: LogWords = {
  headers: { number: 'N.º', source: 'Fuente', date: 'Fecha', channel: 'Vía', title: 'Contribución', disposition: 'Cómo se tuvo en cuenta' },
  kinds: {
    ministry: 'Ministerio',
    agency: 'Organismo público',
    nhri: 'Institución nacional de derechos humanos',
    civil_society: 'Sociedad civil',
    un_entity: 'Naciones Unidas',
    other: 'Otra',
  },
  channels: {
    written_submission: 'Contribución escrita',
    public_consultation: 'Consulta pública',
    meeting: 'Reunión',
    email: 'Correo electrónico',
    online_form: 'Formulario en línea',
    other: 'Otra',
  },
  dispositions: { reflected: 'Reflejada', partly_reflected: 'Reflejada en parte', not_reflected: 'No reflejada' },
  undecided: 'En examen',
};

const ar: LogWords = {
  headers: { number: 'الرقم', source: 'المصدر', date: 'التاريخ', channel: 'القناة', title: 'المساهمة', disposition: 'كيفية مراعاتها' },
  kinds: {
    ministry: 'وزارة',
    agency: 'هيئة حكومية',
    nhri: 'المؤسسة الوطنية لحقوق الإنسان',
    civil_society: 'المجتمع المدني',
    un_entity: 'الأمم المتحدة',
    other: 'أخرى',
  },
  channels: {
    written_submission: 'مساهمة مكتوبة',
    public_consultation: 'مشاورة عامة',
    meeting: 'اجتماع',
    email: 'بريد إلكتروني',
    online_form: 'استمارة إلكترونية',
    other: 'أخرى',
  },
  dispositions: { reflected: 'رُوعيت', partly_reflected: 'رُوعيت جزئياً', not_reflected: 'لم تُراعَ' },
  undecided: 'قيد النظر',
};

const ru: LogWords = {
  headers: { number: '№', source: 'Источник', date: 'Дата', channel: 'Канал', title: 'Материал', disposition: 'Как учтено' },
  kinds: {
    ministry: 'Министерство',
    agency: 'Государственное ведомство',
    nhri: 'Национальное правозащитное учреждение',
    civil_society: 'Гражданское общество',
    un_entity: 'Организация Объединенных Наций',
    other: 'Другое',
  },
  channels: {
    written_submission: 'Письменный материал',
    public_consultation: 'Общественные консультации',
    meeting: 'Встреча',
    email: 'Электронная почта',
    online_form: 'Онлайн-форма',
    other: 'Другое',
  },
  dispositions: { reflected: 'Учтено', partly_reflected: 'Учтено частично', not_reflected: 'Не учтено' },
  undecided: 'На рассмотрении',
};

const zh: LogWords = {
  headers: { number: '编号', source: '来源', date: '日期', channel: '渠道', title: '意见', disposition: '采纳情况' },
  kinds: { ministry: '部委', agency: '政府机构', nhri: '国家人权机构', civil_society: '民间社会', un_entity: '联合国', other: '其他' },
  channels: {
    written_submission: '书面意见',
    public_consultation: '公众咨询',
    meeting: '会议',
    email: '电子邮件',
    online_form: '在线表格',
    other: '其他',
  },
  dispositions: { reflected: '已采纳', partly_reflected: '部分采纳', not_reflected: '未采纳' },
  undecided: '审议中',
};

export const LOG_WORDS: Record<ReportLanguage, LogWords> = { en, fr, es, ar, ru, zh };

/** Is this a consultation log's header row, in any of the report languages (the app put the table in)? */
export function isLogHeader(cells: readonly string[]): boolean {
  return Object.values(LOG_WORDS).some((words) => {
    const h = words.headers;
    const header = [h.number, h.source, h.date, h.channel, h.title, h.disposition];
    return header.length === cells.length && header.every((text, i) => text === cells[i]?.trim());
  });
}

/**
 * The consultation log told in a few sentences, for section A when the full log is the inputs
 * annex (so that it is not counted twice against the word limit). Written without plurals, which
 * differ from one language to the next: each figure follows a colon.
 */
export interface LogSummaryWords {
  /** The paragraph's opening, up to the number of inputs: how the app knows a summary it put in. */
  received: string;
  between: string;
  contributors: string;
  outcome: string;
  annexed: string;
}

export const LOG_SUMMARY_WORDS: Record<ReportLanguage, LogSummaryWords> = {
  en: {
    received: 'Inputs received during the consultations: {{n}}.',
    between: 'They were received between {{from}} and {{to}}.',
    contributors: 'Organizations and institutions that contributed: {{n}}.',
    outcome: 'Reflected in the report: {{reflected}}; partly reflected: {{partly}}; not reflected: {{not}}; under consideration: {{pending}}.',
    annexed: 'The full list, with how each input was taken into account, is annexed to the present report.',
  },
  fr: {
    received: 'Contributions reçues lors des consultations : {{n}}.',
    between: 'Elles ont été reçues entre le {{from}} et le {{to}}.',
    contributors: 'Organisations et institutions ayant contribué : {{n}}.',
    outcome: 'Prises en compte dans le rapport : {{reflected}} ; en partie : {{partly}} ; non prises en compte : {{not}} ; à l’examen : {{pending}}.',
    annexed: 'La liste complète, avec la suite donnée à chaque contribution, est annexée au présent rapport.',
  },
  es: {
    received: 'Contribuciones recibidas durante las consultas: {{n}}.',
    between: 'Se recibieron entre el {{from}} y el {{to}}.',
    contributors: 'Organizaciones e instituciones que contribuyeron: {{n}}.',
    outcome: 'Reflejadas en el informe: {{reflected}}; reflejadas en parte: {{partly}}; no reflejadas: {{not}}; en examen: {{pending}}.',
    annexed: 'La lista completa, con el curso dado a cada contribución, figura en el anexo del presente informe.',
  },
  ar: {
    received: 'المساهمات الواردة خلال المشاورات: {{n}}.',
    between: 'وقد وردت في الفترة من {{from}} إلى {{to}}.',
    contributors: 'المنظمات والمؤسسات التي أسهمت: {{n}}.',
    outcome: 'ما أُخذ به في التقرير: {{reflected}}؛ وما أُخذ به جزئياً: {{partly}}؛ وما لم يُؤخذ به: {{not}}؛ وما هو قيد النظر: {{pending}}.',
    annexed: 'وترد في مرفق هذا التقرير القائمة الكاملة مع بيان كيفية مراعاة كل مساهمة.',
  },
  ru: {
    received: 'Материалы, полученные в ходе консультаций: {{n}}.',
    between: 'Они поступили в период с {{from}} по {{to}}.',
    contributors: 'Организации и учреждения, представившие материалы: {{n}}.',
    outcome: 'Учтены в докладе: {{reflected}}; учтены частично: {{partly}}; не учтены: {{not}}; на рассмотрении: {{pending}}.',
    annexed: 'Полный перечень с указанием того, как был учтен каждый материал, приводится в приложении к настоящему докладу.',
  },
  zh: {
    received: '磋商期间收到的意见：{{n}}。',
    between: '收到时间为{{from}}至{{to}}。',
    contributors: '提供意见的组织和机构：{{n}}。',
    outcome: '已在报告中采纳：{{reflected}}；部分采纳：{{partly}}；未采纳：{{not}}；正在审议：{{pending}}。',
    annexed: '完整清单及每份意见的处理情况载于本报告附件。',
  },
};

/** Is this paragraph a summary of the log the app put in (it opens as one does, in any language)? */
export function isLogSummary(text: string): boolean {
  return Object.values(LOG_SUMMARY_WORDS).some((words) => text.startsWith(words.received.slice(0, words.received.indexOf('{{n}}'))));
}

/** The export's own words: the cover block, the annexes' titles and columns, positions and statuses. */
export interface ExportWords {
  organization: string;
  council: string;
  workingGroup: string;
  submitted: string;
  /** The masthead's distribution line, as UN documents in this language print it. */
  distribution: Record<Distribution, string>;
  /** "Original: English": the report's own language is its original. */
  original: string;
  /** The masthead's date ("12 February 2027"), from an ISO day. */
  date: (iso: string) => string;
  /** A draft's watermark, and the line at the foot of its pages. */
  draftWatermark: string;
  draftFooter: (label: string, date: string) => string;
  /** "Annex I", "Annex II": the label before an annex's title, given its roman number. */
  annex: (roman: string) => string;
  recommendationsTitle: string;
  recommendationHeaders: { theme: string; number: string; text: string; states: string; position: string; status: string; sections: string };
  /** The cluster of a recommendation the list gives none for. */
  noTheme: string;
  positions: Record<Position, string>;
  statuses: Record<ImplementationStatus, string>;
  inputsTitle: string;
  noRecommendations: string;
  noInputs: string;
}

const exportEn: ExportWords = {
  organization: 'United Nations',
  council: 'Human Rights Council',
  workingGroup: 'Working Group on the Universal Periodic Review',
  submitted: 'National report submitted in accordance with paragraph 5 of the annex to Human Rights Council resolution 16/21',
  distribution: { general: 'Distr.: General', limited: 'Distr.: Limited', restricted: 'Distr.: Restricted' },
  original: 'Original: English',
  date: (iso) => new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${iso}T00:00:00Z`)),
  draftWatermark: 'DRAFT',
  draftFooter: (label, date) => `Draft: ${label}, ${date}`,
  annex: (n) => `Annex ${n}`,
  recommendationsTitle: 'Recommendations received in the previous cycle and their follow-up',
  noTheme: 'Other',
  recommendationHeaders: { theme: 'Theme', number: 'No.', text: 'Recommendation', states: 'Recommending States', position: 'Position', status: 'Implementation', sections: 'Addressed in' },
  positions: { supported: 'Supported', noted: 'Noted' },
  statuses: { not_started: 'Not started', in_progress: 'In progress', partially_implemented: 'Partially implemented', implemented: 'Implemented', not_applicable: 'Not applicable' },
  inputsTitle: 'Consultation inputs and how they were taken into account',
  noRecommendations: 'No recommendations have been recorded.',
  noInputs: 'No consultation inputs have been recorded.',
};

const exportFr: ExportWords = {
  organization: 'Nations Unies',
  council: 'Conseil des droits de l’homme',
  workingGroup: 'Groupe de travail sur l’Examen périodique universel',
  submitted: 'Rapport national soumis conformément au paragraphe 5 de l’annexe à la résolution 16/21 du Conseil des droits de l’homme',
  distribution: { general: 'Distr. générale', limited: 'Distr. limitée', restricted: 'Distr. restreinte' },
  original: 'Original : français',
  date: (iso) => new Intl.DateTimeFormat('fr', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${iso}T00:00:00Z`)),
  draftWatermark: 'PROJET',
  draftFooter: (label, date) => `Projet : ${label}, ${date}`,
  annex: (n) => `Annexe ${n}`,
  recommendationsTitle: 'Recommandations reçues lors du cycle précédent et suite donnée',
  noTheme: 'Autres',
  recommendationHeaders: { theme: 'Thème', number: 'No', text: 'Recommandation', states: 'États auteurs', position: 'Position', status: 'Mise en œuvre', sections: 'Traitée dans' },
  positions: { supported: 'Acceptée', noted: 'Notée' },
  statuses: { not_started: 'Non commencée', in_progress: 'En cours', partially_implemented: 'Partiellement mise en œuvre', implemented: 'Mise en œuvre', not_applicable: 'Sans objet' },
  inputsTitle: 'Contributions reçues lors des consultations et suite donnée',
  noRecommendations: 'Aucune recommandation n’a été enregistrée.',
  noInputs: 'Aucune contribution n’a été enregistrée.',
};

const exportEs: ExportWords = {
  organization: 'Naciones Unidas',
  council: 'Consejo de Derechos Humanos',
  workingGroup: 'Grupo de Trabajo sobre el Examen Periódico Universal',
  submitted: 'Informe nacional presentado con arreglo al párrafo 5 del anexo de la resolución 16/21 del Consejo de Derechos Humanos',
  distribution: { general: 'Distr. general', limited: 'Distr. limitada', restricted: 'Distr. reservada' },
  original: 'Original: español',
  date: (iso) => new Intl.DateTimeFormat('es', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${iso}T00:00:00Z`)),
  draftWatermark: 'BORRADOR',
  draftFooter: (label, date) => `Borrador: ${label}, ${date}`,
  annex: (n) => `Anexo ${n}`,
  recommendationsTitle: 'Recomendaciones recibidas en el ciclo anterior y su seguimiento',
  noTheme: 'Otros',
  recommendationHeaders: { theme: 'Tema', number: 'N.º', text: 'Recomendación', states: 'Estados recomendantes', position: 'Posición', status: 'Aplicación', sections: 'Tratada en' },
  positions: { supported: 'Aceptada', noted: 'Anotada' },
  statuses: { not_started: 'No iniciada', in_progress: 'En curso', partially_implemented: 'Aplicada en parte', implemented: 'Aplicada', not_applicable: 'No procede' },
  inputsTitle: 'Contribuciones recibidas en las consultas y cómo se tuvieron en cuenta',
  noRecommendations: 'No se ha registrado ninguna recomendación.',
  noInputs: 'No se ha registrado ninguna contribución.',
};

const exportAr: ExportWords = {
  organization: 'الأمم المتحدة',
  council: 'مجلس حقوق الإنسان',
  workingGroup: 'الفريق العامل المعني بالاستعراض الدوري الشامل',
  submitted: 'تقرير وطني مقدم وفقاً للفقرة 5 من مرفق قرار مجلس حقوق الإنسان 16/21',
  distribution: { general: 'Distr.: General', limited: 'Distr.: Limited', restricted: 'Distr.: Restricted' },
  original: 'Original: Arabic',
  date: (iso) => new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${iso}T00:00:00Z`)),
  draftWatermark: 'مسودة',
  draftFooter: (label, date) => `مسودة: ${label}، ${date}`,
  annex: (n) => `المرفق ${n}`,
  recommendationsTitle: 'التوصيات الواردة في الجولة السابقة ومتابعتها',
  noTheme: 'مواضيع أخرى',
  recommendationHeaders: { theme: 'الموضوع', number: 'الرقم', text: 'التوصية', states: 'الدول المقدمة للتوصية', position: 'الموقف', status: 'التنفيذ', sections: 'تناولها في' },
  positions: { supported: 'مؤيَّدة', noted: 'أُحيط بها علماً' },
  statuses: { not_started: 'لم يبدأ', in_progress: 'جارٍ', partially_implemented: 'نُفذت جزئياً', implemented: 'نُفذت', not_applicable: 'لا ينطبق' },
  inputsTitle: 'المساهمات الواردة في المشاورات وكيفية مراعاتها',
  noRecommendations: 'لم تُسجَّل أي توصيات.',
  noInputs: 'لم تُسجَّل أي مساهمات.',
};

const exportRu: ExportWords = {
  organization: 'Организация Объединенных Наций',
  council: 'Совет по правам человека',
  workingGroup: 'Рабочая группа по универсальному периодическому обзору',
  submitted: 'Национальный доклад, представленный в соответствии с пунктом 5 приложения к резолюции 16/21 Совета по правам человека',
  distribution: { general: 'Distr.: General', limited: 'Distr.: Limited', restricted: 'Distr.: Restricted' },
  original: 'Original: Russian',
  date: (iso) => new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${iso}T00:00:00Z`)),
  draftWatermark: 'ПРОЕКТ',
  draftFooter: (label, date) => `Проект: ${label}, ${date}`,
  annex: (n) => `Приложение ${n}`,
  recommendationsTitle: 'Рекомендации, полученные в ходе предыдущего цикла, и их выполнение',
  noTheme: 'Прочее',
  recommendationHeaders: { theme: 'Тема', number: '№', text: 'Рекомендация', states: 'Государства', position: 'Позиция', status: 'Выполнение', sections: 'Где рассмотрена' },
  positions: { supported: 'Поддержана', noted: 'Принята к сведению' },
  statuses: { not_started: 'Не начато', in_progress: 'В процессе', partially_implemented: 'Выполнена частично', implemented: 'Выполнена', not_applicable: 'Неприменимо' },
  inputsTitle: 'Материалы, полученные в ходе консультаций, и их учет',
  noRecommendations: 'Рекомендации не зарегистрированы.',
  noInputs: 'Материалы не зарегистрированы.',
};

const exportZh: ExportWords = {
  organization: '联合国',
  council: '人权理事会',
  workingGroup: '普遍定期审议工作组',
  submitted: '根据人权理事会第16/21号决议附件第5段提交的国家报告',
  distribution: { general: 'Distr.: General', limited: 'Distr.: Limited', restricted: 'Distr.: Restricted' },
  original: 'Original: Chinese',
  date: (iso) => new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${iso}T00:00:00Z`)),
  draftWatermark: '草稿',
  draftFooter: (label, date) => `草稿：${label}，${date}`,
  annex: (n) => `附件${n}`,
  recommendationsTitle: '上一轮收到的建议及其落实情况',
  noTheme: '其他',
  recommendationHeaders: { theme: '主题', number: '编号', text: '建议', states: '提出建议的国家', position: '立场', status: '落实情况', sections: '涉及章节' },
  positions: { supported: '支持', noted: '注意到' },
  statuses: { not_started: '尚未开始', in_progress: '进行中', partially_implemented: '部分落实', implemented: '已落实', not_applicable: '不适用' },
  inputsTitle: '磋商中收到的意见及采纳情况',
  noRecommendations: '未记录任何建议。',
  noInputs: '未记录任何意见。',
};

export const EXPORT_WORDS: Record<ReportLanguage, ExportWords> = { en: exportEn, fr: exportFr, es: exportEs, ar: exportAr, ru: exportRu, zh: exportZh };
