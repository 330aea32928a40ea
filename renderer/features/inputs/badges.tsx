// An input's disposition, the same in the table, the detail panel and the consultation log. Words
// as well as colour, so neither is needed to tell them apart.
import { useTranslation } from 'react-i18next';
import type { InputDisposition } from '../../../shared/domain.js';

export function DispositionBadge({ disposition }: { disposition: InputDisposition | null }) {
  const { t } = useTranslation('inputs');
  return <span className={`in-badge in-disposition-${disposition ?? 'none'}`}>{t(`disposition.${disposition ?? 'none'}`)}</span>;
}
