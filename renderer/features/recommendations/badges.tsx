// A recommendation's position and implementation status, the same in the table, the detail panel
// and the coverage view. Words as well as colour, so neither is needed to tell them apart.
import { useTranslation } from 'react-i18next';
import type { ImplementationStatus, Position } from '../../../shared/domain.js';

export function PositionBadge({ position }: { position: Position | null }) {
  const { t } = useTranslation('recommendations');
  return <span className={`rc-badge rc-position-${position ?? 'none'}`}>{t(`position.${position ?? 'none'}`)}</span>;
}

export function StatusText({ status }: { status: ImplementationStatus }) {
  const { t } = useTranslation('recommendations');
  return <span className={`rc-status rc-status-${status}`}>{t(`status.${status}`)}</span>;
}
