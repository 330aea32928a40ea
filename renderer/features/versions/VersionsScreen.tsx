// The Versions screen: saving a version by name (the secretariat's), the versions saved (by name,
// before merges, at exports), opening one to read, comparing two, or one with the report now, as a
// redline section by section (./Comparison.tsx), and the report's history (./History.tsx).
import { useCallback, useState } from 'react';
import { Button, Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { ApiEvent } from '../../../shared/api.js';
import type { VersionComparison, VersionInfo } from '../../../shared/versions.js';
import { call } from '../../api/client.js';
import { useAnnounce } from '../../app/Announcer.js';
import { messageOf } from '../../app/errors.js';
import { useFormat } from '../../app/format.js';
import { useLiveLoad } from '../../app/useLiveLoad.js';
import { useWorkspace } from '../../app/workspaceContext.js';
import { SelectField, TextInput } from '../../widgets/fields.js';
import { localTime } from '../sharing/fieldNames.js';
import { Comparison } from './Comparison.js';
import { History } from './History.js';
import { VersionReader } from './VersionReader.js';
import './versions.css';

const fetchVersions = () => call('versions.list', {});
/** Versions change when one is saved here or arrives in a merge; words and sections when the report changes (for "now"). */
const whenChanged = (event: ApiEvent) => (event.kind === 'changed' && event.what.some((w) => w === 'versions' || w === 'report') ? ('now' as const) : null);

/** "Draft sent to the NHRI", "Before merging justice.upr", "Exported as report.docx". */
export function useVersionName(): (v: Pick<VersionInfo, 'kind' | 'name'>) => string {
  const { t } = useTranslation('versions');
  return (v) => t(`kind.${v.kind}`, { name: v.name });
}

export function VersionsScreen() {
  const { t, i18n } = useTranslation('versions');
  const format = useFormat();
  const announce = useAnnounce();
  const { workspace } = useWorkspace();
  const secretariat = workspace.me?.role === 'secretariat';
  const versions = useLiveLoad(fetchVersions, whenChanged);
  const nameOf = useVersionName();
  const [name, setName] = useState('');
  const [saveError, setSaveError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [from, setFrom] = useState<string | null>(null);
  const [to, setTo] = useState<string>('now');
  const [comparison, setComparison] = useState<VersionComparison | null>(null);
  const [comparing, setComparing] = useState(false);
  const [compareError, setCompareError] = useState<string | null>(null);
  const [reading, setReading] = useState<string | null>(null);

  const list = versions.value ?? [];
  const readable = list.filter((v) => !v.unreadable);
  const fromId = from ?? readable[0]?.id ?? null;

  const save = async () => {
    if (!name.trim()) return;
    setSaving(true);
    setSaveError(null);
    try {
      const saved = await call('versions.save', { name: name.trim() });
      setName('');
      announce(t('save.saved', { name: saved.name }));
      await versions.reload();
    } catch (e) {
      setSaveError(t('save.failed', { message: messageOf(e) }));
    } finally {
      setSaving(false);
    }
  };

  const compare = useCallback(
    async (a: string, b: string) => {
      setComparing(true);
      setCompareError(null);
      try {
        setComparison(await call('versions.compare', { from: a, to: b }));
      } catch (e) {
        setComparison(null);
        setCompareError(t('compare.failed', { message: messageOf(e) }));
      } finally {
        setComparing(false);
      }
    },
    [t],
  );

  const options = readable.map((v) => ({ id: v.id, label: `${nameOf(v)} · ${localTime(v.createdAt, i18n.language)}` }));

  return (
    <div className="vs-screen">
      <h2 className="page-title">{t('title')}</h2>
      <p className="vs-lead">{t('lead')}</p>

      <section className="vs-card" aria-labelledby="vs-save-title">
        <h3 id="vs-save-title" className="block-title">
          {t('save.title')}
        </h3>
        {secretariat ? (
          <Form
            className="vs-save"
            onSubmit={(e) => {
              e.preventDefault();
              void save();
            }}
          >
            <TextInput label={t('save.name')} value={name} onChange={setName} placeholder={t('save.placeholder')} className="vs-name" />
            <Button type="submit" className="button button-primary" isDisabled={saving || !name.trim()}>
              {t('save.button')}
            </Button>
          </Form>
        ) : (
          <p className="vs-note">{t('save.secretariatOnly')}</p>
        )}
        {saveError ? (
          <p role="alert" className="inline-error">
            {saveError}
          </p>
        ) : null}
      </section>

      <section className="vs-card" aria-labelledby="vs-list-title">
        <h3 id="vs-list-title" className="block-title">
          {t('list.title')}
        </h3>
        {versions.error ? (
          <p role="alert" className="inline-error">
            {versions.error}
          </p>
        ) : versions.value === null ? (
          <p className="muted">{t('list.loading')}</p>
        ) : list.length === 0 ? (
          <p className="vs-note">{t('list.empty')}</p>
        ) : (
          <table className="vs-table" data-testid="versions-table">
            <thead>
              <tr>
                <th scope="col">{t('list.name')}</th>
                <th scope="col">{t('list.by')}</th>
                <th scope="col">{t('list.when')}</th>
                <th scope="col" className="vs-num">
                  {t('list.words')}
                </th>
                <th scope="col">
                  <span className="visually-hidden">{t('list.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {list.map((v) => (
                <tr key={v.id} data-kind={v.kind}>
                  <th scope="row" className="vs-name-cell">
                    <bdi>{nameOf(v)}</bdi>
                    {v.unreadable ? <span className="vs-badge vs-badge-bad"> {t('list.unreadable')}</span> : null}
                  </th>
                  <td>{v.createdBy}</td>
                  <td>{localTime(v.createdAt, i18n.language)}</td>
                  <td className="vs-num">{format.number(v.words)}</td>
                  <td className="vs-actions">
                    {v.unreadable ? null : (
                      <>
                        <Button className="button button-small" onPress={() => setReading(v.id)} aria-label={`${t('list.open')}: ${nameOf(v)}`}>
                          {t('list.open')}
                        </Button>
                        <Button
                          className="button button-small"
                          aria-label={`${t('list.compareNow')}: ${nameOf(v)}`}
                          onPress={() => {
                            setFrom(v.id);
                            setTo('now');
                            void compare(v.id, 'now');
                          }}
                        >
                          {t('list.compareNow')}
                        </Button>
                      </>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      {readable.length > 0 && fromId ? (
        <section className="vs-card" aria-labelledby="vs-compare-title">
          <h3 id="vs-compare-title" className="block-title">
            {t('compare.title')}
          </h3>
          <div className="vs-compare-form">
            <SelectField label={t('compare.from')} value={fromId} onChange={(k) => setFrom(k)} options={options} className="vs-side" />
            <SelectField label={t('compare.to')} value={to} onChange={(k) => setTo(k)} options={[{ id: 'now', label: t('compare.now') }, ...options]} className="vs-side" />
            <Button className="button" isDisabled={comparing} onPress={() => void compare(fromId, to)}>
              {t('compare.button')}
            </Button>
          </div>
          <div role="status" className="file-choice-status">
            {comparing ? <p className="muted">{t('compare.working')}</p> : null}
          </div>
          {compareError ? (
            <p role="alert" className="inline-error">
              {compareError}
            </p>
          ) : null}
        </section>
      ) : null}

      {comparison ? <Comparison comparison={comparison} versions={list} onRestored={() => void compare(comparison.from.id, comparison.to.id)} /> : null}
      {/* Last, so that a comparison asked for in the list above opens next to it. */}
      <History />
      {reading ? <VersionReader id={reading} onClose={() => setReading(null)} /> : null}
    </div>
  );
}
