// The next cycle, in the report settings: which report this one follows (when it was started from
// one), and for the secretariat "Start the next report…": a dialog asking the cycle, a title if not
// the usual one, and where the file goes (the system's save dialog; in browser mode, where there is
// none, a path typed on the server). The new report then opens in this window, as the same person.
import { useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { denyReportChange } from '../../../shared/permissions.js';
import { call, inDesktopApp } from '../../api/client.js';
import { useAnnounce } from '../../app/Announcer.js';
import { useWorkspace } from '../../app/workspaceContext.js';
import { FormDialog } from '../../widgets/dialogs.js';
import { NumberInput, TextInput } from '../../widgets/fields.js';
import './next-report.css';

export function NextCycle() {
  const { t } = useTranslation();
  const { workspace } = useWorkspace();
  const [open, setOpen] = useState(false);
  const previous = workspace.previousReport;
  const mayStart = denyReportChange(workspace.me) === null;
  if (!previous && !mayStart) return null;
  return (
    <section className="settings-next" aria-labelledby="settings-next-heading">
      <h3 id="settings-next-heading" className="subhead">
        {t('nextReport.heading')}
      </h3>
      {previous ? <p data-testid="previous-report">{t('nextReport.follows', { title: previous.title, cycle: previous.cycle, file: previous.file })}</p> : null}
      {mayStart ? (
        <>
          <p className="muted">{t('nextReport.hint')}</p>
          <Button className="button" onPress={() => setOpen(true)}>
            {t('nextReport.start')}
          </Button>
          {open ? <NextReportDialog onClose={() => setOpen(false)} /> : null}
        </>
      ) : null}
    </section>
  );
}

function NextReportDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const { workspace, refresh } = useWorkspace();
  const announce = useAnnounce();
  const desktop = inDesktopApp();
  const [cycle, setCycle] = useState<number | null>(Math.min(20, workspace.report.cycle + 1));
  const [title, setTitle] = useState('');
  const [path, setPath] = useState('');

  const validate = () => (cycle === null ? t('nextReport.fillIn') : !desktop && !path.trim() ? t('start.pathRequired') : null);
  const start = async () => {
    let file = path.trim();
    if (desktop) {
      const choice = await call('app.chooseFile', { mode: 'save', kind: 'report' });
      // Closing the system's dialog cancels, and leaves this one open.
      if (choice.path === null) return 'stay';
      file = choice.path;
    }
    const made = await call('app.startNextReport', { path: file, cycle: cycle!, ...(title.trim() ? { title: title.trim() } : {}) });
    announce(t('nextReport.started', { count: made.recommendations, cycle }));
    // This window now has the new report open: the workspace is loaded afresh on it.
    onClose();
    await refresh();
  };

  return (
    <FormDialog isOpen onClose={onClose} title={t('nextReport.title')} submitLabel={desktop ? t('nextReport.createChoose') : t('nextReport.create')} onSubmit={start} validate={validate}>
      <p className="dialog-message">{t('nextReport.hint')}</p>
      <NumberInput label={t('nextReport.cycle')} value={cycle} onChange={setCycle} minValue={1} maxValue={20} isRequired />
      <TextInput label={t('nextReport.reportTitle')} description={t('nextReport.reportTitleHint')} value={title} onChange={setTitle} />
      {desktop ? null : (
        <TextInput
          label={t('start.newPath')}
          description={t('start.newPathHint')}
          value={path}
          onChange={setPath}
          placeholder={t('start.newPathPlaceholder')}
          isRequired
        />
      )}
    </FormDialog>
  );
}
