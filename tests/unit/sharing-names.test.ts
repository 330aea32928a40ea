// Every field the change log writes has a label in every language the interface speaks, so a
// conflict on a new column cannot reach the Sharing screen under its raw name; and every kind of
// row a conflict can belong to is worded in each language.
import { describe, expect, it } from 'vitest';
import type { ConflictSubject } from '../../shared/api.js';
import { SYNCED_TABLES } from '../../electron/store/schema.js';
import { FIELD_LABELS, fieldLabelKey, localTime, subjectText, valueText, type Translate } from '../../renderer/features/sharing/fieldNames.js';
import { resources, UI_LANGUAGES } from '../../renderer/i18n/index.js';

/** The string a "namespace:dotted.key" names in one language's resources, without falling back to English. */
function lookUp(language: (typeof UI_LANGUAGES)[number], key: string): unknown {
  const [ns, path] = key.split(':') as [string, string];
  let node: unknown = (resources[language] as Record<string, unknown>)[ns];
  for (const part of path.split('.')) node = node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined;
  return node;
}

const KINDS: ConflictSubject['kind'][] = ['report', 'section', 'comment', 'reply', 'recommendation', 'note', 'input', 'attachment', 'link', 'organization', 'member', 'other'];

describe('field labels of conflicts', () => {
  it('has a label for every table.column the change log writes, in English, French and Spanish', () => {
    const missing: string[] = [];
    for (const [table, columns] of Object.entries(SYNCED_TABLES)) {
      for (const column of Object.keys(columns)) {
        const key = fieldLabelKey(table, column);
        if (!key) {
          missing.push(`${table}.${column}: no label`);
          continue;
        }
        for (const language of UI_LANGUAGES) {
          const label = lookUp(language, key);
          if (typeof label !== 'string' || label.trim() === '') missing.push(`${table}.${column} (${key}) in ${language}`);
        }
      }
    }
    expect(missing).toEqual([]);
  });

  it('labels no column the schema does not have (a renamed column would leave its label behind)', () => {
    const extra = Object.entries(FIELD_LABELS).flatMap(([table, columns]) =>
      Object.keys(columns)
        .filter((column) => !Object.prototype.hasOwnProperty.call((SYNCED_TABLES as Record<string, object>)[table] ?? {}, column))
        .map((column) => `${table}.${column}`),
    );
    expect(extra).toEqual([]);
  });

  it('words every kind of subject in every language, with the name in it', () => {
    for (const language of UI_LANGUAGES) {
      for (const kind of KINDS) {
        const text = lookUp(language, `sharing:conflicts.subject.${kind}`);
        expect(typeof text, `${kind} in ${language}`).toBe('string');
        if (kind !== 'report') expect(text, `${kind} in ${language}`).toContain('{{label}}');
      }
    }
  });
});

describe('a conflict said in the interface language', () => {
  const say = (language: (typeof UI_LANGUAGES)[number]): Translate => (key, options) => {
    const text = lookUp(language, key.includes(':') ? key : `translation:${key}`);
    if (typeof text !== 'string') return String(options?.defaultValue ?? key);
    return text.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(options?.[name] ?? ''));
  };
  const names = {
    organizations: [{ id: 'o1', name: 'Ministry of Justice' }],
    members: [{ id: 'm1', name: 'Maria Santos' }],
    sections: [{ id: 's1', title: 'Methodology' }],
  };

  it('names the subject and the field in French', () => {
    expect(subjectText(say('fr'), { kind: 'recommendation', label: '115.1' })).toBe('Recommandation 115.1');
    expect(subjectText(say('es'), { kind: 'report', label: '' })).toBe('El informe');
  });

  it('shows ids by name, yes and no, statuses and moments in the interface language, not as stored', () => {
    expect(valueText(say('fr'), 'fr', names, 'sections', 'lead_organization_id', 'o1')).toBe('Ministry of Justice');
    expect(valueText(say('fr'), 'fr', names, 'comments', 'decided_by', 'm1')).toBe('Maria Santos');
    expect(valueText(say('fr'), 'fr', names, 'comments', 'section_id', 's1')).toBe('Methodology');
    expect(valueText(say('fr'), 'fr', names, 'sections', 'deleted', 1)).toBe('Oui');
    expect(valueText(say('es'), 'es', names, 'sections', 'status', 'ready_for_review')).toBe(lookUp('es', 'translation:status.ready_for_review'));
    expect(valueText(say('en'), 'en', names, 'sections', 'title', null)).toBe('(empty)');
    expect(valueText(say('fr'), 'fr', names, 'comments', 'decided_at', '2026-11-24T14:05:00.000Z')).toBe(localTime('2026-11-24T14:05:00.000Z', 'fr'));
    expect(localTime('2026-11-24T14:05:00.000Z', 'fr')).toMatch(/24 nov\. 2026/);
    // A day stays that day whatever the zone; a word budget is written as a number is.
    expect(valueText(say('fr'), 'fr', names, 'sections', 'due_date', '2027-01-15')).toBe('15 janv. 2027');
    expect(valueText(say('en'), 'en', names, 'report', 'deadline', '2027-01-01')).toBe('Jan 1, 2027');
    expect(valueText(say('fr'), 'fr', names, 'sections', 'word_budget', 12000)).toBe('12\u202f000');
  });
});
