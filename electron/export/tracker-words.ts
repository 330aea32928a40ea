// The public tracker's own words (headings, labels, filters), in the report's language: the site
// speaks to the public of the country whose report it is, not in the interface's language. The
// names of statuses, positions, dispositions and channels are the report's own (shared/report-words.ts).
import type { Mechanism, ReportLanguage } from '../../shared/domain.js';

export interface TrackerWords {
  /** The site's name under the country's: what it is about. */
  site: string;
  skip: string;
  pages: string;
  recommendationsPage: string;
  consultationPage: string;
  recommendationsTitle: string;
  recommendationsIntro: string;
  /** "{date}": when the site was written. */
  updated: string;
  summaryTitle: string;
  /** "{n}": how many recommendations are published. */
  total: string;
  filtersTitle: string;
  search: string;
  theme: string;
  allThemes: string;
  ministry: string;
  allMinistries: string;
  mechanism: string;
  allMechanisms: string;
  status: string;
  allStatuses: string;
  showAll: string;
  /** "{shown}" of "{total}": written without plurals, the figures after a colon. */
  shown: string;
  noMatch: string;
  listTitle: string;
  noRecommendations: string;
  states: string;
  position: string;
  source: string;
  /** "{symbol}", "{paragraph}". */
  paragraph: string;
  themes: string;
  groups: string;
  sdgs: string;
  lead: string;
  contributors: string;
  progress: string;
  noProgress: string;
  mechanisms: Record<Mechanism, string>;
  consultationTitle: string;
  consultationIntro: string;
  consultationSummary: string;
  youSaid: string;
  weDid: string;
  from: string;
  received: string;
  channel: string;
  where: string;
  inReport: string;
  inRecommendations: string;
  notNamed: string;
  noInputs: string;
  dataTitle: string;
  dataText: string;
  recommendationsData: string;
  consultationData: string;
}

const en: TrackerWords = {
  site: 'Human rights recommendations: follow-up',
  skip: 'Skip to the content',
  pages: 'Pages',
  recommendationsPage: 'Recommendations',
  consultationPage: 'Consultation: you said, we did',
  recommendationsTitle: 'Recommendations and their implementation',
  recommendationsIntro:
    'The recommendations the country received from the international human rights mechanisms that the Government publishes here, where each stands and what has been done about it.',
  updated: 'Last updated: {date}.',
  summaryTitle: 'Where the recommendations stand',
  total: 'Recommendations published: {n}.',
  filtersTitle: 'Filter the recommendations',
  search: 'Words or number',
  theme: 'Theme',
  allThemes: 'All themes',
  ministry: 'Ministry',
  allMinistries: 'All ministries',
  mechanism: 'Mechanism',
  allMechanisms: 'All mechanisms',
  status: 'Status',
  allStatuses: 'All statuses',
  showAll: 'Show all',
  shown: 'Recommendations shown: {shown} of {total}.',
  noMatch: 'No recommendation matches these filters.',
  listTitle: 'The recommendations',
  noRecommendations: 'No recommendation has been published yet.',
  states: 'Recommended by',
  position: 'Position of the State',
  source: 'Source',
  paragraph: '{symbol}, paragraph {paragraph}',
  themes: 'Themes',
  groups: 'Affected persons',
  sdgs: 'Sustainable Development Goals',
  lead: 'Lead ministry',
  contributors: 'Also contributing',
  progress: 'Progress',
  noProgress: 'No progress has been published yet.',
  mechanisms: { upr: 'Universal Periodic Review', treaty_body: 'Treaty body', special_procedure: 'Special procedure' },
  consultationTitle: 'Consultation: you said, we did',
  consultationIntro: 'What organizations told the Government during the consultations on the national report, how it was taken into account, and where.',
  consultationSummary: 'How the inputs were taken into account',
  youSaid: 'You said',
  weDid: 'We did',
  from: 'From',
  received: 'Received',
  channel: 'Channel',
  where: 'Where',
  inReport: 'In the report',
  inRecommendations: 'Recommendations',
  notNamed: 'Not named',
  noInputs: 'No consultation input has been published yet.',
  dataTitle: 'Open data',
  dataText: 'The same information, to reuse:',
  recommendationsData: 'recommendations (JSON)',
  consultationData: 'consultation (JSON)',
};

