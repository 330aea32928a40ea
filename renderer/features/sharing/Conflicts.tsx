// Fields changed in both copies and not settled yet. Each shows what it belongs to, both values
// with who set them and when, and which one the report shows now. The secretariat keeps one side
// or writes another value; either is a new change that wins in every office.
import { settlesWithText } from '../../../shared/domain.js';
import { useState, type FormEvent } from 'react';
import { Button, Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { OpenConflict } from '../../../shared/api.js';
import { call } from '../../api/client.js';
import { useAnnounce } from '../../app/Announcer.js';
import { messageOf } from '../../app/errors.js';
import { useWorkspace } from '../../app/workspaceContext.js';
import { changedAny, useLiveLoad } from '../../app/useLiveLoad.js';
import { TextInput } from '../../widgets/fields.js';
import { fieldLabel, localTime, subjectText, useTranslate, valueText } from './fieldNames.js';

type Value = OpenConflict['current'];
const CONCERNS = changedAny(new Set(['report', 'sections', 'comments', 'recommendations', 'inputs', 'organizations', 'members']));
const fetchConflicts = () => call('sharing.conflicts', {});

export function Conflicts({ canSettle }: { canSettle: boolean }) {
  const { t } = useTranslation('sharing');
  const { value: conflicts, error } = useLiveLoad(fetchConflicts, CONCERNS);
  return (
    <section className="sh-card sh-conflicts" aria-labelledby="sh-conflicts-title">
      <h3 id="sh-conflicts-title" className="block-title">
        {t('conflicts.title')}
        {conflicts?.length ? <span className="sh-badge">{t('conflicts.count', { count: conflicts.length })}</span> : null}
      </h3>
      {error ? (
        <p role="alert" className="inline-error">
          {error}
        </p>
      ) : conflicts === null ? (
        <p className="muted">{t('conflicts.loading')}</p>
      ) : conflicts.length === 0 ? (
        <p>{t('conflicts.none')}</p>
      ) : (
        <>
          <p className="sh-note">{t('conflicts.lead')}</p>
          <ul className="sh-conflict-list">
            {conflicts.map((c) => (
              <ConflictItem key={c.id} conflict={c} canSettle={canSettle} />
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

function ConflictItem({ conflict, canSettle }: { conflict: OpenConflict; canSettle: boolean }) {
  const { t } = useTranslation('sharing');
  const { t: common } = useTranslation();
  const { say, language } = useTranslate();
  const announce = useAnnounce();
  const [busy, setBusy] = useState(false);
  const [writing, setWriting] = useState(false);
  const [another, setAnother] = useState('');
  const { workspace } = useWorkspace();
  const field = fieldLabel(say, conflict.table, conflict.column);
  // A section is named from the workspace, so a title changed since is named as it is now.
  const section = conflict.subject.kind === 'section' ? workspace.sections.find((s) => s.id === conflict.row) : undefined;
  const belongsTo = subjectText(say, section ? { kind: 'section', label: section.title } : conflict.subject);
  const subject = `${belongsTo} · ${field}`;
  const shown = (v: Value) => valueText(say, language, workspace, conflict.table, conflict.column, v);
  // Numbers stay numbers (a word budget), the rest is text.
  const numeric = typeof conflict.local.value === 'number' || typeof conflict.other.value === 'number';

  const settle = async (value: Value): Promise<boolean> => {
    setBusy(true);
    try {
      await call('sharing.settle', { conflictId: conflict.id, value });
      announce(t('conflicts.settled', { subject, value: shown(value) }));
      return true;
    } catch (e) {
      announce(messageOf(e), 'error');
      return false;
    } finally {
      setBusy(false);
    }
  };

  const submitAnother = async (e: FormEvent) => {
    e.preventDefault();
    const value = numeric && another.trim() !== '' && !Number.isNaN(Number(another)) ? Number(another) : another;
    if (await settle(value)) setWriting(false);
  };

  const side = (key: 'local' | 'other') => {
    const s = conflict[key];
    const isShown = s.value === conflict.current;
    return (
      <div className={`sh-side${isShown ? ' sh-side-shown' : ''}`} role="group" aria-labelledby={`${conflict.id}-${key}`}>
        <p id={`${conflict.id}-${key}`} className="sh-side-title">
          {t(`conflicts.${key}`)}
          {isShown ? <span className="sh-shown">{t('conflicts.shown')}</span> : null}
        </p>
        <p className="sh-value">
          <bdi>{shown(s.value)}</bdi>
        </p>
        <p className="sh-by">
          <bdi>{s.authorName}</bdi>,{' '}
          <time dateTime={s.at} title={s.at}>
            {localTime(s.at, language)}
          </time>
        </p>
        {canSettle ? (
          <Button
            className="button button-small"
            isDisabled={busy}
            aria-label={t('conflicts.keepLabel', { side: t(`conflicts.${key}`).toLowerCase(), subject })}
            onPress={() => void settle(s.value)}
          >
            {t('conflicts.keep')}
          </Button>
        ) : null}
      </div>
    );
  };

  return (
    <li className="sh-conflict" aria-labelledby={`${conflict.id}-subject`}>
      <p id={`${conflict.id}-subject`} className="sh-subject">
        <bdi>{belongsTo}</bdi> · <span className="sh-field">{field}</span>
      </p>
      <div className="sh-sides">
        {side('local')}
        {side('other')}
      </div>
      {canSettle && settlesWithText(conflict.table, conflict.column) ? (
        writing ? (
          <div
            className="sh-another"
            onKeyDown={(e) => {
              if (e.key === 'Escape' && !busy) setWriting(false);
            }}
          >
            <Form onSubmit={(e) => void submitAnother(e)} validationBehavior="aria" aria-label={t('conflicts.anotherLabel', { subject })}>
              <TextInput label={t('conflicts.anotherLabel', { subject })} value={another} onChange={setAnother} autoFocus />
              <div className="form-buttons">
                <Button type="submit" className="button button-primary" isDisabled={busy}>
                  {t('conflicts.settle')}
                </Button>
                <Button className="button" isDisabled={busy} onPress={() => setWriting(false)}>
                  {common('common.cancel')}
                </Button>
              </div>
            </Form>
          </div>
        ) : (
          <Button
            className="button button-small sh-write-another"
            isDisabled={busy}
            onPress={() => {
              setAnother(conflict.current === null ? '' : String(conflict.current));
              setWriting(true);
            }}
          >
            {t('conflicts.another')}
          </Button>
        )
      ) : null}
    </li>
  );
}
