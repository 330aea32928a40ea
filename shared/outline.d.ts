import type { ReportLanguage } from './domain.js';
export declare function outline17119(language: ReportLanguage): string[];
export declare function defaultReportTitle(country: string, cycle: number, language: ReportLanguage): string;
