// An input's disposition, the same in the table, the detail panel and the consultation log. Words
// as well as colour, so neither is needed to tell them apart.
import { useTranslation } from 'react-i18next';
import type { InputDisposition } from '../../../shared/domain.js';

const TONE: Record<InputDisposition | 'none', string> = { reflected: 'ok', partly_reflected: 'warn', not_reflected: 'danger', none: 'none' };

export function DispositionBadge({ disposition }: { disposition: InputDisposition | null }) {
  const { t } = useTranslation('inputs');
  const key = disposition ?? 'none';
  return <span className={`table-screen-badge table-screen-badge-${TONE[key]} in-badge`}>{t(`disposition.${key}`)}</span>;
}
