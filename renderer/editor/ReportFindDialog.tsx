// Find and replace across the whole report, from the find bar: every match listed by section
// with a few words around it, and a replacement made in the sections ticked (those the person may
// write, all ticked at first). The main process replaces section by section through the text
// write path and says what it left and why.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FindResults } from '../../shared/api.js';
import { ApiError, call } from '../api/client.js';
import { useAnnounce } from '../app/Announcer.js';
import { messageOf } from '../app/errors.js';
import { FormDialog } from '../widgets/dialogs.js';
import { TextInput } from '../widgets/fields.js';

export function ReportFindDialog({ query, onClose }: { query: string; onClose: () => void }) {
  const { t } = useTranslation('editor');
  const announce = useAnnounce();
  const [needle, setNeedle] = useState(query);
  const [replacement, setReplacement] = useState('');
  const [found, setFound] = useState<FindResults | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [chosen, setChosen] = useState<Set<string>>(new Set());

  useEffect(() => {
    if (!needle.trim()) return setFound(null);
    let live = true;
    const timer = setTimeout(() => {
      call('text.findAll', { query: needle })
        .then((r) => {
          if (!live) return;
          setFound(r);
          setError(null);
          setChosen(new Set(r.sections.filter((s) => s.mayReplace).map((s) => s.sectionId)));
        })
        .catch((e: unknown) => live && setError(messageOf(e)));
    }, 150);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [needle]);

  const toggle = (id: string, on: boolean) => setChosen((c) => new Set(on ? [...c, id] : [...c].filter((x) => x !== id)));
  return (
    <FormDialog
      isOpen
      onClose={onClose}
      title={t('find.reportTitle')}
      submitLabel={t('find.replaceInSections', { count: chosen.size })}
      validate={() => (chosen.size === 0 ? t('find.chooseSections') : null)}
      onSubmit={async () => {
        const done = await call('text.replaceAll', { query: needle, replacement, sectionIds: [...chosen] });
        announce(t('find.replacedReport', { count: done.replaced, sections: done.sections }));
        if (done.skipped.length) announce(done.skipped.map((s) => messageOf(new ApiError(s.reason, 'forbidden', s.key, s.params))).join(' '), 'error');
      }}
    >
      <TextInput label={t('find.find')} value={needle} onChange={setNeedle} autoFocus />
      <TextInput label={t('find.replaceWith')} value={replacement} onChange={setReplacement} />
      {error ? (
        <p role="alert" className="inline-error">
          {error}
        </p>
      ) : null}
      <p role="status" className="muted" data-testid="report-find-count">
        {found ? (found.total ? t('find.inReport', { count: found.total, sections: found.sections.length }) : t('find.none')) : ''}
      </p>
      <ul className="plain-list ed-report-find">
        {found?.sections.map((s) => (
          <li key={s.sectionId} className="ed-report-find-section">
            <label className="ed-report-find-choice">
              <input type="checkbox" checked={chosen.has(s.sectionId)} disabled={!s.mayReplace} onChange={(e) => toggle(s.sectionId, e.currentTarget.checked)} />{' '}
              <span className="bidi-keep">
                {s.label}. {s.title}
              </span>{' '}
              <span className="muted">({s.matches.length})</span>
              {s.mayReplace ? null : <span className="muted"> · {t('find.readOnly')}</span>}
            </label>
            <ul className="plain-list">
              {s.matches.slice(0, 5).map((m, i) => (
                <li key={i} className="ed-report-find-match" dir="auto">
                  {m.before}
                  <mark>{m.match}</mark>
                  {m.after}
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
    </FormDialog>
  );
}
