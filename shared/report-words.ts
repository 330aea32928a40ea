// Words the app itself writes into the report (not its interface): the consultation log table put in
// a section, and later the export's annexes. They follow the report's language, not the reader's.
import type { InputChannel, InputDisposition, OrganizationKind, ReportLanguage } from './domain.js';

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
