// "Show changes since" a version, in the section being read, as Word's All markup shows them: the
// words inserted since then underlined and those deleted struck through, in one colour per person,
// who and when on hover (and said to screen readers), with a legend of who changed what. Read only:
// the editor comes back when the person goes back to editing.
import { useEffect, useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { ApiEvent } from '../../../shared/api.js';
import type { MarkedParagraph, MarkedRun } from '../../../shared/versions.js';
import { call } from '../../api/client.js';
import { messageOf } from '../../app/errors.js';
import { useLiveLoad } from '../../app/useLiveLoad.js';
import { localTime } from '../sharing/fieldNames.js';
import { useVersionName } from '../versions/VersionsScreen.js';
import '../versions/versions.css';

/** Colours told apart by people with the common colour-vision deficiencies (Okabe–Ito, darkened for contrast on white). */
const PALETTE = ['#0b6fa4', '#a4550b', '#0b7a5a', '#a01c6e', '#5a4fb0', '#7a6500', '#b2281d'];

const fetchVersions = () => call('versions.list', {});
const whenVersions = (event: ApiEvent) => (event.kind === 'changed' && event.what.includes('versions') ? ('now' as const) : null);

/** The select of the version to show changes since ('' for none), for the section's header. */
export function ChangesSince({ value, onChange }: { value: string; onChange: (id: string) => void }) {
  const { t } = useTranslation('versions');
  const nameOf = useVersionName();
  const { value: versions } = useLiveLoad(fetchVersions, whenVersions);
  const readable = (versions ?? []).filter((v) => !v.unreadable);
  if (readable.length === 0) return null;
  return (
    <label className="changes-since">
      <span className="changes-since-label">{t('markup.since')}</span>
      <select className="field-input changes-since-select" value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">{t('markup.none')}</option>
        {readable.map((v) => (
          <option key={v.id} value={v.id}>
            {nameOf(v)}
          </option>
        ))}
      </select>
    </label>
  );
}

export function SectionMarkup({ sectionId, since, onDone }: { sectionId: string; since: string; onDone: () => void }) {
  const { t } = useTranslation('versions');
  const [paragraphs, setParagraphs] = useState<MarkedParagraph[] | null | undefined>(undefined);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    setParagraphs(undefined);
    setError(null);
    call('versions.markup', { sectionId, since }).then(
      (found) => live && setParagraphs(found),
      (e: unknown) => live && setError(messageOf(e)),
    );
    return () => {
      live = false;
    };
  }, [sectionId, since]);

  return (
    <div className="section-markup" data-testid="section-markup">
      <div className="markup-bar">
        <p className="markup-note">{t('markup.reading')}</p>
        <Button className="button button-small" onPress={onDone}>
          {t('markup.back')}
        </Button>
      </div>
      {error ? (
        <p role="alert" className="inline-error">
          {error}
        </p>
      ) : paragraphs === undefined ? (
        <p className="muted">{t('markup.loading')}</p>
      ) : paragraphs === null ? (
        <p className="vs-note vs-warning">{t('compare.textMissing')}</p>
      ) : !paragraphs.some((p) => p.runs.some((r) => r.change)) ? (
        <>
          <p className="vs-note">{t('markup.nothing')}</p>
          <MarkedText paragraphs={paragraphs} />
        </>
      ) : (
        <MarkedText paragraphs={paragraphs} />
      )}
    </div>
  );
}

/** Marked paragraphs with the legend of who changed them: one colour per person, who and when on hover. */
export function MarkedText({ paragraphs }: { paragraphs: readonly MarkedParagraph[] }) {
  const { t, i18n } = useTranslation('versions');
  const people = [...new Set(paragraphs.flatMap((p) => p.runs.filter((r) => r.change && r.by).map((r) => r.by!)))];
  const colour = (by?: string) => PALETTE[Math.max(0, people.indexOf(by ?? '')) % PALETTE.length];
  const said = (r: MarkedRun) =>
    t(r.change === 'inserted' ? 'markup.insertedBy' : 'markup.deletedBy', { name: r.by ?? t('markup.someone'), when: r.at ? localTime(r.at, i18n.language) : '' });
  return (
    <>
      {people.length ? (
        <ul className="markup-legend plain-list" aria-label={t('markup.legend')}>
          {people.map((p) => (
            <li key={p}>
              <span className="markup-swatch" style={{ background: colour(p) }} aria-hidden="true" /> {p}
            </li>
          ))}
        </ul>
      ) : null}
      <Paragraphs paragraphs={paragraphs} colour={colour} said={said} />
    </>
  );
}

function Paragraphs({ paragraphs, colour, said }: { paragraphs: readonly MarkedParagraph[]; colour: (by?: string) => string | undefined; said: (r: MarkedRun) => string }) {
  return (
    <div className="markup-text" dir="auto">
      {paragraphs.map((p, i) => (
        <p key={i} className={`markup-p${p.block ? ` markup-block-${p.block}` : ''}`} dir="auto">
          {p.runs.map((r, k) =>
            r.change === 'inserted' ? (
              <ins key={k} className="markup-ins" style={{ color: colour(r.by), textDecorationColor: colour(r.by) }} title={said(r)} aria-label={`${said(r)}: ${r.text}`}>
                {r.text}
              </ins>
            ) : r.change === 'deleted' ? (
              <del key={k} className="markup-del" style={{ color: colour(r.by), textDecorationColor: colour(r.by) }} title={said(r)} aria-label={`${said(r)}: ${r.text}`}>
                {r.text}
              </del>
            ) : (
              <span key={k}>{r.text}</span>
            ),
          )}
        </p>
      ))}
    </div>
  );
}
