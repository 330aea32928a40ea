// Importing the list of recommendations (secretariat only): choose the file (the system's dialog in
// the app; in browser mode the browser's chooser, the file then sent to the server), see what the import would do (how many are new, changed or
// unchanged, the first rows, and every row that could not be read, with why), then confirm.
// A table (CSV, XLSX) shows which column each field is read from; changing one reads it again.
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { Button, Dialog, Heading, Modal, ModalOverlay } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import {
  CSV_DELIMITERS,
  CSV_ENCODINGS,
  RECOMMENDATION_COLUMNS,
  type ColumnMapping,
  type CsvDelimiter,
  type CsvEncoding,
  type CsvReading,
  type ImportPreview,
  type ImportProblem,
  type TableColumns,
} from '../../../shared/domain.js';
import { call, inDesktopApp, uploadFile } from '../../api/client.js';
import { useAnnounce } from '../../app/Announcer.js';
import { messageOf } from '../../app/errors.js';
import { fileName, useFormat } from '../../app/format.js';
import { SelectField } from '../../widgets/fields.js';
import { chooseInBrowser, namedAsChosen } from '../../widgets/file-choice.js';
import { PositionBadge } from './badges.js';

/** How many of the rows read the preview lists; the rest are counted. */
export const PREVIEW_ROWS = 20;

/** The file chosen: where the main process reads it, and its name as the person knows it. */
type Chosen = { path: string; name: string };
type Step = { kind: 'failed' } | ({ kind: 'reading' } & Chosen) | ({ kind: 'preview'; preview: ImportPreview } & Chosen);

/**
 * Asks for the list: the system's dialog in the app, the browser's chooser in browser mode (the
 * file is then sent to the server). Null when the person closed the chooser.
 */
async function chooseList(): Promise<Chosen | null> {
  if (inDesktopApp()) {
    const { path } = await call('app.chooseFile', { mode: 'open', kind: 'list' });
    return path === null ? null : { path, name: fileName(path) };
  }
  const file = await chooseInBrowser('list');
  return file ? { path: await uploadFile(file), name: file.name } : null;
}

export function ImportButton({ onImported }: { onImported: () => void }) {
  const { t } = useTranslation('recommendations');
  const announce = useAnnounce();
  const [step, setStep] = useState<Step | null>(null);
  const [choosing, setChoosing] = useState(false);

  const start = async () => {
    setChoosing(true);
    try {
      const chosen = await chooseList();
      if (chosen) setStep({ kind: 'reading', ...chosen });
    } catch (e) {
      announce(messageOf(e), 'error');
    } finally {
      setChoosing(false);
    }
  };

  return (
    <>
      <Button className="button button-small" isPending={choosing} onPress={() => void start()}>
        {t('import.button')}
      </Button>
      {step ? <ImportDialog initial={step} onClose={() => setStep(null)} onImported={onImported} /> : null}
    </>
  );
}

