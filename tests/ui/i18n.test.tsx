// Every string exists in every language the interface speaks, with the plural forms each language
// needs and the same placeholders.
import { describe, expect, it } from 'vitest';
import { resources, UI_LANGUAGES, pickUiLanguage } from '../../renderer/i18n/index.js';

const PLURAL = /_(zero|one|two|few|many|other)$/;

function flatten(tree: object, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of flatten(value as object, path)) out.set(k, v);
  }
  return out;
}

const placeholders = (text: string) => [...text.matchAll(/\{\{\s*(\w+)/g)].map((m) => m[1]).sort();

for (const ns of ['translation', 'editor', 'errors', 'review', 'matrix', 'recommendations', 'inputs', 'export', 'sharing', 'versions'] as const) {
  describe(`the ${ns} strings`, () => {
    const english = flatten(resources.en[ns]);
    const baseKeys = (keys: Iterable<string>) => new Set([...keys].map((k) => k.replace(PLURAL, '')));

    for (const lng of UI_LANGUAGES) {
      const strings = flatten(resources[lng][ns]);

      it(`${lng} has exactly the keys English has`, () => {
        expect([...baseKeys(strings.keys())].sort()).toEqual([...baseKeys(english.keys())].sort());
      });

      it(`${lng} has no empty strings`, () => {
        expect([...strings].filter(([, v]) => v.trim() === '').map(([k]) => k)).toEqual([]);
      });

      it(`${lng} gives every plural the forms ${lng} needs`, () => {
        const needed = new Intl.PluralRules(lng).resolvedOptions().pluralCategories;
        const plurals = baseKeys([...strings.keys()].filter((k) => PLURAL.test(k)));
        const missing = [...plurals].flatMap((base) => needed.filter((c) => !strings.has(`${base}_${c}`)).map((c) => `${base}_${c}`));
        expect(missing).toEqual([]);
      });

      it(`${lng} uses the same placeholders as English`, () => {
        const differing = [...strings].filter(([key, value]) => {
          const en = english.get(key) ?? english.get(key.replace(PLURAL, '_other'));
          // A singular may leave out the count ("Its sub-section"), never add a placeholder.
          return en !== undefined && placeholders(value).some((p) => !placeholders(en).includes(p));
        });
        expect(differing.map(([k]) => k)).toEqual([]);
      });
    }
  });
}

describe('choosing the interface language', () => {
  it('takes the first language the interface speaks, else English', () => {
    expect(pickUiLanguage(['de-DE', 'fr-CA', 'es'])).toBe('fr');
    expect(pickUiLanguage(['ar-EG', 'zh-CN'])).toBe('ar');
    expect(pickUiLanguage(['zh-Hans-CN'])).toBe('zh');
    expect(pickUiLanguage(['de-DE', 'it'])).toBe('en');
    expect(pickUiLanguage([])).toBe('en');
  });
});
