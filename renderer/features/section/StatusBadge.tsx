import { useTranslation } from 'react-i18next';
import type { SectionStatus } from '../../../shared/domain.js';
import './section.css';

export function StatusBadge({ status }: { status: SectionStatus }) {
  const { t } = useTranslation();
  return <span className={`status-badge status-${status}`}>{t(`status.${status}`)}</span>;
}

export function OverdueBadge() {
  const { t } = useTranslation();
  return <span className="overdue-badge">{t('section.overdue')}</span>;
}
