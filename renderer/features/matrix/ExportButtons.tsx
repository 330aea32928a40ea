// Saving the matrix as a spreadsheet (XLSX) or CSV, to take to a meeting or send to the treaty
// body. In the app the system's save dialog names the file; in browser mode it is downloaded. The
// result is said in the status bar, and why it failed, there too.
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { call, inDesktopApp } from '../../api/client.js';
import { useAnnounce } from '../../app/Announcer.js';
import { fileName, useFormat } from '../../app/format.js';
import { useFileChoice } from '../../widgets/file-choice.js';
import { exportFilePath } from '../export/exportPath.js';

const FORMATS = ['xlsx', 'csv'] as const;
type Format = (typeof FORMATS)[number];

export function ExportButtons() {
  const { t } = useTranslation('matrix');
  const format = useFormat();
  const announce = useAnnounce();
  const choice = useFileChoice<Format>({
    dialog: (fmt) => ({ mode: 'save', kind: fmt }),
    run: async (fmt, chosen) => {
      const done = await call('comments.export', { format: fmt, path: exportFilePath(chosen, fmt) });
      const where = inDesktopApp() ? done.path : fileName(done.path);
      announce(t('export.saved', { count: done.rows, n: format.number(done.rows), path: where }));
    },
    downloadName: (fmt) => exportFilePath(t('export.fileName'), fmt),
    sayFailure: (message) => announce(message, 'error'),
  });

  return (
    <div className="mx-export">
      <div className="mx-export-buttons">
        {FORMATS.map((fmt) => (
          <Button key={fmt} className="button button-small" {...choice.buttonProps(fmt)}>
            {t(`export.${fmt}`)}
          </Button>
        ))}
      </div>
    </div>
  );
}
