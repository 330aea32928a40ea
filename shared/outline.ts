// The outline of a national report under HRC decision 17/119, in the languages the app speaks.
import type { ReportLanguage } from './domain.js';

const OUTLINES: Partial<Record<ReportLanguage, string[]>> = {
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
};

export function outline17119(language: ReportLanguage): string[] {
  return OUTLINES[language] ?? OUTLINES.en!;
}

export function defaultReportTitle(country: string, cycle: number, language: ReportLanguage): string {
  const nth = (n: number) => `${n}${n % 10 === 1 && n !== 11 ? 'st' : n % 10 === 2 && n !== 12 ? 'nd' : n % 10 === 3 && n !== 13 ? 'rd' : 'th'}`;
  if (language === 'fr') return `Examen périodique universel, ${cycle}e cycle, rapport national : ${country}`;
  if (language === 'es') return `Examen periódico universal, ${cycle}.º ciclo, informe nacional: ${country}`;
  return `Universal Periodic Review, ${nth(cycle)} cycle, national report of ${country}`;
}