const fr: TrackerWords = {
  site: 'Recommandations relatives aux droits de l’homme : suivi',
  skip: 'Aller au contenu',
  pages: 'Pages',
  recommendationsPage: 'Recommandations',
  consultationPage: 'Consultation : vous avez dit, nous avons fait',
  recommendationsTitle: 'Les recommandations et leur mise en œuvre',
  recommendationsIntro:
    'Les recommandations reçues des mécanismes internationaux des droits de l’homme que le Gouvernement publie ici, où en est chacune et ce qui a été fait.',
  updated: 'Dernière mise à jour : {date}.',
  summaryTitle: 'Où en sont les recommandations',
  total: 'Recommandations publiées : {n}.',
  filtersTitle: 'Filtrer les recommandations',
  search: 'Mots ou numéro',
  theme: 'Thème',
  allThemes: 'Tous les thèmes',
  ministry: 'Ministère',
  allMinistries: 'Tous les ministères',
  mechanism: 'Mécanisme',
  allMechanisms: 'Tous les mécanismes',
  status: 'État',
  allStatuses: 'Tous les états',
  showAll: 'Tout afficher',
  shown: 'Recommandations affichées : {shown} sur {total}.',
  noMatch: 'Aucune recommandation ne correspond à ces filtres.',
  listTitle: 'Les recommandations',
  noRecommendations: 'Aucune recommandation n’a encore été publiée.',
  states: 'Recommandée par',
  position: 'Position de l’État',
  source: 'Source',
  paragraph: '{symbol}, paragraphe {paragraph}',
  themes: 'Thèmes',
  groups: 'Personnes concernées',
  sdgs: 'Objectifs de développement durable',
  lead: 'Ministère chef de file',
  contributors: 'Contribuent aussi',
  progress: 'Avancement',
  noProgress: 'Aucun avancement n’a encore été publié.',
  mechanisms: { upr: 'Examen périodique universel', treaty_body: 'Organe conventionnel', special_procedure: 'Procédure spéciale' },
  consultationTitle: 'Consultation : vous avez dit, nous avons fait',
  consultationIntro:
    'Ce que les organisations ont dit au Gouvernement lors des consultations sur le rapport national, la suite qui y a été donnée, et où.',
  consultationSummary: 'La suite donnée aux contributions',
  youSaid: 'Vous avez dit',
  weDid: 'Nous avons fait',
  from: 'De',
  received: 'Reçue',
  channel: 'Voie',
  where: 'Où',
  inReport: 'Dans le rapport',
  inRecommendations: 'Recommandations',
  notNamed: 'Non précisé',
  noInputs: 'Aucune contribution n’a encore été publiée.',
  dataTitle: 'Données ouvertes',
  dataText: 'Les mêmes informations, à réutiliser :',
  recommendationsData: 'recommandations (JSON)',
  consultationData: 'consultation (JSON)',
};

const es: TrackerWords = {
  site: 'Recomendaciones de derechos humanos: seguimiento',
  skip: 'Ir al contenido',
  pages: 'Páginas',
  recommendationsPage: 'Recomendaciones',
  consultationPage: 'Consulta: ustedes dijeron, nosotros hicimos',
  recommendationsTitle: 'Las recomendaciones y su aplicación',
  recommendationsIntro:
    'Las recomendaciones recibidas de los mecanismos internacionales de derechos humanos que el Gobierno publica aquí, en qué punto está cada una y qué se ha hecho.',
  updated: 'Última actualización: {date}.',
  summaryTitle: 'En qué punto están las recomendaciones',
  total: 'Recomendaciones publicadas: {n}.',
  filtersTitle: 'Filtrar las recomendaciones',
  search: 'Palabras o número',
  theme: 'Tema',
  allThemes: 'Todos los temas',
  ministry: 'Ministerio',
  allMinistries: 'Todos los ministerios',
  mechanism: 'Mecanismo',
  allMechanisms: 'Todos los mecanismos',
  status: 'Estado',
  allStatuses: 'Todos los estados',
  showAll: 'Mostrar todas',
  shown: 'Recomendaciones mostradas: {shown} de {total}.',
  noMatch: 'Ninguna recomendación coincide con estos filtros.',
  listTitle: 'Las recomendaciones',
  noRecommendations: 'Todavía no se ha publicado ninguna recomendación.',
  states: 'Recomendada por',
  position: 'Posición del Estado',
  source: 'Fuente',
  paragraph: '{symbol}, párrafo {paragraph}',
  themes: 'Temas',
  groups: 'Personas afectadas',
  sdgs: 'Objetivos de Desarrollo Sostenible',
  lead: 'Ministerio responsable',
  contributors: 'También contribuyen',
  progress: 'Avances',
  noProgress: 'Todavía no se han publicado avances.',
  mechanisms: { upr: 'Examen Periódico Universal', treaty_body: 'Órgano de tratado', special_procedure: 'Procedimiento especial' },
  consultationTitle: 'Consulta: ustedes dijeron, nosotros hicimos',
  consultationIntro: 'Lo que las organizaciones dijeron al Gobierno en las consultas sobre el informe nacional, cómo se tuvo en cuenta y dónde.',
  consultationSummary: 'Cómo se tuvieron en cuenta las contribuciones',
  youSaid: 'Ustedes dijeron',
  weDid: 'Nosotros hicimos',
  from: 'De',
  received: 'Recibida',
  channel: 'Vía',
  where: 'Dónde',
  inReport: 'En el informe',
  inRecommendations: 'Recomendaciones',
  notNamed: 'No indicada',
  noInputs: 'Todavía no se ha publicado ninguna contribución.',
  dataTitle: 'Datos abiertos',
  dataText: 'La misma información, para reutilizarla:',
  recommendationsData: 'recomendaciones (JSON)',
  consultationData: 'consulta (JSON)',
};

