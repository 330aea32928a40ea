// The outline of a national report under HRC decision 17/119, in the six UN languages a report
// may be written in (the report's language, not the interface's).
import type { ReportLanguage } from './domain.js';

const OUTLINES: Record<ReportLanguage, string[]> = {
  en: [
    'Methodology and consultation process',
    'Developments since the previous review: normative and institutional framework',
    'Promotion and protection of human rights on the ground',
    'Follow-up to the previous review',
    'Achievements, best practices, challenges and constraints',
    'Key national priorities, initiatives and commitments',
    'Capacity-building needs and requests for technical assistance',
  ],
  fr: [
    'Méthodologie et processus de consultation',
    "Évolution depuis l'examen précédent : cadre normatif et institutionnel",
    "Promotion et protection des droits de l'homme sur le terrain",
    "Suite donnée à l'examen précédent",
    'Réalisations, meilleures pratiques, difficultés et contraintes',
    'Priorités, initiatives et engagements nationaux',
    "Besoins en matière de renforcement des capacités et demandes d'assistance technique",
  ],
  es: [
    'Metodología y proceso de consulta',
    'Novedades desde el examen anterior: marco normativo e institucional',
    'Promoción y protección de los derechos humanos sobre el terreno',
    'Seguimiento del examen anterior',
    'Logros, mejores prácticas, dificultades y limitaciones',
    'Prioridades, iniciativas y compromisos nacionales',
    'Necesidades de fomento de la capacidad y solicitudes de asistencia técnica',
  ],
  ar: [
    'المنهجية وعملية التشاور',
    'التطورات منذ الاستعراض السابق: الإطار المعياري والمؤسسي',
    'تعزيز حقوق الإنسان وحمايتها على أرض الواقع',
    'متابعة الاستعراض السابق',
    'الإنجازات وأفضل الممارسات والتحديات والقيود',
    'الأولويات والمبادرات والالتزامات الوطنية الرئيسية',
    'احتياجات بناء القدرات وطلبات المساعدة التقنية',
  ],
  ru: [
    'Методология и процесс консультаций',
    'Изменения после предыдущего обзора: нормативная и институциональная база',
    'Поощрение и защита прав человека на местах',
    'Последующие меры по итогам предыдущего обзора',
    'Достижения, передовая практика, проблемы и трудности',
    'Ключевые национальные приоритеты, инициативы и обязательства',
    'Потребности в укреплении потенциала и просьбы о технической помощи',
  ],
  zh: [
    '方法和协商进程',
    '上次审议以来的事态发展：规范和体制框架',
    '在实地促进和保护人权',
    '上次审议的后续行动',
    '成就、最佳做法、挑战和制约因素',
    '国家主要优先事项、举措和承诺',
    '能力建设需求和技术援助请求',
  ],
};

export function outline17119(language: ReportLanguage): string[] {
  return OUTLINES[language];
}

export function defaultReportTitle(country: string, cycle: number, language: ReportLanguage): string {
  const nth = (n: number) => `${n}${n % 10 === 1 && n !== 11 ? 'st' : n % 10 === 2 && n !== 12 ? 'nd' : n % 10 === 3 && n !== 13 ? 'rd' : 'th'}`;
  if (language === 'fr') return `Examen périodique universel, ${cycle}e cycle, rapport national : ${country}`;
  if (language === 'es') return `Examen periódico universal, ${cycle}.º ciclo, informe nacional: ${country}`;
  if (language === 'ar') return `الاستعراض الدوري الشامل، الجولة ${cycle}، التقرير الوطني: ${country}`;
  if (language === 'ru') return `Универсальный периодический обзор, ${cycle}-й цикл, национальный доклад: ${country}`;
  if (language === 'zh') return `普遍定期审议第${cycle}轮国家报告：${country}`;
  return `Universal Periodic Review, ${nth(cycle)} cycle, national report of ${country}`;
}
