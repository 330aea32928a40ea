// A recommendation's position and implementation status, the same in the table, the detail panel
// and the coverage view. Words as well as colour, so neither is needed to tell them apart.
import { useTranslation } from 'react-i18next';
import type { ImplementationStatus, Position } from '../../../shared/domain.js';

const TONE: Record<Position | 'none', string> = { supported: 'ok', noted: 'warn', none: 'none' };

export function PositionBadge({ position }: { position: Position | null }) {
  const { t } = useTranslation('recommendations');
  const key = position ?? 'none';
  return <span className={`table-screen-badge table-screen-badge-${TONE[key]} rc-badge`}>{t(`position.${key}`)}</span>;
}

export function StatusText({ status }: { status: ImplementationStatus }) {
  const { t } = useTranslation('recommendations');
  return <span className={`rc-status rc-status-${status}`}>{t(`status.${status}`)}</span>;
}
