// A section as the Export screen names it: "B.1. Normative framework", each part in its own
// reading order in a right-to-left report.
import { SECTION_STATUSES, type SectionStatus } from '../../../shared/domain.js';

export function SectionName({ label, title }: { label: string; title: string }) {
  return label ? (
    <>
      <span>{label}.</span> <span>{title}</span>
    </>
  ) : (
    <span>{title}</span>
  );
}

/** The same name as plain text, for labels and messages. */
export function sectionText(label: string, title: string): string {
  return label ? `${label}. ${title}` : title;
}

/** The check sends statuses as strings; the badge takes the ones it knows. */
export function asStatus(status: string): SectionStatus {
  return (SECTION_STATUSES as readonly string[]).includes(status) ? (status as SectionStatus) : 'not_started';
}
