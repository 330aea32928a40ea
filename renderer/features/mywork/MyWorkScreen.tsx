// My work: where a person lands after saying who they are. A drafter sees the sections their
// organization leads, with due dates and statuses, and the comments waiting for their answer; a
// reviewer, the answers waiting for them to close their comments; the secretariat, the sections
// waiting for approval and the answers waiting to be closed. Each item goes to its place.
import { useMemo, type ReactNode } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { isOverdue, type OutlineEntry, type ReviewComment } from '../../../shared/domain.js';
import { useFormat } from '../../app/format.js';
import { useWorkspace } from '../../app/workspaceContext.js';
import { useComments } from '../review/useComments.js';
import { OverdueBadge, StatusBadge } from '../section/StatusBadge.js';
import { myWork } from './myWork.js';
import './mywork.css';

export interface MyWorkProps {
  today: string;
  onOpenSection: (id: string, commentId?: string | null) => void;
}

export function MyWorkScreen({ today, onOpenSection }: MyWorkProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const { workspace } = useWorkspace();
  const { comments } = useComments();
  const me = workspace.me!;
  const work = useMemo(() => myWork(me, workspace.sections, comments ?? []), [me, workspace.sections, comments]);
  const labels = useMemo(() => new Map(work.sections.map((e) => [e.section.id, e.label])), [work.sections]);
  const organization = workspace.organizations.find((o) => o.id === me.organizationId)?.name ?? '';
  const sectionName = (id: string) => {
    const s = workspace.sections.find((x) => x.id === id);
    return s ? `${labels.get(id) ?? ''} ${s.title}`.trim() : '';
  };
  const showSections = me.role === 'drafter' || me.role === 'secretariat';

  const sectionRow = (e: OutlineEntry) => (
    <li key={e.section.id} className="mine-row">
      <Button className="link-button bidi-keep" onPress={() => onOpenSection(e.section.id)}>
        <span>{e.label}.</span> <span>{e.section.title}</span>
      </Button>
      <span className="mine-meta">
        <StatusBadge status={e.section.status} /> {isOverdue(e.section, today) ? <OverdueBadge /> : null}{' '}
        <span>{e.section.dueDate ? t('mine.due', { date: format.date(e.section.dueDate) }) : t('mine.noDue')}</span>
        {' · '}
        <span>{format.wordsOf(e.section.words, e.section.wordBudget)}</span>
      </span>
    </li>
  );
  const commentRow = (c: ReviewComment) => (
    <li key={c.id} className="mine-row">
      <Button className="link-button" onPress={() => onOpenSection(c.sectionId, c.id)}>
        {t('mine.comment', { number: c.number })}
      </Button>{' '}
      <span className="mine-meta">{t('mine.inSection', { section: sectionName(c.sectionId) })}</span>
      <p className="mine-excerpt" dir="auto">
        {c.body}
      </p>
    </li>
  );
  const nothing = work.sections.length + work.toAnswer.length + work.toClose.length === 0;

  return (
    <div className="mine">
      <h2 className="page-title">{t('mine.title')}</h2>
      {nothing && comments !== null ? <p className="muted">{t('mine.none')}</p> : null}
      {showSections ? (
        <section aria-labelledby="mine-sections" className="mine-block">
          <h3 id="mine-sections" className="block-title">
            {me.role === 'drafter' ? t('mine.sectionsDrafter', { organization }) : t('mine.sectionsSecretariat')}
          </h3>
          {work.sections.length ? <ul className="plain-list">{work.sections.map(sectionRow)}</ul> : <p className="muted">{t('mine.noSections')}</p>}
        </section>
      ) : null}
      <Block id="mine-answer" title={t('mine.toAnswer')} items={work.toAnswer.map(commentRow)} />
      <Block id="mine-close" title={t('mine.toClose')} items={work.toClose.map(commentRow)} />
    </div>
  );
}

/** A list of what waits, under its heading; nothing when nothing waits. */
function Block({ id, title, items }: { id: string; title: string; items: ReactNode[] }) {
  if (!items.length) return null;
  return (
    <section aria-labelledby={id} className="mine-block">
      <h3 id={id} className="block-title">
        {title}
      </h3>
      <ul className="plain-list">{items}</ul>
    </section>
  );
}
