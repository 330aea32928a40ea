// The menu of what the secretariat can do to one section: rename, add a sub-section, move, nest,
// delete. Moves that are not possible from where the section is are disabled.
import { Button, Keyboard, Menu, MenuItem, MenuTrigger, Popover, useLocale } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { SectionWithCount } from '../../../shared/domain.js';
import { planMove, type OutlineAction } from './outlineMoves.js';

interface SectionMenuProps {
  section: SectionWithCount;
  sections: SectionWithCount[];
  onAction: (action: OutlineAction, section: SectionWithCount) => void;
  /** The button's name when it shows only "⋯". */
  triggerLabel?: string;
  /** Shown in the button (and then its name). */
  triggerText?: string;
  triggerClassName: string;
}

export function SectionMenu({ section, sections, onAction, triggerLabel, triggerText, triggerClassName }: SectionMenuProps) {
  const { t } = useTranslation();
  const rtl = useLocale().direction === 'rtl';
  const disabled = (['up', 'down', 'indent', 'outdent'] as const).filter((m) => !planMove(sections, section.id, m));
  const shortcut = (keys: string) => <Keyboard className="menu-shortcut">{keys}</Keyboard>;
  const [inKey, outKey] = rtl ? ['←', '→'] : ['→', '←'];
  return (
    <MenuTrigger>
      {triggerText ? (
        <Button className={triggerClassName}>
          {triggerText} <span aria-hidden="true">▾</span>
        </Button>
      ) : (
        <Button className={triggerClassName} aria-label={triggerLabel}>
          <span aria-hidden="true">⋯</span>
        </Button>
      )}
      <Popover className="popover" placement="bottom end">
        <Menu className="menu" disabledKeys={disabled} onAction={(key) => onAction(key as OutlineAction, section)}>
          <MenuItem id="rename" className="menu-item" textValue={t('outline.rename')}>
            <span>{t('outline.rename')}</span>
            {shortcut('F2')}
          </MenuItem>
          <MenuItem id="addChild" className="menu-item">
            {t('outline.addSubsection')}
          </MenuItem>
          <MenuItem id="up" className="menu-item" textValue={t('outline.moveUp')}>
            <span>{t('outline.moveUp')}</span>
            {shortcut('Alt+↑')}
          </MenuItem>
          <MenuItem id="down" className="menu-item" textValue={t('outline.moveDown')}>
            <span>{t('outline.moveDown')}</span>
            {shortcut('Alt+↓')}
          </MenuItem>
          <MenuItem id="indent" className="menu-item" textValue={t('outline.indent')}>
            <span>{t('outline.indent')}</span>
            {shortcut(`Alt+${inKey}`)}
          </MenuItem>
          <MenuItem id="outdent" className="menu-item" textValue={t('outline.outdent')}>
            <span>{t('outline.outdent')}</span>
            {shortcut(`Alt+${outKey}`)}
          </MenuItem>
          <MenuItem id="delete" className="menu-item menu-item-danger" textValue={t('outline.delete')}>
            <span>{t('outline.delete')}</span>
            {shortcut(t('outline.deleteKey'))}
          </MenuItem>
        </Menu>
      </Popover>
    </MenuTrigger>
  );
}
