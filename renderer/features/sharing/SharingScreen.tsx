// The Sharing screen: sending a copy of the report to another office, merging a copy that came
// back (the secretariat's), what the merge brought, and the conflicts still to settle.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MergeSummary } from '../../../shared/api.js';
import { call } from '../../api/client.js';
import { useWorkspace } from '../../app/workspaceContext.js';
import { formatSize } from '../inputs/inputRows.js';
import { Conflicts } from './Conflicts.js';
import { FileAction } from './FileAction.js';
import { MergeReport } from './MergeReport.js';
import './sharing.css';

/**
 * The last merge's report, for this window: the view is unmounted when another tab is chosen, and
 * the sections edited in both copies are named nowhere else, so coming back still shows them.
 */
let lastMerge: { reportPath: string | null; summary: MergeSummary } | null = null;

export function SharingScreen() {
  const { t, i18n } = useTranslation('sharing');
  const { workspace } = useWorkspace();
  const secretariat = workspace.me?.role === 'secretariat';
  const [sent, setSent] = useState<{ path: string; bytes: number } | null>(null);
  const [merged, setMergedState] = useState<MergeSummary | null>(() => (lastMerge?.reportPath === workspace.path ? lastMerge.summary : null));
  const setMerged = (summary: MergeSummary | null) => {
    lastMerge = summary ? { reportPath: workspace.path, summary } : null;
    setMergedState(summary);
  };

  return (
    <div className="sh-screen">
      <h2 className="page-title">{t('title')}</h2>
      <p className="sh-lead">{t('lead')}</p>
      {secretariat ? null : <p className="sh-note sh-role-note">{t('secretariatOnly')}</p>}
      <div className="sh-columns">
        <FileAction
          id="sh-send"
          mode="save"
          title={t('send.title')}
          lead={t('send.lead')}
          button={t('send.button')}
          pathLabel={t('send.pathLabel')}
          submit={t('send.save')}
          working={t('send.working')}
          failed={(message) => t('send.failed', { message })}
          run={async (path) => {
            setSent(null);
            setSent(await call('sharing.sendCopy', { path }));
          }}
        >
          {sent ? (
            <p className="sh-done">
              <span aria-hidden="true">✓ </span>
              <bdi>{t('send.done', { path: sent.path, size: formatSize(sent.bytes, i18n.language).replace(' ', '\u00a0') })}</bdi>
            </p>
          ) : null}
        </FileAction>
        {secretariat ? (
          <FileAction
            id="sh-merge"
            mode="open"
            title={t('merge.title')}
            lead={t('merge.lead')}
            button={t('merge.button')}
            pathLabel={t('merge.pathLabel')}
            submit={t('merge.save')}
            working={t('merge.working')}
            failed={(message) => t('merge.failed', { message })}
            run={async (path) => {
              setMerged(null);
              setMerged(await call('sharing.merge', { path }));
            }}
          >
            {merged ? (
              <p className="sh-done">
                <span aria-hidden="true">✓ </span>
                {merged.rows === 0 && merged.texts === 0 ? t('report.nothing') : t('merge.done')}
              </p>
            ) : null}
          </FileAction>
        ) : null}
      </div>
      {merged ? <MergeReport summary={merged} /> : null}
      <Conflicts canSettle={secretariat} />
    </div>
  );
}
