// The body's words against the limit, as OHCHR counts them, what counts and what does not: a
// consultation log table in the text among the counted words, the footnotes' words apart.
import { Meter } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { ExportCheck } from '../../../shared/api.js';
import { useFormat } from '../../app/format.js';
import { sectionText } from './sectionName.js';

export function WordCount({ words }: { words: ExportCheck['words'] }) {
  const { t } = useTranslation('export');
  const format = useFormat();
  const { body, footnotes, limit } = words;
  const over = body > limit;
  const ofLimit = t('words.ofLimit', { count: limit, n: format.number(body), limit: format.number(limit) });
  const beside = over
    ? t('words.overBy', { count: body - limit, n: format.number(body - limit) })
    : t('words.left', { count: limit - body, n: format.number(limit - body) });
  return (
    <section className={`ex-card ex-words${over ? ' over' : ''}`} aria-labelledby="ex-words-title">
      <h3 id="ex-words-title" className="ex-label">
        {t('words.title')}
      </h3>
      <p className="ex-words-line">
        <span className="ex-words-value" data-testid="export-words">
          {ofLimit}
        </span>
        <span className={over ? 'ex-over' : 'muted'}>{beside}</span>
      </p>
      {/* A meter's contents are presentational, so it holds only the bar; its value says the same words. */}
      <Meter value={Math.min(body, limit)} maxValue={limit} valueLabel={`${ofLimit}. ${beside}`} aria-labelledby="ex-words-title" className="ex-meter">
        {({ percentage }) => (
          <span className="ex-meter-bar">
            <span className="ex-meter-fill" style={{ inlineSize: `${percentage}%` }} />
          </span>
        )}
      </Meter>
      <p className="ex-note">{t('words.note')}</p>
      {words.log.map((l) => (
        <p key={l.sectionId} className="ex-note" data-testid="export-log-words">
          {t('words.logCounted', { count: l.words, n: format.number(l.words), section: sectionText(l.label, l.title) })}
        </p>
      ))}
      <p className="ex-note" data-testid="export-footnotes">
        {t('words.footnotes', { count: footnotes, n: format.number(footnotes) })}
      </p>
    </section>
  );
}
