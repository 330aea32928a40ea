// Writing the report as a Word file, a PDF or a web page. In the app the system's save dialog names
// the file; in browser mode the file is downloaded, named after the report file. While the main
// process writes, the button is pending and a status line, which screen readers hear, says so; then
// it says where the file went (or its name, downloaded), how big it is and how many words it has, or
// why it was not written.
import { useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { ANNEX_ORDERS, ANNEX_RECOMMENDATIONS, EXPORT_FORMATS, type AnnexChoice, type ExportFormat } from '../../../shared/api.js';
import { call, inDesktopApp } from '../../api/client.js';
import { fileName, useFormat } from '../../app/format.js';
import { useWorkspace } from '../../app/workspaceContext.js';
import { ChoiceStatus, useFileChoice } from '../../widgets/file-choice.js';
import { RadioChoice, SelectField, TextInput } from '../../widgets/fields.js';
import { formatSize } from '../inputs/inputRows.js';
import type { ExportChoices } from './exportOptions.js';
import { exportFilePath } from './exportPath.js';
import { PreviewToggle } from './PreviewPages.js';

/** `downloaded`: browser mode, where `path` is the name the file was offered under. */
type Written = { path: string; bytes: number; words: number; downloaded: boolean };

export interface WriteReportProps {
  choices: ExportChoices;
  /** Whether the preview of the pages is shown, and the way to show or hide it. */
  previewing: boolean;
  onTogglePreview: () => void;
}

export function WriteReport({ choices, previewing, onTogglePreview }: WriteReportProps) {
  const { t, i18n } = useTranslation('export');
  const format = useFormat();
  const { workspace } = useWorkspace();
  const [written, setWritten] = useState<Written | null>(null);
  const { annexes, setAnnexes, kind, setKind, label, setLabel, lineNumbers, setLineNumbers, options } = choices;
  const choice = useFileChoice<ExportFormat>({
    dialog: (fmt) => ({ mode: 'save', kind: fmt }),
    run: async (fmt, chosen) => {
      setWritten(null);
      const done = await call('export.write', { format: fmt, path: exportFilePath(chosen, fmt), ...options });
      setWritten(inDesktopApp() ? { ...done, downloaded: false } : { ...done, path: fileName(done.path), downloaded: true });
    },
    downloadName: (fmt) => exportFilePath(fileName(workspace.path ?? 'report.upr'), fmt),
  });
  const { busy, failure } = choice;

  return (
    <section className="ex-card ex-write" aria-labelledby="ex-write-title">
      <h3 id="ex-write-title" className="block-title">
        {t('write.title')}
      </h3>
      <p className="ex-note">{t('write.lead')}</p>
      <div className="ex-draft">
        <RadioChoice<'final' | 'draft'>
          label={t('draft.kind')}
          value={kind}
          onChange={setKind}
          options={[
            { id: 'final', label: t('draft.final') },
            { id: 'draft', label: t('draft.draft') },
          ]}
          description={kind === 'draft' ? t('draft.hint') : undefined}
        />
        {kind === 'draft' ? (
          <>
            <TextInput label={t('draft.label')} value={label} onChange={setLabel} placeholder={t('draft.defaultLabel')} />
            <label className="ex-check">
              <input type="checkbox" checked={lineNumbers} onChange={(e) => setLineNumbers(e.currentTarget.checked)} /> {t('draft.lineNumbers')}
            </label>
          </>
        ) : null}
      </div>
      <fieldset className="ex-annexes">
        <legend className="ex-subtitle">{t('annexes.title')}</legend>
        <SelectField<AnnexChoice['recommendations']>
          label={t('annexes.recommendations')}
          value={annexes.recommendations}
          onChange={(v) => setAnnexes({ ...annexes, recommendations: v })}
          options={ANNEX_RECOMMENDATIONS.map((k) => ({ id: k, label: t(`annexes.which.${k}`) }))}
        />
        <SelectField<AnnexChoice['order']>
          label={t('annexes.order')}
          value={annexes.order}
          onChange={(v) => setAnnexes({ ...annexes, order: v })}
          options={ANNEX_ORDERS.map((k) => ({ id: k, label: t(`annexes.orders.${k}`) }))}
          isDisabled={annexes.recommendations === 'none'}
        />
        <label className="ex-check">
          <input type="checkbox" checked={annexes.inputs} onChange={(e) => setAnnexes({ ...annexes, inputs: e.currentTarget.checked })} /> {t('annexes.inputs')}
        </label>
      </fieldset>
      <div className="ex-write-buttons">
        {EXPORT_FORMATS.map((fmt) => (
          <Button key={fmt} className="button" {...choice.buttonProps(fmt)}>
            {t(`write.format.${fmt}`)}
          </Button>
        ))}
        <PreviewToggle shown={previewing} onToggle={onTogglePreview} />
      </div>
      <ChoiceStatus
        working={busy ? t(`write.writing.${busy}`) : null}
        done={
          written ? (
            <p className="ex-written">
              <span aria-hidden="true">✓ </span>
              {t(written.downloaded ? 'write.downloaded' : 'write.written', { count: written.words, path: written.path, size: formatSize(written.bytes, i18n.language).replace(' ', '\u00a0'), n: format.number(written.words) })}
            </p>
          ) : null
        }
        failed={failure ? t(`write.failed.${failure.kind}`, { message: failure.message }) : null}
        testId="export-status"
      />
    </section>
  );
}
