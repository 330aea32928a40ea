// A comparison of two versions (or a version and now), as Word's Compare shows one: only the
// sections that differ, each with the details that changed, its paragraphs with the words inserted
// underlined and those deleted struck through, unchanged paragraphs folded, and who wrote in it.
// When the newer side is the report now, a section's text or a detail can be put back as it was;
// the whole comparison can be taken to Word with its changes tracked.
import { Fragment, useEffect, useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { SectionStatus } from '../../../shared/domain.js';
import { denySectionText, asRulesSeeIt } from '../../../shared/permissions.js';
import type { FieldChange, MarkedParagraph, ParagraphChange, SectionComparison, VersionComparison, VersionInfo } from '../../../shared/versions.js';
import { call, inDesktopApp } from '../../api/client.js';
import { useAnnounce } from '../../app/Announcer.js';
import { messageOf } from '../../app/errors.js';
import { fileName, useFormat } from '../../app/format.js';
import { useWorkspace } from '../../app/workspaceContext.js';
import { ChoiceStatus, useFileChoice } from '../../widgets/file-choice.js';
import { formatSize } from '../inputs/inputRows.js';
import { exportFilePath } from '../export/exportPath.js';
import { useVersionName } from './VersionsScreen.js';
import { MarkedText } from '../section/SectionMarkup.js';

const RESTORABLE = new Set<FieldChange['field']>(['title', 'status', 'lead', 'due', 'budget']);

export interface ComparisonProps {
  comparison: VersionComparison;
  versions: readonly VersionInfo[];
  /** After a restore: compare again. */
  onRestored: () => void;
}

export function Comparison({ comparison, versions, onRestored }: ComparisonProps) {
  const { t, i18n } = useTranslation('versions');
  const format = useFormat();
  const nameOf = useVersionName();
  const sideName = (id: string) => {
    if (id === 'now') return t('compare.now');
    const v = versions.find((x) => x.id === id);
    return v ? nameOf(v) : id;
  };
  const differing = comparison.sections.filter((s) => s.change !== 'same');
  const { records: r, totals } = comparison;
  const [written, setWritten] = useState<{ path: string; bytes: number; downloaded: boolean } | null>(null);
  const word = useFileChoice<'docx'>({
    dialog: () => ({ mode: 'save', kind: 'docx' }),
    run: async (_, chosen) => {
      setWritten(null);
      const done = await call('versions.redline', { from: comparison.from.id, to: comparison.to.id, path: exportFilePath(chosen, 'docx') });
      setWritten(inDesktopApp() ? { ...done, downloaded: false } : { ...done, path: fileName(done.path), downloaded: true });
    },
    downloadName: () => exportFilePath(t('compare.fileName'), 'docx'),
    busyButton: 'disabled',
  });

  return (
    <section className="vs-card vs-comparison" aria-labelledby="vs-comparison-title" data-testid="comparison">
      <h3 id="vs-comparison-title" className="block-title">
        <bdi>{t('compare.heading', { from: sideName(comparison.from.id), to: sideName(comparison.to.id) })}</bdi>
      </h3>
      <p className="vs-totals" data-testid="comparison-totals">
        {differing.length === 0
          ? t('compare.nothing')
          : t('compare.totals', { count: totals.sectionsChanged, n: format.number(totals.sectionsChanged), inserted: format.number(totals.wordsInserted), deleted: format.number(totals.wordsDeleted) })}
      </p>
      <p className="vs-note">
        {t('compare.records', {
          made: format.number(r.commentsMade),
          answered: format.number(r.commentsAnswered),
          closed: format.number(r.commentsClosed),
          recommendations: format.number(r.recommendationsChanged),
          inputsAdded: format.number(r.inputsAdded),
          inputsDecided: format.number(r.inputsDecided),
        })}
      </p>
      <div className="vs-word">
        <Button className="button" {...word.buttonProps('docx')}>
          {inDesktopApp() ? t('compare.saveWord') : t('compare.download')}
        </Button>
        <ChoiceStatus
          working={word.busy ? t('compare.writing') : null}
          done={
            written ? (
              <p className="sh-done">
                <span aria-hidden="true">✓ </span>
                <bdi>{t(written.downloaded ? 'compare.downloaded' : 'compare.written', { path: written.path, size: formatSize(written.bytes, i18n.language).replace(' ', '\u00a0') })}</bdi>
              </p>
            ) : null
          }
          failed={word.failure ? t('compare.wordFailed', { message: word.failure.message }) : null}
          testId="redline-status"
        />
      </div>
      {differing.length ? (
        <p className="muted vs-legend">
          {t('compare.legend')} <ins className="redline-ins">{t('compare.inserted')}</ins> <del className="redline-del">{t('compare.deleted')}</del>
        </p>
      ) : null}
      {differing.map((s) => (
        <SectionDiff key={s.sectionId} section={s} fromId={comparison.from.id} toId={comparison.to.id} fromName={sideName(comparison.from.id)} onRestored={onRestored} />
      ))}
    </section>
  );
}

function SectionDiff({ section, fromId, toId, fromName, onRestored }: { section: SectionComparison; fromId: string; toId: string; fromName: string; onRestored: () => void }) {
  const toNow = toId === 'now';
  const { t } = useTranslation('versions');
  const tApp = useTranslation().t;
  const announce = useAnnounce();
  const { workspace } = useWorkspace();
  const [error, setError] = useState<string | null>(null);
  const [byWho, setByWho] = useState(false);
  const here = workspace.sections.find((x) => x.id === section.sectionId);
  // Restoring is from the older side (a version) into the report now, in a section that is still here.
  const canRestore = toNow && fromId !== 'now' && here !== undefined && section.change === 'changed';
  const mayWrite = here ? denySectionText(workspace.me, asRulesSeeIt(here, workspace.report)) === null : false;
  const secretariat = workspace.me?.role === 'secretariat';
  const headingId = `vs-s-${section.sectionId}`;

  const restore = async (what: 'text' | FieldChange['field']) => {
    setError(null);
    try {
      const done = await call('versions.restore', { versionId: fromId, sectionId: section.sectionId, what: what as 'text' });
      announce(t(done.changed ? 'restore.done' : 'restore.nothing', { name: fromName }));
      onRestored();
    } catch (e) {
      setError(t('restore.failed', { message: messageOf(e) }));
    }
  };

  const format = useFormat();
  const value = (f: FieldChange, v: string) =>
    v === '' ? t('field.none') : f.field === 'status' ? tApp(`status.${v as SectionStatus}`) : f.field === 'due' ? format.date(v) : f.field === 'budget' ? format.number(Number(v)) : v;

  return (
    <article className={`vs-section vs-${section.change}`} aria-labelledby={headingId} data-testid="section-diff">
      <h4 id={headingId} className="vs-section-title">
        <bdi>
          {section.label ? `${section.label} ` : ''}
          {section.title}
        </bdi>{' '}
        <span className={`vs-badge vs-badge-${section.change}`}>{t(`compare.change.${section.change as Exclude<SectionComparison['change'], 'same'>}`)}</span>
      </h4>
      {section.writers.length ? <p className="vs-note">{t('compare.writers', { names: section.writers.join(', ') })}</p> : null}
      {section.fields.length ? (
        <dl className="vs-fields">
          {section.fields.map((f) => (
            <Fragment key={f.field}>
              <dt>{t(`field.${f.field}`)}</dt>
              <dd>
                <del className="redline-del">{value(f, f.from)}</del> → <ins className="redline-ins">{value(f, f.to)}</ins>
                {canRestore && secretariat && RESTORABLE.has(f.field) ? (
                  <Button className="button button-small vs-restore" onPress={() => void restore(f.field)} aria-label={`${t('restore.field')}: ${t(`field.${f.field}`)}`}>
                    {t('restore.field')}
                  </Button>
                ) : null}
              </dd>
            </Fragment>
          ))}
        </dl>
      ) : null}
      {section.textMissing ? <p className="vs-note vs-warning">{t('compare.textMissing')}</p> : null}
      {/* Who changed what: the same text, marked by the Yjs items' authors, one colour each (from a version only). */}
      {fromId !== 'now' && section.paragraphs.length && here ? (
        <Button className="link-button vs-who" aria-pressed={byWho} onPress={() => setByWho(!byWho)}>
          {byWho ? t('compare.byWords') : t('compare.byWho')}
        </Button>
      ) : null}
      {byWho ? <WhoChanged sectionId={section.sectionId} since={fromId} until={toNow ? undefined : toId} /> : <Paragraphs paragraphs={section.paragraphs} />}
      {canRestore && mayWrite && section.paragraphs.length ? (
        <div className="vs-restore-text">
          <Button className="button button-small" onPress={() => void restore('text')}>
            {t('restore.text')}
          </Button>
          <span className="vs-note">{t('restore.textHint', { name: fromName })}</span>
        </div>
      ) : null}
      {error ? (
        <p role="alert" className="inline-error">
          {error}
        </p>
      ) : null}
    </article>
  );
}

/** The paragraphs, with runs of unchanged ones folded behind a button. */
function Paragraphs({ paragraphs }: { paragraphs: readonly ParagraphChange[] }) {
  const { t } = useTranslation('versions');
  const [open, setOpen] = useState<Set<number>>(new Set());
  const groups: Array<{ start: number; items: ParagraphChange[]; same: boolean }> = [];
  paragraphs.forEach((p, i) => {
    const last = groups[groups.length - 1];
    const same = p.kind === 'same';
    if (last && last.same && same) last.items.push(p);
    else groups.push({ start: i, items: [p], same });
  });
  return (
    <div className="vs-paragraphs" dir="auto">
      {groups.map((g) =>
        g.same && !open.has(g.start) ? (
          <p key={g.start} className="vs-folded">
            <span className="muted">{t('compare.unchanged', { count: g.items.length, n: g.items.length })}</span>{' '}
            <Button className="link-button" onPress={() => setOpen(new Set([...open, g.start]))}>
              {t('compare.showUnchanged')}
            </Button>
          </p>
        ) : (
          g.items.map((p, k) => <Paragraph key={g.start + k} p={p} />)
        ),
      )}
    </div>
  );
}

function Paragraph({ p }: { p: ParagraphChange }) {
  const { t } = useTranslation('versions');
  switch (p.kind) {
    case 'same':
      return <p className="vs-p vs-p-same" dir="auto">{p.text}</p>;
    case 'added':
      return (
        <p className="vs-p vs-p-added" dir="auto">
          <ins className="redline-ins" aria-label={`${t('compare.paragraphAdded')}: ${p.text}`}>
            {p.text}
          </ins>
        </p>
      );
    case 'removed':
      return (
        <p className="vs-p vs-p-removed" dir="auto">
          <del className="redline-del" aria-label={`${t('compare.paragraphRemoved')}: ${p.text}`}>
            {p.text}
          </del>
        </p>
      );
    case 'changed':
      return (
        <p className="vs-p vs-p-changed" dir="auto">
          {p.parts.map((part, i) =>
            part.change === 'inserted' ? (
              <ins key={i} className="redline-ins" title={t('compare.inserted')}>
                {part.text}
              </ins>
            ) : part.change === 'deleted' ? (
              <del key={i} className="redline-del" title={t('compare.deleted')}>
                {part.text}
              </del>
            ) : (
              <span key={i}>{part.text}</span>
            ),
          )}
        </p>
      );
  }
}

/** The section's text between the two sides, each change in the colour of who made it, who and when on hover. */
function WhoChanged({ sectionId, since, until }: { sectionId: string; since: string; until?: string }) {
  const { t } = useTranslation('versions');
  const [paragraphs, setParagraphs] = useState<MarkedParagraph[] | null | undefined>(undefined);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    call('versions.markup', { sectionId, since, ...(until ? { until } : {}) }).then(
      (found) => live && setParagraphs(found),
      (e: unknown) => live && setError(messageOf(e)),
    );
    return () => {
      live = false;
    };
  }, [sectionId, since, until]);
  if (error) return <p role="alert" className="inline-error">{error}</p>;
  if (paragraphs === undefined) return <p className="muted">{t('markup.loading')}</p>;
  if (paragraphs === null) return <p className="vs-note vs-warning">{t('compare.textMissing')}</p>;
  // Only the paragraphs with a change, as the comparison shows only what differs.
  return (
    <div className="vs-paragraphs" data-testid="who-changed">
      <MarkedText paragraphs={paragraphs.filter((p) => p.block || p.runs.some((r) => r.change))} />
    </div>
  );
}
