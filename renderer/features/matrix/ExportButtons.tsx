// Saving the matrix as a spreadsheet (XLSX) or CSV, to take to a meeting or send to the treaty
// body. In the app the system's save dialog names the file; in browser mode the person types its
// full path in a form floating under the buttons. The result is said in the status bar; why it
// failed, there too, or in the form when the path was typed.
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client.js';
import { useAnnounce } from '../../app/Announcer.js';
import { useFormat } from '../../app/format.js';
import { PathForm, useFileChoice } from '../../widgets/file-choice.js';
import { exportFilePath, offerExportPath } from '../export/exportPath.js';

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
      announce(t('export.saved', { count: done.rows, n: format.number(done.rows), path: done.path }));
    },
    pathRequired: t('export.pathRequired'),
    offer: (fmt, typed) => offerExportPath(typed, fmt),
    sayFailure: (message) => announce(message, 'error'),
  });
  const { asking } = choice;

  return (
    <div className="mx-export">
      <div className="mx-export-buttons">
        {FORMATS.map((fmt) => (
          <Button key={fmt} className="button button-small" {...choice.buttonProps(fmt)}>
            {t(`export.${fmt}`)}
          </Button>
        ))}
      </div>
      {asking ? (
        <PathForm
          choice={choice}
          className="mx-export-path"
          label={t(`export.pathLabel.${asking}`)}
          hint={t('export.pathHint')}
          submit={t('export.save')}
          placeholder={t(`export.pathPlaceholder.${asking}`)}
          small
          showFailure
        />
      ) : null}
    </div>
  );
}
