// Placeholder until the consultation inputs view lands (issue 4, in progress): the helper building
// it replaces this file.
import { useTranslation } from 'react-i18next';

export interface InputsScreenProps {
  /** An input to select and scroll to (from the search box); changes of `nonce` repeat it. */
  focus: { id: string; nonce: number } | null;
  onOpenSection: (id: string) => void;
  onOpenRecommendation: (id: string) => void;
}

export function InputsScreen(_props: InputsScreenProps) {
  const { t } = useTranslation();
  return <h2 className="page-title">{t('app.view.inputs')}</h2>;
}