const ar: TrackerWords = {
  site: 'توصيات حقوق الإنسان: المتابعة',
  skip: 'الانتقال إلى المحتوى',
  pages: 'الصفحات',
  recommendationsPage: 'التوصيات',
  consultationPage: 'المشاورات: ما قلتموه وما فعلناه',
  recommendationsTitle: 'التوصيات وتنفيذها',
  recommendationsIntro: 'التوصيات الواردة من الآليات الدولية لحقوق الإنسان التي تنشرها الحكومة هنا، ومرحلة تنفيذ كل منها وما اتُّخذ بشأنها.',
  updated: 'آخر تحديث: {date}.',
  summaryTitle: 'أين وصلت التوصيات',
  total: 'التوصيات المنشورة: {n}.',
  filtersTitle: 'تصفية التوصيات',
  search: 'كلمات أو رقم',
  theme: 'الموضوع',
  allThemes: 'جميع المواضيع',
  ministry: 'الوزارة',
  allMinistries: 'جميع الوزارات',
  mechanism: 'الآلية',
  allMechanisms: 'جميع الآليات',
  status: 'الحالة',
  allStatuses: 'جميع الحالات',
  showAll: 'عرض الكل',
  shown: 'التوصيات المعروضة: {shown} من {total}.',
  noMatch: 'لا توجد توصية تطابق عوامل التصفية هذه.',
  listTitle: 'التوصيات',
  noRecommendations: 'لم تُنشر أي توصية بعد.',
  states: 'الدول المقدمة للتوصية',
  position: 'موقف الدولة',
  source: 'المصدر',
  paragraph: '{symbol}، الفقرة {paragraph}',
  themes: 'المواضيع',
  groups: 'الأشخاص المعنيون',
  sdgs: 'أهداف التنمية المستدامة',
  lead: 'الوزارة الرائدة',
  contributors: 'تسهم أيضاً',
  progress: 'التقدم المحرز',
  noProgress: 'لم يُنشر أي تقدم بعد.',
  mechanisms: { upr: 'الاستعراض الدوري الشامل', treaty_body: 'هيئة معاهدة', special_procedure: 'إجراء خاص' },
  consultationTitle: 'المشاورات: ما قلتموه وما فعلناه',
  consultationIntro: 'ما قالته المنظمات للحكومة خلال المشاورات بشأن التقرير الوطني، وكيف رُوعي، وأين.',
  consultationSummary: 'كيفية مراعاة المساهمات',
  youSaid: 'ما قلتموه',
  weDid: 'ما فعلناه',
  from: 'من',
  received: 'تاريخ الورود',
  channel: 'القناة',
  where: 'أين',
  inReport: 'في التقرير',
  inRecommendations: 'التوصيات',
  notNamed: 'غير محدد',
  noInputs: 'لم تُنشر أي مساهمة بعد.',
  dataTitle: 'البيانات المفتوحة',
  dataText: 'المعلومات نفسها لإعادة استخدامها:',
  recommendationsData: 'التوصيات (JSON)',
  consultationData: 'المشاورات (JSON)',
};

