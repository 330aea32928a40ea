// Placeholder until the Export screen lands (issue 5, in progress): the helper building it replaces this file.
import { useTranslation } from 'react-i18next';

export interface ExportScreenProps {
  /** Opens a section (a blocker's link). */
  onOpenSection: (id: string, commentId?: string | null) => void;
}

export function ExportScreen(_props: ExportScreenProps) {
  const { t } = useTranslation();
  return <h2 className="page-title">{t('app.view.export')}</h2>;
}
