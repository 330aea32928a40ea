// The recommendations as open data, for national tracking databases and researchers: CSV (a row
// each) or JSON (the progress notes in full), saved where the person says (downloaded, in browser
// mode, named after the report). Anyone who has the report may write it; nothing changes.
import { useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { call, inDesktopApp } from '../../api/client.js';
import { fileName, useFormat } from '../../app/format.js';
import { useWorkspace } from '../../app/workspaceContext.js';
import { ChoiceStatus, useFileChoice } from '../../widgets/file-choice.js';
import { exportFilePath } from '../export/exportPath.js';

const FORMATS = ['csv', 'json'] as const;
type Format = (typeof FORMATS)[number];

export function OpenData() {
  const { t } = useTranslation('recommendations');
  const format = useFormat();
  const { workspace } = useWorkspace();
  const [written, setWritten] = useState<{ path: string; rows: number; downloaded: boolean } | null>(null);
  const choice = useFileChoice<Format>({
    dialog: (fmt) => ({ mode: 'save', kind: fmt }),
    run: async (fmt, chosen) => {
      setWritten(null);
      const done = await call('recommendations.export', { format: fmt, path: exportFilePath(chosen, fmt) });
      setWritten(inDesktopApp() ? { ...done, downloaded: false } : { ...done, path: fileName(done.path), downloaded: true });
    },
    downloadName: (fmt) => exportFilePath(`${fileName(workspace.path ?? 'report.upr').replace(/\.upr$/i, '')} recommendations`, fmt),
    busyButton: 'disabled',
  });
  return (
    <div className="rc-open-data" role="group" aria-label={t('openData.label')}>
      <span className="rc-open-data-label">{t('openData.label')}</span>
      {FORMATS.map((fmt) => (
        <Button key={fmt} className="button button-small" {...choice.buttonProps(fmt)}>
          {t(`openData.${fmt}`)}
        </Button>
      ))}
      <ChoiceStatus
        working={choice.busy ? t('openData.writing') : null}
        done={written ? <span>{t(written.downloaded ? 'openData.downloaded' : 'openData.written', { count: written.rows, n: format.number(written.rows), path: written.path })}</span> : null}
        failed={choice.failure ? t('openData.failed', { message: choice.failure.message }) : null}
        testId="open-data-status"
      />
    </div>
  );
}
