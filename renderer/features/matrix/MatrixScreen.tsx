// The comment resolution matrix: every comment of the report in one table. (Being built.)
import { useTranslation } from 'react-i18next';
import type { ReviewComment } from '../../../shared/domain.js';

export interface MatrixScreenProps {
  /** Opens the comment's section in the Sections view, scrolled to its passage. */
  onFollow: (comment: ReviewComment) => void;
}

export function MatrixScreen(_props: MatrixScreenProps) {
  const { t } = useTranslation('matrix');
  return <h2>{t('title')}</h2>;
}
