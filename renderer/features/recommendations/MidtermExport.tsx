// The mid-term report (issue 16, point 7), beside the other exports of the Recommendations view:
// the UPR recommendations cluster by cluster with their status and progress, and the annex matrix,
// in the report's language, as Word or PDF; saved where the person says (downloaded, in browser
// mode, named after the report). Anyone who has the report may write it; nothing changes.
import { useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { call, inDesktopApp } from '../../api/client.js';
import { fileName, useFormat } from '../../app/format.js';
import { useWorkspace } from '../../app/workspaceContext.js';
import { ChoiceStatus, useFileChoice } from '../../widgets/file-choice.js';
import { exportFilePath } from '../export/exportPath.js';

const FORMATS = ['docx', 'pdf'] as const;
type Format = (typeof FORMATS)[number];

export function MidtermExport() {
  const { t } = useTranslation('recommendations');
  const format = useFormat();
  const { workspace } = useWorkspace();
  const [written, setWritten] = useState<{ path: string; recommendations: number; downloaded: boolean } | null>(null);
  const choice = useFileChoice<Format>({
    dialog: (fmt) => ({ mode: 'save', kind: fmt }),
    run: async (fmt, chosen) => {
      setWritten(null);
      const done = await call('export.midterm', { format: fmt, path: exportFilePath(chosen, fmt) });
      setWritten(inDesktopApp() ? { ...done, downloaded: false } : { ...done, path: fileName(done.path), downloaded: true });
    },
    downloadName: (fmt) => exportFilePath(`${fileName(workspace.path ?? 'report.upr').replace(/\.upr$/i, '')} ${t('midterm.fileName')}`, fmt),
    busyButton: 'disabled',
  });
  return (
    <div className="rc-open-data rc-midterm" role="group" aria-label={t('midterm.label')}>
      <span className="rc-open-data-label">{t('midterm.label')}</span>
      {FORMATS.map((fmt) => (
        <Button key={fmt} className="button button-small" {...choice.buttonProps(fmt)}>
          {t(`midterm.${fmt}`)}
        </Button>
      ))}
      <ChoiceStatus
        working={choice.busy ? t('midterm.writing') : null}
        done={
          written ? (
            <span>{t(written.downloaded ? 'midterm.downloaded' : 'midterm.written', { n: format.number(written.recommendations), path: written.path })}</span>
          ) : null
        }
        failed={choice.failure ? t('midterm.failed', { message: choice.failure.message }) : null}
        testId="midterm-status"
      />
    </div>
  );
}
