// The Sharing screen: sending a copy of the report to another office (packed to e-mail), or only the
// changes an office has not seen, merging a copy or changes that came back (the secretariat's),
// what the merge brought, and the conflicts still to settle.
import { OfficeServer } from './OfficeServer.js';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MergeSummary } from '../../../shared/api.js';
import { call, inDesktopApp } from '../../api/client.js';
import { messageOf } from '../../app/errors.js';
import { fileName } from '../../app/format.js';
import { useWorkspace } from '../../app/workspaceContext.js';
import { formatSize } from '../inputs/inputRows.js';
import { Conflicts } from './Conflicts.js';
import { FlaggedParagraphs } from './FlaggedParagraphs.js';
import { FileAction } from './FileAction.js';
import { MergeReport } from './MergeReport.js';
import { SendChanges } from './SendChanges.js';
import { ServeNetwork } from './ServeNetwork.js';
import './sharing.css';

/** `here`: merged in this view just now, not read back from the file. */
type ShownMerge = { mergedAt: string | null; summary: MergeSummary; here: boolean };

export function SharingScreen() {
  const { t, i18n } = useTranslation('sharing');
  const { workspace } = useWorkspace();
  const secretariat = workspace.me?.role === 'secretariat';
  /** `downloaded`: browser mode, where `path` is the name the copy was offered under. */
  const [sent, setSent] = useState<{ path: string; bytes: number; downloaded: boolean } | null>(null);
  // The last merge's report, as the file keeps it: it survives a reload and a visit to another tab
  // (the sections edited in both copies are named nowhere else). A merge made here replaces it.
  const [merged, setMerged] = useState<ShownMerge | null>(null);
  const mergedHere = useRef(false);
  const [lastMergeError, setLastMergeError] = useState<string | null>(null);
  const [heard, setHeard] = useState(0);
  // Off unless chosen: the secretariat confirms keys after checking their fingerprints with their owners.
  const [confirmKeys, setConfirmKeys] = useState(false);
  useEffect(() => {
    if (!secretariat) return;
    let live = true;
    call('sharing.lastMerge', {}).then(
      (last) => live && !mergedHere.current && setMerged(last ? { ...last, here: false } : null),
      (e: unknown) => live && setLastMergeError(messageOf(e)),
    );
    return () => {
      live = false;
    };
  }, [secretariat, workspace.path]);

  return (
    <div className="sh-screen">
      <h2 className="page-title">{t('title')}</h2>
      <p className="sh-lead">{t('lead')}</p>
      {secretariat ? null : <p className="sh-note sh-role-note">{t('secretariatOnly')}</p>}
      <div className="sh-columns">
        <FileAction
          id="sh-send"
          mode="save"
          kind="copy"
          title={t('send.title')}
          lead={t('send.lead')}
          button={t('send.button')}
          downloadName={fileName(workspace.path ?? 'report.upr')}
          working={t('send.working')}
          failed={(message) => t('send.failed', { message })}
          run={async (path) => {
            setSent(null);
            const done = await call('sharing.sendCopy', { path });
            setSent(inDesktopApp() ? { ...done, downloaded: false } : { ...done, path: fileName(done.path), downloaded: true });
          }}
        >
          {sent ? (
            <p className="sh-done">
              <span aria-hidden="true">✓ </span>
              <bdi>{t(sent.downloaded ? 'send.downloaded' : 'send.done', { path: sent.path, size: formatSize(sent.bytes, i18n.language).replace(' ', '\u00a0') })}</bdi>
            </p>
          ) : null}
        </FileAction>
        <SendChanges heard={heard} />
        {secretariat ? <ServeNetwork /> : null}
        <OfficeServer />
        {secretariat ? (
          <FileAction
            id="sh-merge"
            mode="open"
            title={t('merge.title')}
            lead={t('merge.lead')}
            button={t('merge.button')}
            working={t('merge.working')}
            failed={(message) => t('merge.failed', { message })}
            fields={
              <label className="sh-check">
                <input type="checkbox" checked={confirmKeys} aria-describedby="sh-merge-keys-hint" onChange={(e) => setConfirmKeys(e.currentTarget.checked)} /> {t('merge.confirmKeys')}
                <span id="sh-merge-keys-hint" className="sh-note">
                  {t('merge.confirmKeysHint')}
                </span>
              </label>
            }
            run={async (path, name) => {
              mergedHere.current = true;
              setMerged(null);
              const summary = await call('sharing.merge', { path, ...(name ? { name } : {}), ...(confirmKeys ? { confirmKeys: true } : {}) });
              // A merge that brought nothing is not recorded, so it has no time to show.
              const recorded = summary.rows > 0 || summary.texts > 0;
              setMerged({ summary, mergedAt: recorded ? new Date().toISOString() : null, here: true });
              // What the office it came from has is known now: changes can go to it.
              setHeard((n) => n + 1);
            }}
          >
            {merged?.here ? (
              <p className="sh-done">
                <span aria-hidden="true">✓ </span>
                {merged.summary.rows === 0 && merged.summary.texts === 0 ? t('report.nothing') : t('merge.done')}
              </p>
            ) : null}
          </FileAction>
        ) : null}
      </div>
      {lastMergeError ? (
        <p role="alert" className="inline-error">
          {lastMergeError}
        </p>
      ) : null}
      {merged ? <MergeReport summary={merged.summary} mergedAt={merged.mergedAt} /> : null}
      <FlaggedParagraphs />
      <Conflicts canSettle={secretariat} />
    </div>
  );
}