const ru: TrackerWords = {
  site: 'Рекомендации в области прав человека: выполнение',
  skip: 'Перейти к содержанию',
  pages: 'Страницы',
  recommendationsPage: 'Рекомендации',
  consultationPage: 'Консультации: вы сказали, мы сделали',
  recommendationsTitle: 'Рекомендации и их выполнение',
  recommendationsIntro:
    'Рекомендации международных механизмов по правам человека, которые правительство публикует здесь: на какой стадии находится каждая и что уже сделано.',
  updated: 'Последнее обновление: {date}.',
  summaryTitle: 'На какой стадии рекомендации',
  total: 'Опубликовано рекомендаций: {n}.',
  filtersTitle: 'Отбор рекомендаций',
  search: 'Слова или номер',
  theme: 'Тема',
  allThemes: 'Все темы',
  ministry: 'Министерство',
  allMinistries: 'Все министерства',
  mechanism: 'Механизм',
  allMechanisms: 'Все механизмы',
  status: 'Статус',
  allStatuses: 'Все статусы',
  showAll: 'Показать все',
  shown: 'Показано рекомендаций: {shown} из {total}.',
  noMatch: 'Ни одна рекомендация не соответствует этим условиям.',
  listTitle: 'Рекомендации',
  noRecommendations: 'Пока не опубликовано ни одной рекомендации.',
  states: 'Рекомендовали',
  position: 'Позиция государства',
  source: 'Источник',
  paragraph: '{symbol}, пункт {paragraph}',
  themes: 'Темы',
  groups: 'Затрагиваемые лица',
  sdgs: 'Цели в области устойчивого развития',
  lead: 'Ответственное министерство',
  contributors: 'Также участвуют',
  progress: 'Ход выполнения',
  noProgress: 'Сведения о ходе выполнения пока не опубликованы.',
  mechanisms: { upr: 'Универсальный периодический обзор', treaty_body: 'Договорный орган', special_procedure: 'Специальная процедура' },
  consultationTitle: 'Консультации: вы сказали, мы сделали',
  consultationIntro: 'Что организации сообщили правительству в ходе консультаций по национальному докладу, как это было учтено и где.',
  consultationSummary: 'Как были учтены материалы',
  youSaid: 'Вы сказали',
  weDid: 'Мы сделали',
  from: 'От',
  received: 'Получено',
  channel: 'Канал',
  where: 'Где',
  inReport: 'В докладе',
  inRecommendations: 'Рекомендации',
  notNamed: 'Не указано',
  noInputs: 'Пока не опубликовано ни одного материала.',
  dataTitle: 'Открытые данные',
  dataText: 'Те же сведения для повторного использования:',
  recommendationsData: 'рекомендации (JSON)',
  consultationData: 'консультации (JSON)',
};

const zh: TrackerWords = {
  site: '人权建议：后续落实',
  skip: '跳到正文',
  pages: '页面',
  recommendationsPage: '建议',
  consultationPage: '磋商：您的意见与我们的行动',
  recommendationsTitle: '建议及其落实情况',
  recommendationsIntro: '政府在此公布的国际人权机制所提建议、每项建议的落实进展以及已采取的行动。',
  updated: '最后更新：{date}。',
  summaryTitle: '建议落实概况',
  total: '已公布的建议：{n}。',
  filtersTitle: '筛选建议',
  search: '关键词或编号',
  theme: '主题',
  allThemes: '所有主题',
  ministry: '部委',
  allMinistries: '所有部委',
  mechanism: '机制',
  allMechanisms: '所有机制',
  status: '状态',
  allStatuses: '所有状态',
  showAll: '全部显示',
  shown: '显示的建议：{shown}／{total}。',
  noMatch: '没有符合这些筛选条件的建议。',
  listTitle: '建议',
  noRecommendations: '尚未公布任何建议。',
  states: '提出建议的国家',
  position: '国家立场',
  source: '出处',
  paragraph: '{symbol}，第{paragraph}段',
  themes: '主题',
  groups: '受影响者',
  sdgs: '可持续发展目标',
  lead: '牵头部委',
  contributors: '协办部委',
  progress: '进展',
  noProgress: '尚未公布任何进展。',
  mechanisms: { upr: '普遍定期审议', treaty_body: '条约机构', special_procedure: '特别程序' },
  consultationTitle: '磋商：您的意见与我们的行动',
  consultationIntro: '各组织在国家报告磋商期间向政府提出的意见、意见的采纳情况及其体现之处。',
  consultationSummary: '意见的采纳情况',
  youSaid: '您的意见',
  weDid: '我们的行动',
  from: '提出方',
  received: '收到日期',
  channel: '渠道',
  where: '体现之处',
  inReport: '报告中',
  inRecommendations: '建议',
  notNamed: '未注明',
  noInputs: '尚未公布任何意见。',
  dataTitle: '开放数据',
  dataText: '同样的信息，可供再利用：',
  recommendationsData: '建议（JSON）',
  consultationData: '磋商（JSON）',
};

export const TRACKER_WORDS: Record<ReportLanguage, TrackerWords> = { en, fr, es, ar, ru, zh };

/** The locale dates and numbers are written in: British English as UN documents write it; Arabic with the digits its UN documents use. */
export function trackerLocale(language: ReportLanguage): string {
  return language === 'en' ? 'en-GB' : language === 'ar' ? 'ar-u-nu-latn' : language;
}
