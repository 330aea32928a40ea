// The outline as a tree: A, B, B.1 ... with each section's status and words against its budget.
// The secretariat gets a menu per section and, while the tree has focus, Alt+arrows to move and
// nest sections, F2 to rename and Delete to delete.
import { useMemo, useState, type KeyboardEvent, type ReactNode } from 'react';
import { Button, Tree, TreeItem, TreeItemContent, useLocale, type Key, type Selection } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { isOverdue, type OutlineEntry, type SectionWithCount } from '../../../shared/domain.js';
import { useFormat } from '../../app/format.js';
import { useWorkspace } from '../../app/workspaceContext.js';
import { OverdueBadge, StatusBadge } from '../section/StatusBadge.js';
import { moveForKey, planMove, type OutlineAction } from './outlineMoves.js';
import { SectionMenu } from './SectionMenu.js';
import './outline.css';

export interface OutlineTreeProps {
  entries: OutlineEntry[];
  selectedId: string | null;
  onSelect: (id: string) => void;
  canEdit: boolean;
  onAction: (action: OutlineAction, section: SectionWithCount) => void;
  wordsOf: (section: SectionWithCount) => number;
  today: string;
}

export function OutlineTree({ entries, selectedId, onSelect, canEdit, onAction, wordsOf, today }: OutlineTreeProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const { direction } = useLocale();
  const { workspace } = useWorkspace();
  const leadOf = useMemo(() => new Map(workspace.organizations.map((o) => [o.id, o.name])), [workspace.organizations]);
  const sections = useMemo(() => entries.map((e) => e.section), [entries]);
  const parents = useMemo(() => new Set(sections.map((s) => s.parentId).filter((p): p is string => p !== null)), [sections]);
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(new Set());
  const expandedKeys = useMemo(() => new Set([...parents].filter((id) => !collapsed.has(id))), [parents, collapsed]);

  const byParent = useMemo(() => {
    const map = new Map<string | null, OutlineEntry[]>();
    for (const e of entries) {
      const key = e.depth === 0 ? null : e.section.parentId;
      map.set(key, [...(map.get(key) ?? []), e]);
    }
    return map;
  }, [entries]);

  // A section that gains a child is opened, so the section just moved or added stays in sight.
  const act = (action: OutlineAction, section: SectionWithCount) => {
    const opened = action === 'addChild' ? section.id : action === 'indent' ? planMove(sections, section.id, 'indent')?.parentId : null;
    if (opened) setCollapsed((c) => new Set([...c].filter((id) => id !== opened)));
    onAction(action, section);
  };

  const onKeyDownCapture = (e: KeyboardEvent<HTMLDivElement>) => {
    if (!canEdit) return;
    const row = (e.target as HTMLElement).closest<HTMLElement>('[role="row"][data-key]');
    if (!row || row !== e.target) return; // keys typed in a menu or button inside the row are theirs
    const section = sections.find((s) => s.id === row.dataset.key);
    if (!section) return;
    if (e.ctrlKey || e.metaKey) return;
    const action: OutlineAction | null = e.altKey
      ? moveForKey(e.key, direction === 'rtl')
      : e.key === 'F2'
        ? 'rename'
        : e.key === 'Delete'
          ? 'delete'
          : null;
    if (!action) return;
    e.preventDefault();
    e.stopPropagation();
    if (action === 'rename' || action === 'delete' || planMove(sections, section.id, action)) act(action, section);
  };

  const renderLevel = (parentId: string | null): ReactNode =>
    (byParent.get(parentId) ?? []).map(({ section, label }) => (
      <TreeItem key={section.id} id={section.id} textValue={`${label} ${section.title}`} className="outline-item">
        <TreeItemContent>
          {({ hasChildItems }) => (
            <div className="outline-row">
              {hasChildItems ? (
                <Button slot="chevron" className="outline-chevron">
                  <span aria-hidden="true">›</span>
                </Button>
              ) : (
                <span className="outline-chevron-space" />
              )}
              <span className="outline-label">{label}</span>
              <span className="outline-main">
                <span className="outline-title">{section.title}</span>
                <span className="outline-meta">
                  <StatusBadge status={section.status} />
                  {isOverdue(section, today) ? <OverdueBadge /> : null}
                  <OutlineWords words={wordsOf(section)} budget={section.wordBudget} />
                  {section.leadOrganizationId || section.dueDate ? (
                    <span className="outline-lead">
                      {[section.leadOrganizationId ? leadOf.get(section.leadOrganizationId) : null, section.dueDate ? t('mine.due', { date: format.date(section.dueDate) }) : null]
                        .filter(Boolean)
                        .join(' · ')}
                    </span>
                  ) : null}
                </span>
              </span>
              {canEdit ? (
                <SectionMenu
                  section={section}
                  sections={sections}
                  onAction={act}
                  triggerLabel={t('outline.actionsFor', { title: section.title })}
                  triggerClassName="outline-menu-button"
                />
              ) : null}
            </div>
          )}
        </TreeItemContent>
        {renderLevel(section.id)}
      </TreeItem>
    ));

  return (
    <div className="outline-tree-wrap" onKeyDownCapture={onKeyDownCapture}>
      <Tree
        aria-label={t('outline.treeLabel')}
        className="outline-tree"
        selectionMode="single"
        selectionBehavior="replace"
        disallowEmptySelection
        selectedKeys={selectedId ? [selectedId] : []}
        onSelectionChange={(keys: Selection) => {
          if (keys === 'all') return;
          const [first] = [...keys];
          if (first !== undefined) onSelect(String(first));
        }}
        expandedKeys={expandedKeys}
        onExpandedChange={(keys: Set<Key>) => setCollapsed(new Set([...parents].filter((id) => !keys.has(id))))}
        renderEmptyState={() => <p className="outline-empty">{t('outline.empty')}</p>}
      >
        {renderLevel(null)}
      </Tree>
    </div>
  );
}

function OutlineWords({ words, budget }: { words: number; budget: number | null }) {
  const format = useFormat();
  const over = budget !== null && words > budget;
  return <span className={`outline-words${over ? ' over' : ''}`}>{format.wordsOf(words, budget)}</span>;
}
