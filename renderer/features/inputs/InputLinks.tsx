// What an input concerns: the sections of the report and the recommendations it is linked to, each
// a button that goes there. The secretariat links a section chosen from the outline, and a
// recommendation found by its number or words, and unlinks either.
import { useMemo, useState } from 'react';
import { Button, ComboBox, Input, Label, ListBox, ListBoxItem, Popover, type Key } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { ConsultationInput, Recommendation } from '../../../shared/domain.js';
import { call } from '../../api/client.js';
import { useAnnounce } from '../../app/Announcer.js';
import { messageOf } from '../../app/errors.js';
import { SelectField } from '../../widgets/fields.js';
import { matchesSearch } from '../recommendations/recommendationRows.js';

/** How many matches the recommendation picker lists; typing more narrows it. */
const SHOWN = 50;

export interface SectionChoice {
  id: string;
  /** "B.1. Normative framework". */
  name: string;
}

export interface InputLinksProps {
  input: ConsultationInput;
  mayChange: boolean;
  /** Every section, in outline order. */
  sections: readonly SectionChoice[];
  /** The report's recommendations in number order, or null while they load. */
  recommendations: readonly Recommendation[] | null;
  onOpenSection: (id: string) => void;
  onOpenRecommendation: (id: string) => void;
  onChanged: () => void;
}

export function InputLinks({ input, mayChange, sections, recommendations, onOpenSection, onOpenRecommendation, onChanged }: InputLinksProps) {
  const { t } = useTranslation('inputs');
  const announce = useAnnounce();
  const sectionName = (id: string) => sections.find((s) => s.id === id)?.name ?? '';
  const byId = useMemo(() => new Map((recommendations ?? []).map((r) => [r.id, r])), [recommendations]);
  const linkedSections = new Set(input.sectionIds);
  const linkedRecommendations = new Set(input.recommendationIds);

  const link = async (targetKind: 'section' | 'recommendation', targetId: string, linked: boolean) => {
    const target = targetKind === 'section' ? sectionName(targetId) : t('links.recommendation', { number: byId.get(targetId)?.number ?? '' });
    try {
      await call('inputs.link', { inputId: input.id, targetKind, targetId, linked });
      announce(t(linked ? 'links.linked' : 'links.unlinked', { title: input.title, target }));
    } catch (e) {
      announce(messageOf(e), 'error');
    } finally {
      onChanged();
    }
  };

  return (
    <div className="in-links">
      <h4 className="in-subtitle">{t('links.sections')}</h4>
      {input.sectionIds.length ? (
        <ul className="plain-list in-link-list">
          {input.sectionIds.map((id) => {
            const name = sectionName(id);
            return (
              <li key={id}>
                <Button className="button button-small button-quiet in-link" aria-label={t('links.goToSection', { section: name })} onPress={() => onOpenSection(id)}>
                  <span className="bidi-keep">{name}</span>
                </Button>
                {mayChange ? (
                  <Button className="button button-small button-quiet in-unlink" aria-label={t('links.unlinkSection', { section: name })} onPress={() => void link('section', id, false)}>
                    {t('links.unlink')}
                  </Button>
                ) : null}
              </li>
            );
          })}
        </ul>
      ) : (
        <p className="table-screen-none">{t('links.noSections')}</p>
      )}
      {mayChange && sections.some((s) => !linkedSections.has(s.id)) ? (
        <SelectField<string>
          key={`${input.id} ${input.sectionIds.join(' ')}`}
          label={t('links.linkSection')}
          placeholder={t('links.linkSectionPlaceholder')}
          value={null}
          onChange={(id) => void link('section', id, true)}
          options={sections.filter((s) => !linkedSections.has(s.id)).map((s) => ({ id: s.id, label: s.name }))}
        />
      ) : null}

      <h4 className="in-subtitle">{t('links.recommendations')}</h4>
      {input.recommendationIds.length ? (
        <ul className="plain-list in-link-list">
          {input.recommendationIds.map((id) => {
            const r = byId.get(id);
            const number = r?.number ?? '';
            return (
              <li key={id}>
                {/* Only the number is the button, so what it says is what it is called. */}
                <Button
                  className="button button-small button-quiet in-link in-link-number"
                  aria-label={t('links.goToRecommendation', { number })}
                  onPress={() => onOpenRecommendation(id)}
                >
                  {number}
                </Button>
                {r ? (
                  <span className="in-link-text" dir="auto">
                    {r.text}
                  </span>
                ) : null}
                {mayChange ? (
                  <Button
                    className="button button-small button-quiet in-unlink"
                    aria-label={t('links.unlinkRecommendation', { number })}
                    onPress={() => void link('recommendation', id, false)}
                  >
                    {t('links.unlink')}
                  </Button>
                ) : null}
              </li>
            );
          })}
        </ul>
      ) : (
        <p className="table-screen-none">{t('links.noRecommendations')}</p>
      )}
      {mayChange ? (
        recommendations && recommendations.length === 0 ? (
          <p className="muted">{t('links.noneImported')}</p>
        ) : (
          <RecommendationPicker
            choices={(recommendations ?? []).filter((r) => !linkedRecommendations.has(r.id))}
            onPick={(id) => void link('recommendation', id, true)}
          />
        )
      ) : null}
    </div>
  );
}

/** A combobox over the recommendations not linked yet: a number ("115.2") or words narrow it. */
function RecommendationPicker({ choices, onPick }: { choices: readonly Recommendation[]; onPick: (id: string) => void }) {
  const { t } = useTranslation('inputs');
  const [query, setQuery] = useState('');
  // Each pick starts a fresh box (focused, for the next one): the combobox would otherwise reopen
  // its list on the emptied text and hide the rest of the page from assistive technology.
  const [round, setRound] = useState(0);
  const matches = useMemo(() => choices.filter((r) => matchesSearch(r, query)).slice(0, SHOWN), [choices, query]);
  // Escape and leaving the box come here too, with null: the search is cleared.
  const pick = (key: Key | null) => {
    setQuery('');
    if (key === null) return;
    onPick(String(key));
    setRound((n) => n + 1);
  };
  return (
    <ComboBox
      key={round}
      className="field in-picker"
      items={matches}
      inputValue={query}
      onInputChange={setQuery}
      selectedKey={null}
      onSelectionChange={pick}
      allowsEmptyCollection
    >
      <Label className="field-label">{t('links.linkRecommendation')}</Label>
      <div className="in-picker-box">
        <Input className="field-input" placeholder={t('links.linkRecommendationPlaceholder')} autoFocus={round > 0} />
        <Button className="in-picker-button">
          <span aria-hidden="true">▾</span>
        </Button>
      </div>
      <Popover className="popover select-popover in-picker-popover">
        <ListBox className="listbox" renderEmptyState={() => <p className="in-picker-empty">{t('links.noRecommendationMatch')}</p>}>
          {(r: Recommendation) => (
            <ListBoxItem id={r.id} textValue={`${r.number} ${r.text}`} className="listbox-item in-picker-item">
              <span className="in-link-number">{r.number}</span>
              <span className="in-picker-text" dir="auto">
                {r.text}
              </span>
            </ListBoxItem>
          )}
        </ListBox>
      </Popover>
    </ComboBox>
  );
}
