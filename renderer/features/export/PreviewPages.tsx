// The pages as the PDF will print them, before anything is written: the main process lays the report
// out with the same engine and printer as the PDF export (`export.preview`, written nowhere) and
// pdf.js draws its pages here, each when it scrolls into view. The preview follows the choices
// (a name being typed settles first) and the report: a change to the text, the sections or the
// annexes' contents lays the pages out again once edits settle. The pages already shown stay until
// the new ones are ready, with a line saying they are being updated.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { PDFDocumentProxy, RenderTask } from 'pdfjs-dist';
import type { ApiEvent } from '../../../shared/api.js';
import { call } from '../../api/client.js';
import { useLiveLoad, type Freshness } from '../../app/useLiveLoad.js';
import type { ExportOptions } from './exportOptions.js';

type PdfJs = typeof import('pdfjs-dist');
let loading: Promise<PdfJs> | null = null;

/** pdf.js and its worker, loaded the first time a preview is asked for (they are large). */
function pdfjs(): Promise<PdfJs> {
  loading ??= Promise.all([import('pdfjs-dist'), import('pdfjs-dist/build/pdf.worker.min.mjs?url')]).then(([lib, worker]) => {
    lib.GlobalWorkerOptions.workerSrc = worker.default;
    return lib;
  });
  return loading;
}

/** What the pages show: the text, the sections, the settings (cover), the recommendations and inputs (annexes). */
const SHOWN = new Set(['report', 'sections', 'recommendations', 'inputs']);
const freshness = (event: ApiEvent): Freshness => (event.kind === 'changed' && event.what.some((w) => SHOWN.has(w))) || event.kind === 'text' ? 'settle' : null;

/** A4's proportions, for the pages' places before they are drawn. */
const A4 = 297 / 210;

/** The pages laid out, and the choices they were laid out with. */
interface Layout {
  doc: PDFDocumentProxy;
  /** Ends the document's life in pdf.js's worker. */
  destroy: () => Promise<void>;
  key: string;
}

/** How long the choices must rest (a draft's name being typed) before the pages are laid out again. */
const CHOICES_SETTLE_MS = 700;

export function PreviewPages({ options }: { options: ExportOptions }) {
  const { t } = useTranslation('export');
  const key = JSON.stringify(options);
  const [settledKey, setSettledKey] = useState(key);
  useEffect(() => {
    const timer = setTimeout(() => setSettledKey(key), CHOICES_SETTLE_MS);
    return () => clearTimeout(timer);
  }, [key]);
  const fetchPreview = useCallback(async (): Promise<Layout> => {
    const [{ pdf }, lib] = await Promise.all([call('export.preview', JSON.parse(settledKey) as ExportOptions), pdfjs()]);
    const data = Uint8Array.from(atob(pdf), (c) => c.charCodeAt(0));
    const task = lib.getDocument({ data, isOffscreenCanvasSupported: false });
    return { doc: await task.promise, destroy: () => task.destroy(), key: settledKey };
  }, [settledKey]);
  const { value: layout, error } = useLiveLoad(fetchPreview, freshness, 2000);
  const doc = layout?.doc ?? null;
  // A layout replaced lets go of its document (pdf.js's worker keeps it otherwise).
  useEffect(() => (layout ? () => void layout.destroy() : undefined), [layout]);
  // The pages shown were laid out with other choices: they are being updated.
  const updating = layout !== null && layout.key !== key;

  return (
    <section className="ex-card ex-preview" aria-labelledby="ex-preview-title" aria-busy={!doc || updating}>
      <div className="ex-preview-head">
        <h3 id="ex-preview-title" className="block-title">
          {t('preview.title')}
        </h3>
        <span className="ex-note" role="status">
          {error ? null : !doc ? t('preview.working') : updating ? t('preview.updating') : t('preview.pages', { count: doc.numPages })}
        </span>
      </div>
      {error ? (
        <p role="alert" className="inline-error">
          {t('preview.failed', { message: error })}
        </p>
      ) : null}
      {doc ? (
        <div className="ex-pages" tabIndex={0} role="region" aria-label={t('preview.pages', { count: doc.numPages })}>
          {Array.from({ length: doc.numPages }, (_, i) => (
            <PreviewPage key={i} doc={doc} number={i + 1} total={doc.numPages} />
          ))}
        </div>
      ) : (
        <div className="ex-pages" aria-hidden="true">
          <div className="ex-page placeholder" />
        </div>
      )}
    </section>
  );
}

/** One page, drawn when it comes near the visible part of the list, at the screen's own resolution. */
function PreviewPage({ doc, number, total }: { doc: PDFDocumentProxy; number: number; total: number }) {
  const { t } = useTranslation('export');
  const frame = useRef<HTMLDivElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const [near, setNear] = useState(number <= 2);
  const [drawn, setDrawn] = useState(false);

  useEffect(() => {
    const el = frame.current;
    if (!el || near) return;
    const seen = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) setNear(true);
    }, { rootMargin: '600px 0px' });
    seen.observe(el);
    return () => seen.disconnect();
  }, [near]);

  useEffect(() => {
    if (!near) return;
    let task: RenderTask | null = null;
    let cancelled = false;
    void doc
      .getPage(number)
      .then((page) => {
        const target = canvas.current;
        if (cancelled || !target) return;
        const width = target.parentElement?.clientWidth || 400;
        const scale = (width * (window.devicePixelRatio || 1)) / page.getViewport({ scale: 1 }).width;
        const viewport = page.getViewport({ scale });
        target.width = Math.floor(viewport.width);
        target.height = Math.floor(viewport.height);
        task = page.render({ canvas: target, viewport });
        return task.promise.then(() => {
          if (!cancelled) setDrawn(true);
        });
      })
      .catch(() => {
        // A drawing cancelled because the page left or a new layout came: nothing to say.
      });
    return () => {
      cancelled = true;
      task?.cancel();
    };
  }, [doc, number, near]);

  const label = useMemo(() => t('preview.page', { n: number, total }), [t, number, total]);
  return (
    <div ref={frame} className={`ex-page${drawn ? ' drawn' : ''}`} style={{ aspectRatio: `1 / ${A4}` }}>
      <canvas ref={canvas} role="img" aria-label={label} data-page={number} />
    </div>
  );
}

/** The button that shows or hides the preview, beside the ways to write the report. */
export function PreviewToggle({ shown, onToggle }: { shown: boolean; onToggle: () => void }) {
  const { t } = useTranslation('export');
  return (
    <Button className="button secondary" onPress={onToggle} aria-pressed={shown}>
      {shown ? t('preview.hide') : t('preview.show')}
    </Button>
  );
}
