// The implementation matrix in Excel (issue 16, point 5), for the secretariat: exported for every
// ministry or one (saved where the person says; downloaded in browser mode), and a filled one
// imported back: first what it changes and what someone changed meanwhile in the report (kept),
// then written in one step.
import { useState } from 'react';
import { Button, Dialog, Heading, Modal, ModalOverlay } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { ActionStatus, ImplementationStatus, MatrixChange, MatrixPreview, Organization } from '../../../shared/domain.js';
import { call, inDesktopApp } from '../../api/client.js';
import { useAnnounce } from '../../app/Announcer.js';
import { messageOf } from '../../app/errors.js';
import { fileName, useFormat } from '../../app/format.js';
import { useWorkspace } from '../../app/workspaceContext.js';
import { SelectField } from '../../widgets/fields.js';
import { ChoiceStatus, useFileChoice } from '../../widgets/file-choice.js';
import { exportFilePath } from '../export/exportPath.js';

const ALL = 'all';
type Kind = 'export' | 'import';

export function MatrixExchange({ organizations, onImported }: { organizations: readonly Organization[]; onImported: () => void }) {
  const { t } = useTranslation('recommendations');
  const format = useFormat();
  const { workspace } = useWorkspace();
  const [ministry, setMinistry] = useState<string>(ALL);
  const [done, setDone] = useState<string | null>(null);
  const [preview, setPreview] = useState<{ path: string; shownName: string; read: MatrixPreview } | null>(null);
  const ministryName = organizations.find((o) => o.id === ministry)?.name;
  const choice = useFileChoice<Kind>({
    dialog: (kind) => ({ mode: kind === 'export' ? 'save' : 'open', kind: 'xlsx' }),
    run: async (kind, chosen, name) => {
      setDone(null);
      if (kind === 'export') {
        const written = await call('plan.exportMatrix', { path: exportFilePath(chosen, 'xlsx'), ...(ministry !== ALL ? { organizationId: ministry } : {}) });
        setDone(t('matrix.written', { n: format.number(written.recommendations), actions: format.number(written.actions), path: inDesktopApp() ? written.path : fileName(written.path) }));
      } else {
        const read = await call('plan.previewMatrix', { path: chosen });
        setPreview({ path: chosen, shownName: name ?? fileName(chosen), read });
      }
    },
    downloadName: () => `${fileName(workspace.path ?? 'report.upr').replace(/\.upr$/i, '')} implementation matrix${ministryName ? ` - ${ministryName}` : ''}.xlsx`,
    busyButton: 'disabled',
  });
  return (
    <div className="rc-open-data rc-matrix" role="group" aria-label={t('matrix.label')}>
      <span className="rc-open-data-label">{t('matrix.label')}</span>
      <SelectField<string>
        className="rc-matrix-rows"
        label={t('matrix.rows')}
        value={ministry}
        onChange={setMinistry}
        options={[{ id: ALL, label: t('matrix.allMinistries') }, ...organizations.map((o) => ({ id: o.id, label: o.name }))]}
      />
      <Button className="button button-small" {...choice.buttonProps('export')}>
        {t('matrix.export')}
      </Button>
      <Button className="button button-small" {...choice.buttonProps('import')}>
        {t('matrix.import')}
      </Button>
      <ChoiceStatus
        working={choice.busy === 'export' ? t('matrix.writing') : choice.busy === 'import' ? t('matrix.reading') : null}
        done={done ? <span>{done}</span> : null}
        failed={choice.failure ? t('matrix.failed', { message: choice.failure.message }) : null}
        testId="matrix-status"
      />
      {preview ? (
        <MatrixPreviewDialog
          preview={preview.read}
          shownName={preview.shownName}
          onClose={() => setPreview(null)}
          onWrite={async () => {
            const result = await call('plan.importMatrix', { path: preview.path });
            setPreview(null);
            setDone(t('matrix.imported', { written: format.number(result.written), kept: format.number(result.kept) }));
            onImported();
          }}
        />
      ) : null}
    </div>
  );
}

function MatrixPreviewDialog({ preview, shownName, onClose, onWrite }: { preview: MatrixPreview; shownName: string; onClose: () => void; onWrite: () => Promise<void> }) {
  const { t } = useTranslation('recommendations');
  const { t: say, i18n } = useTranslation('errors');
  const format = useFormat();
  const announce = useAnnounce();
  // Said in the person's language: the sheet (named as in the workbook), then what is wrong there.
  const problemText = (p: MatrixPreview['problems'][number]) =>
    p.key && i18n.exists(`errors:${p.key}`) ? `${String(p.params?.sheet ?? '')}: ${String(say(p.key as never, (p.params ?? {}) as never))}` : p.reason;
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const toWrite = preview.changes.filter((c) => !c.conflict).length;
  const value = (c: MatrixChange, v: string | undefined): string =>
    v === undefined ? '' : c.kind === 'action' ? t(`plan.statuses.${v as ActionStatus}`) : t(`status.${v as ImplementationStatus}`);
  const write = async () => {
    setBusy(true);
    setError(null);
    try {
      await onWrite();
      announce(t('matrix.importedShort', { n: format.number(toWrite) }));
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <ModalOverlay isOpen isDismissable onOpenChange={(open) => !open && onClose()} className="modal-overlay">
      <Modal className="modal rc-import-modal">
        <Dialog className="dialog">
          <Heading slot="title" className="dialog-title">
            {t('matrix.previewTitle', { name: shownName })}
          </Heading>
          {preview.changes.length ? (
            <div className="rc-preview-scroller" tabIndex={0} role="region" aria-label={t('matrix.changes')}>
              <table className="table-screen-table rc-table rc-preview-table">
                <thead>
                  <tr>
                    <th scope="col">{t('column.number')}</th>
                    <th scope="col">{t('matrix.what')}</th>
                    <th scope="col">{t('matrix.change')}</th>
                  </tr>
                </thead>
                <tbody>
                  {preview.changes.map((c, i) => (
                    <tr key={i} className={c.conflict ? 'rc-matrix-conflict' : undefined}>
                      <th scope="row" className="rc-number">
                        {c.number}
                      </th>
                      <td dir="auto">{c.kind === 'note' ? t('matrix.note', { date: format.date(c.date ?? '') }) : c.kind === 'action' ? c.title : t('matrix.status')}</td>
                      <td dir="auto">
                        {c.kind === 'note' ? c.to : t('matrix.fromTo', { from: value(c, c.from), to: value(c, c.to) })}
                        {c.conflict ? <div className="rc-matrix-kept">{t('matrix.conflict', { now: value(c, c.conflict) })}</div> : null}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : (
            <p className="muted">{t('matrix.nothing')}</p>
          )}
          {preview.problems.length ? (
            <section aria-label={t('matrix.problems', { count: preview.problems.length })}>
              <h3 className="rc-subtitle">{t('matrix.problems', { count: preview.problems.length })}</h3>
              <ul className="rc-problems">
                {preview.problems.map((p, i) => (
                  <li key={i}>
                    <span className="rc-problem-row">{t('import.row', { row: p.row })}</span> {problemText(p)}
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
          {error ? (
            <p role="alert" className="inline-error">
              {error}
            </p>
          ) : null}
          <div className="form-buttons">
            <Button className="button" onPress={onClose}>
              {toWrite ? t('plan.cancel') : t('import.close')}
            </Button>
            {toWrite ? (
              <Button className="button button-primary" isPending={busy} onPress={() => void write()}>
                {t('matrix.write', { count: toWrite, n: format.number(toWrite) })}
              </Button>
            ) : null}
          </div>
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}