function ImportDialog({ initial, onClose, onImported }: { initial: Step; onClose: () => void; onImported: () => void }) {
  const { t } = useTranslation('recommendations');
  const { t: common } = useTranslation();
  const format = useFormat();
  const announce = useAnnounce();
  const [step, setStep] = useState<Step>(initial);
  const [error, setError] = useState<string | null>(null);
  const [choosing, setChoosing] = useState(false);
  const [importing, setImporting] = useState(false);
  const [rereading, setRereading] = useState(false);
  const started = useRef(false);
  /** The latest reading asked for: an earlier one answering late is ignored. */
  const reading = useRef(0);

  /** The main process's message about the file, naming it as the person knows it (not the server's copy). */
  const sayError = (e: unknown, file: Chosen) => setError(messageOf(namedAsChosen(e, file.path, file.name)));

  const read = async (file: Chosen) => {
    setError(null);
    setStep({ kind: 'reading', path: file.path, name: file.name });
    const mine = ++reading.current;
    try {
      const preview = await call('recommendations.previewImport', { path: file.path });
      if (mine === reading.current) setStep({ kind: 'preview', path: file.path, name: file.name, preview });
    } catch (e) {
      sayError(e, file);
      setStep({ kind: 'failed' });
    }
  };

  const chooseAgain = async () => {
    setChoosing(true);
    try {
      const chosen = await chooseList();
      if (chosen) await read(chosen);
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setChoosing(false);
    }
  };

  /** Reads a table again through the columns the person chose; the choice shows at once, the rows when read. */
  const remap = async (file: Chosen, preview: ImportPreview, table: TableColumns, mapping: ColumnMapping | null, csv: CsvReading | null = table.csv) => {
    const mine = ++reading.current;
    setError(null);
    setRereading(true);
    setStep({ kind: 'preview', path: file.path, name: file.name, preview: { ...preview, table: { ...table, csv, ...(mapping ? { mapping, remembered: false } : {}) } } });
    try {
      // Another encoding or delimiter may give other headers: the columns are then matched afresh.
      const choice = csv ? { csv: { encoding: csv.encoding, delimiter: csv.delimiter } } : {};
      const again = await call('recommendations.previewImport', { path: file.path, ...(mapping ? { mapping } : {}), ...choice });
      if (mine === reading.current) setStep({ kind: 'preview', path: file.path, name: file.name, preview: again });
    } catch (e) {
      if (mine === reading.current) sayError(e, file);
    } finally {
      if (mine === reading.current) setRereading(false);
    }
  };
  // The file chosen is read at once (once, even when strict mode mounts twice).
  useEffect(() => {
    if (initial.kind !== 'reading' || started.current) return;
    started.current = true;
    void read(initial);
  }, []);

  const confirm = async (file: Chosen, preview: ImportPreview) => {
    setImporting(true);
    setError(null);
    try {
      // A table is imported through the columns previewed, which also remembers them for its headers.
      const table = preview.table;
      const done = await call('recommendations.import', {
        path: file.path,
        ...(table ? { mapping: table.mapping } : {}),
        ...(table?.csv ? { csv: { encoding: table.csv.encoding, delimiter: table.csv.delimiter } } : {}),
      });
      announce(
        t('import.done', {
          name: preview.fileName,
          created: format.number(done.created),
          updated: format.number(done.updated),
          unchanged: format.number(done.unchanged),
          skipped: format.number(done.skipped.length),
        }),
      );
      onImported();
      onClose();
    } catch (e) {
      sayError(e, file);
    } finally {
      setImporting(false);
    }
  };

  const errorText = error ? (
    <p role="alert" className="inline-error">
      {error}
    </p>
  ) : null;

  return (
    <ModalOverlay isOpen isDismissable={!importing} onOpenChange={(open) => !open && onClose()} className="modal-overlay">
      <Modal className="modal rc-import-modal">
        <Dialog className="dialog rc-import">
          <Heading slot="title" className="dialog-title">
            {t('import.title')}
          </Heading>
          {step.kind === 'failed' ? (
            <>
              {errorText}
              <div className="form-buttons">
                <Button className="button" onPress={onClose}>
                  {common('common.cancel')}
                </Button>
                <Button className="button button-primary" isPending={choosing} onPress={() => void chooseAgain()} autoFocus>
                  {t('import.chooseAgain')}
                </Button>
              </div>
            </>
          ) : step.kind === 'reading' ? (
            <p className="loading" role="status">
              {t('import.reading', { name: step.name })}
            </p>
          ) : (
            <PreviewBody
              preview={step.preview}
              error={errorText}
              importing={importing}
              rereading={rereading}
              onMappingChange={(table, mapping) => void remap(step, step.preview, table, mapping)}
              onCsvChange={(table, csv) => void remap(step, step.preview, table, null, csv)}
              onCancel={onClose}
              onConfirm={() => void confirm(step, step.preview)}
            />
          )}
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}

interface PreviewBodyProps {
  preview: ImportPreview;
  error: ReactNode;
  importing: boolean;
  /** A table is being read again through other columns. */
  rereading: boolean;
  onMappingChange: (table: TableColumns, mapping: ColumnMapping) => void;
  /** A CSV is being read again in another encoding or with another delimiter. */
  onCsvChange: (table: TableColumns, csv: CsvReading) => void;
  onCancel: () => void;
  onConfirm: () => void;
}

function PreviewBody({ preview, error, importing, rereading, onMappingChange, onCsvChange, onCancel, onConfirm }: PreviewBodyProps) {
  const { t } = useTranslation('recommendations');
  const problemText = useProblemText();
  const layoutName = (layout: string) => (layout === 'cycle3' || layout === 'cycle4' || layout === 'table' || layout === 'uhri' ? t(`import.layouts.${layout}`) : layout);
  const { t: common } = useTranslation();
  const format = useFormat();
  const { counts, problems, table } = preview;
  const toImport = counts.new + counts.changed;
  const unmapped = table !== null && (table.mapping.number === null || table.mapping.text === null);
  return (
    <div className="rc-preview">
      <p className="rc-preview-file">
        <strong className="bidi-keep">{t('import.preview', { name: preview.fileName })}</strong>{' '}
        <span className="muted">{t('import.layout', { layout: layoutName(preview.layout) })}</span>
      </p>
      {table?.csv ? <CsvChoiceFields csv={table.csv} isDisabled={importing} onChange={(csv) => onCsvChange(table, csv)} /> : null}
      {table ? <ColumnChoice table={table} rereading={rereading} isDisabled={importing} onChange={(mapping) => onMappingChange(table, mapping)} /> : null}
      {unmapped ? (
        // Nothing is read until the number and text columns are chosen: say so instead of counting zeros.
        <p className="rc-unmapped">{problems.filter((p) => p.row === 0).map(problemText).join(' ')}</p>
      ) : (
        <PreviewResult preview={preview} rereading={rereading} />
      )}
      {error}
      {toImport === 0 && !unmapped && !rereading ? <p className="muted">{t('import.nothing')}</p> : null}
      <div className="form-buttons">
        <Button className="button" onPress={onCancel} isDisabled={importing}>
          {toImport === 0 ? t('import.close') : common('common.cancel')}
        </Button>
        {toImport > 0 ? (
          <Button className="button button-primary" isPending={importing} isDisabled={rereading} onPress={onConfirm} autoFocus={!table}>
            {t('import.confirm', { count: toImport, n: format.number(toImport) })}
          </Button>
        ) : null}
      </div>
    </div>
  );
}

/** What reading the file gave: the counts, the rows that could not be read, and the first rows read. */
function PreviewResult({ preview, rereading }: { preview: ImportPreview; rereading: boolean }) {
  const { t } = useTranslation('recommendations');
  const problemText = useProblemText();
  const format = useFormat();
  const { counts, rows, problems } = preview;
  const shown = rows.slice(0, PREVIEW_ROWS);
  return (
    <>
      <dl className="rc-counts" aria-label={preview.fileName} aria-busy={rereading}>
        {(['read', 'new', 'changed', 'unchanged'] as const).map((k) => (
          <div key={k} className={`rc-count rc-count-${k}`}>
            <dt>{t(`import.counts.${k}`)}</dt>
            <dd>{format.number(counts[k])}</dd>
          </div>
        ))}
      </dl>
      <div className="rc-preview-lists">
        <section aria-labelledby="rc-preview-problems" className="rc-preview-problems">
          <h3 id="rc-preview-problems" className="rc-subtitle">
            {problems.length ? t('import.problems', { count: problems.length }) : t('import.noProblems')}
          </h3>
          {problems.length ? (
            <ul className="plain-list rc-problem-list">
              {problems.map((p, i) => (
                <li key={i} className="rc-problem">
                  <span className="rc-problem-row">{p.row > 0 ? t('import.row', { row: p.row }) : t('import.wholeFile')}</span> {problemText(p)}
                  {p.excerpt ? <span className="muted rc-problem-excerpt"> “{p.excerpt}”</span> : null}
                </li>
              ))}
            </ul>
          ) : null}
        </section>
        {shown.length ? (
          <section aria-labelledby="rc-preview-rows">
            <h3 id="rc-preview-rows" className="rc-subtitle">
              {t('import.firstRows', { count: shown.length })}
            </h3>
            <div className="rc-preview-scroller" tabIndex={0} role="region" aria-labelledby="rc-preview-rows">
              <table className="table-screen-table rc-table rc-preview-table">
                <thead>
                  <tr>
                    <th scope="col">{t('column.number')}</th>
                    <th scope="col">{t('column.recommendation')}</th>
                    <th scope="col">{t('column.states')}</th>
                    <th scope="col">{t('column.position')}</th>
                  </tr>
                </thead>
                <tbody>
                  {shown.map((r, i) => (
                    <tr key={`${i}-${r.number}`}>
                      <th scope="row" className="rc-number">
                        {r.number}
                      </th>
                      <td>
                        <div className="rc-clamp" dir="auto">
                          {r.text}
                        </div>
                      </td>
                      <td>
                        <div className="rc-clamp" dir="auto">
                          {r.origin && r.origin.mechanism !== 'upr' ? r.origin.body : r.states.join(', ')}
                        </div>
                      </td>
                      <td>
                        <PositionBadge position={r.position} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>
        ) : null}
      </div>
    </>
  );
}

/** A row problem in the interface language when the main process sent its message key, else in its own words. */
function useProblemText(): (p: ImportProblem) => string {
  const { t, i18n } = useTranslation('errors');
  return (p) => (p.key && i18n.exists(`errors:${p.key}`) ? String(t(p.key as never, (p.params ?? {}) as never)) : p.reason);
}

const NOT_IN_FILE = 'none';

/** Which column of the table each field is read from: one choice per field, number and text required. */
interface ColumnChoiceProps {
  table: TableColumns;
  rereading: boolean;
  isDisabled: boolean;
  onChange: (mapping: ColumnMapping) => void;
}

function ColumnChoice({ table, rereading, isDisabled, onChange }: ColumnChoiceProps) {
  const { t } = useTranslation('recommendations');
  // Headers by place, so two alike ("Notes", "Notes (2)") and any text stay distinct keys.
  const headers = table.headers.map((h, i) => ({ id: `h${i}`, label: h }));
  const none = { id: NOT_IN_FILE, label: t('import.columns.none') };
  return (
    <section className="rc-columns" aria-labelledby="rc-columns-title" aria-describedby="rc-columns-note">
      <h3 id="rc-columns-title" className="rc-subtitle">
        {t('import.columns.title')}
      </h3>
      <p id="rc-columns-note" className={table.remembered ? 'rc-columns-note rc-columns-remembered' : 'rc-columns-note muted'}>
        {table.remembered ? t('import.columns.remembered') : t('import.columns.hint')}
      </p>
      <div className="rc-columns-grid">
        {RECOMMENDATION_COLUMNS.map((field) => {
          const required = field === 'number' || field === 'text';
          const header = table.mapping[field];
          const at = header === null ? -1 : table.headers.indexOf(header);
          return (
            <SelectField
              key={field}
              label={t(`import.fields.${field}`)}
              value={at >= 0 ? `h${at}` : required ? null : NOT_IN_FILE}
              options={required ? headers : [...headers, none]}
              placeholder={t('import.columns.choose')}
              isRequired={required}
              isDisabled={isDisabled}
              errorMessage={required && at < 0 ? t('import.columns.required') : null}
              onChange={(id) => onChange({ ...table.mapping, [field]: id === NOT_IN_FILE ? null : table.headers[Number(id.slice(1))]! })}
            />
          );
        })}
      </div>
      {rereading ? (
        <p className="loading" role="status">
          {t('import.columns.rereading')}
        </p>
      ) : null}
    </section>
  );
}

/** How a CSV is read: its encoding (said to be a guess when it is one) and delimiter, each to change. */
function CsvChoiceFields({ csv, isDisabled, onChange }: { csv: CsvReading; isDisabled: boolean; onChange: (csv: CsvReading) => void }) {
  const { t } = useTranslation('recommendations');
  const name = t(`import.csv.encodings.${csv.encoding}`);
  return (
    <section className="rc-columns" aria-labelledby="rc-csv-title" aria-describedby="rc-csv-note">
      <h3 id="rc-csv-title" className="rc-subtitle">
        {t('import.csv.title')}
      </h3>
      <p id="rc-csv-note" className={csv.certain ? 'rc-columns-note muted' : 'rc-columns-note rc-csv-guessed'} data-testid="csv-note">
        {csv.certain ? t('import.csv.certain', { encoding: name }) : t('import.csv.guessed', { encoding: name })}
      </p>
      <div className="rc-columns-grid">
        <SelectField<CsvEncoding>
          label={t('import.csv.encoding')}
          value={csv.encoding}
          options={CSV_ENCODINGS.map((e) => ({ id: e, label: t(`import.csv.encodings.${e}`) }))}
          isDisabled={isDisabled}
          onChange={(encoding) => encoding !== csv.encoding && onChange({ ...csv, encoding, certain: false })}
        />
        <SelectField<CsvDelimiter>
          label={t('import.csv.delimiter')}
          value={csv.delimiter}
          options={CSV_DELIMITERS.map((d) => ({ id: d, label: t(`import.csv.delimiters.${d}`) }))}
          isDisabled={isDisabled}
          onChange={(delimiter) => delimiter !== csv.delimiter && onChange({ ...csv, delimiter })}
        />
      </div>
    </section>
  );
}
