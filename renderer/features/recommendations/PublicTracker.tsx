// The public tracker (issue 16, point 9), in the screens: the secretariat exports the website a
// ministry publishes as it is (into a folder in the desktop app; downloaded as a .zip of that folder
// in browser mode), and marks what goes into it: a recommendation, one of its progress notes, a
// consultation input (the inputs view uses the same check box). Others see what is public.
import { useId, useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { ProgressNote, Recommendation } from '../../../shared/domain.js';
import { call, inDesktopApp } from '../../api/client.js';
import { useAnnounce } from '../../app/Announcer.js';
import { messageOf } from '../../app/errors.js';
import { fileName, useFormat } from '../../app/format.js';
import { useWorkspace } from '../../app/workspaceContext.js';
import { ChoiceStatus, useFileChoice } from '../../widgets/file-choice.js';
import './public-tracker.css';

/** "Export public tracker…", for the secretariat, beside the open data. */
export function PublicTracker() {
  const { t } = useTranslation('recommendations');
  const format = useFormat();
  const { workspace } = useWorkspace();
  const [written, setWritten] = useState<{ path: string; recommendations: number; notes: number; inputs: number; downloaded: boolean } | null>(null);
  const choice = useFileChoice<'tracker'>({
    dialog: () => ({ mode: 'save', kind: 'folder' }),
    run: async (_, chosen) => {
      setWritten(null);
      // Browser mode cannot name a folder on this computer: the same site comes as one .zip to download.
      const zip = !inDesktopApp();
      const done = await call('export.publicTracker', { path: chosen, zip });
      setWritten({ ...done, path: zip ? fileName(done.path) : done.path, downloaded: zip });
    },
    downloadName: () => `${fileName(workspace.path ?? 'report.upr').replace(/\.upr$/i, '')} public tracker.zip`,
    busyButton: 'disabled',
  });
  return (
    <div className="rc-open-data rc-public-tracker">
      <Button className="button button-small" {...choice.buttonProps('tracker')}>
        {t('publicTracker.export')}
      </Button>
      <ChoiceStatus
        working={choice.busy ? t('publicTracker.writing') : null}
        done={
          written ? (
            <span>
              {t(written.downloaded ? 'publicTracker.downloaded' : 'publicTracker.written', {
                count: written.recommendations,
                n: format.number(written.recommendations),
                notes: format.number(written.notes),
                inputs: format.number(written.inputs),
                path: written.path,
              })}
            </span>
          ) : null
        }
        failed={choice.failure ? t('publicTracker.failed', { message: choice.failure.message }) : null}
        testId="public-tracker-status"
      />
    </div>
  );
}

export interface PublicCheckboxProps {
  checked: boolean;
  label: string;
  /** Said under the box, and read with it. */
  description?: string;
  /** Sets the flag; throws to say why not (the box then shows what the report has). */
  onToggle: (on: boolean) => Promise<void>;
  className?: string;
}

/** A check box that puts something in the public tracker or takes it out, saved at once. */
export function PublicCheckbox({ checked, label, description, onToggle, className }: PublicCheckboxProps) {
  const announce = useAnnounce();
  const hint = useId();
  const [busy, setBusy] = useState(false);
  const toggle = async (on: boolean) => {
    setBusy(true);
    try {
      await onToggle(on);
    } catch (e) {
      announce(messageOf(e), 'error');
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className={`public-check${className ? ` ${className}` : ''}`}>
      <label>
        <input type="checkbox" checked={checked} disabled={busy} aria-describedby={description ? hint : undefined} onChange={(e) => void toggle(e.currentTarget.checked)} />
        {label}
      </label>
      {description ? (
        <p id={hint} className="field-description">
          {description}
        </p>
      ) : null}
    </div>
  );
}

/** Whether a recommendation is in the public tracker: a check box for the secretariat, a line for the others when it is. */
export function RecommendationPublic({ recommendation: r, mayPublish, onChanged }: { recommendation: Recommendation; mayPublish: boolean; onChanged: () => void }) {
  const { t } = useTranslation('recommendations');
  const announce = useAnnounce();
  if (!mayPublish) return r.public ? <p className="rc-fact public-shown">{t('publicTracker.field')}</p> : null;
  return (
    <PublicCheckbox
      checked={r.public}
      label={t('publicTracker.field')}
      description={t('publicTracker.fieldHint')}
      onToggle={async (on) => {
        await call('recommendations.setPublic', { ids: [r.id], public: on });
        announce(t(on ? 'publicTracker.on' : 'publicTracker.off', { number: r.number }));
        onChanged();
      }}
    />
  );
}

/** Whether a progress note is in the public tracker (with its recommendation): a small check box for the secretariat. */
export function NotePublic({ note, mayPublish, onChanged }: { note: ProgressNote; mayPublish: boolean; onChanged: () => void }) {
  const { t } = useTranslation('recommendations');
  const format = useFormat();
  const announce = useAnnounce();
  const [busy, setBusy] = useState(false);
  const date = format.date(note.date);
  if (!mayPublish) return note.public ? <span className="muted"> · {t('publicTracker.notePublic')}</span> : null;
  const toggle = async (on: boolean) => {
    setBusy(true);
    try {
      await call('recommendations.setNotePublic', { ids: [note.id], public: on });
      announce(t(on ? 'publicTracker.noteOn' : 'publicTracker.noteOff', { date }));
      onChanged();
    } catch (e) {
      announce(messageOf(e), 'error');
    } finally {
      setBusy(false);
    }
  };
  return (
    <label className="public-note-check">
      <input type="checkbox" checked={note.public} disabled={busy} onChange={(e) => void toggle(e.currentTarget.checked)} />
      {t('publicTracker.note')}
      {/* Which note, for a screen reader going from box to box: the visible word first, as it is seen. */}
      <span className="visually-hidden"> ({t('publicTracker.noteLabel', { date })})</span>
    </label>
  );
}
