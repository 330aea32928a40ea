import { useTranslation } from 'react-i18next';
import { UI_LANGUAGES, type UiLanguage } from '../i18n/index.js';
import { SelectField } from '../widgets/fields.js';
import { useLanguageChoice } from './language.js';

/** Each language is named in itself, so anyone can find their own. */
const OWN_NAMES: Record<UiLanguage, string> = { en: 'English', fr: 'Français', es: 'Español', ar: 'العربية', ru: 'Русский', zh: '中文' };

export function LanguagePicker({ className }: { className?: string }) {
  const { t } = useTranslation();
  const { language, choose } = useLanguageChoice();
  return (
    <SelectField<UiLanguage>
      label={t('app.interfaceLanguage')}
      value={language}
      onChange={choose}
      options={UI_LANGUAGES.map((l) => ({ id: l, label: OWN_NAMES[l] }))}
      className={`language-picker${className ? ` ${className}` : ''}`}
    />
  );
}
