// The outline sidebar: the tree, and for the secretariat the ways to add, rename, move and
// delete sections. Every change goes through the API; the tree redraws from the reloaded workspace.
import { useRef, useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { OutlineEntry, SectionWithCount } from '../../../shared/domain.js';
import { denyReportChange } from '../../../shared/permissions.js';
import { call } from '../../api/client.js';
import { useChange, useChanged, useWorkspace } from '../../app/workspaceContext.js';
import { countDescendants, planMove, type OutlineAction } from './outlineMoves.js';
import { OutlineTree } from './OutlineTree.js';
import { SectionMenu } from './SectionMenu.js';
import { DeleteSectionDialog, SectionTitleDialog } from './SectionDialogs.js';
import './outline.css';

type OpenDialog =
  | { kind: 'add'; parentId: string | null }
  | { kind: 'rename'; section: SectionWithCount }
  | { kind: 'delete'; section: SectionWithCount };

export interface OutlinePanelProps {
  entries: OutlineEntry[];
  selectedId: string | null;
  onSelect: (id: string) => void;
  wordsOf: (section: SectionWithCount) => number;
  today: string;
}

export function OutlinePanel({ entries, selectedId, onSelect, wordsOf, today }: OutlinePanelProps) {
  const { t } = useTranslation();
  const { workspace } = useWorkspace();
  const change = useChange();
  const changed = useChanged();
  const canEdit = denyReportChange(workspace.me) === null;
  const [dialog, setDialog] = useState<OpenDialog | null>(null);
  const treeArea = useRef<HTMLDivElement>(null);
  const sections = entries.map((e) => e.section);
  const selected = sections.find((s) => s.id === selectedId) ?? null;
  const labelOf = (id: string) => entries.find((e) => e.section.id === id)?.label ?? '';

  /** Puts keyboard focus back on a section's row once the reloaded tree has drawn it. */
  const focusRow = (id: string) =>
    requestAnimationFrame(() =>
      treeArea.current?.querySelector<HTMLElement>(`[role="row"][data-key="${CSS.escape(id)}"]`)?.focus(),
    );

  const onAction = async (action: OutlineAction, section: SectionWithCount) => {
    if (action === 'rename') return setDialog({ kind: 'rename', section });
    if (action === 'addChild') return setDialog({ kind: 'add', parentId: section.id });
    if (action === 'delete') return setDialog({ kind: 'delete', section });
    const target = planMove(sections, section.id, action);
    if (!target) return;
    const moved = await change(
      () => call('sections.move', { id: section.id, ...target }),
      t(`outline.moved.${action}`, { title: section.title }),
    );
    if (moved) focusRow(section.id);
  };

  const createSection = async (title: string, parentId: string | null) => {
    const created = await call('sections.create', { title, parentId });
    onSelect(created.id);
    await changed(t('outline.added', { title }));
  };

  const deleteSection = async (section: SectionWithCount) => {
    // Select what comes after the deleted section and its sub-sections, or else what came before.
    const at = entries.findIndex((e) => e.section.id === section.id);
    const after = entries.slice(at + 1).find((e) => e.depth <= (entries[at]?.depth ?? 0));
    const before = entries[at - 1];
    await call('sections.delete', { id: section.id });
    const next = after ?? before;
    if (next) onSelect(next.section.id);
    await changed(t('outline.deleted', { title: section.title }));
  };

  return (
    <nav className="outline-panel" aria-labelledby="outline-heading">
      <div className="outline-head">
        <h2 id="outline-heading" className="panel-title">
          {t('outline.title')}
        </h2>
        {canEdit ? (
          <div className="outline-tools">
            <Button className="button button-small" onPress={() => setDialog({ kind: 'add', parentId: null })}>
              {t('outline.addSection')}
            </Button>
            <Button
              className="button button-small"
              isDisabled={!selected}
              onPress={() => selected && setDialog({ kind: 'add', parentId: selected.id })}
            >
              {t('outline.addSubsection')}
            </Button>
            {selected ? (
              <SectionMenu
                section={selected}
                sections={sections}
                onAction={(a, s) => void onAction(a, s)}
                triggerText={t('outline.sectionActions')}
                triggerClassName="button button-small"
              />
            ) : null}
          </div>
        ) : null}
      </div>
      <div ref={treeArea} className="outline-scroll">
        <OutlineTree
          entries={entries}
          selectedId={selectedId}
          onSelect={onSelect}
          canEdit={canEdit}
          onAction={(a, s) => void onAction(a, s)}
          wordsOf={wordsOf}
          today={today}
        />
      </div>
      {canEdit ? <p className="outline-hint">{t('outline.keyboardHint')}</p> : null}

      {dialog?.kind === 'add' ? (
        <SectionTitleDialog
          isOpen
          onClose={() => setDialog(null)}
          title={
            dialog.parentId
              ? t('outline.addSubsectionTo', { label: labelOf(dialog.parentId) })
              : t('outline.addSectionTitle')
          }
          submitLabel={t('outline.add')}
          onSubmit={(title) => createSection(title, dialog.parentId)}
        />
      ) : null}
      {dialog?.kind === 'rename' ? (
        <SectionTitleDialog
          isOpen
          onClose={() => setDialog(null)}
          title={t('outline.renameTitle', { label: labelOf(dialog.section.id) })}
          submitLabel={t('outline.renameConfirm')}
          initialTitle={dialog.section.title}
          onSubmit={async (title) => {
            await call('sections.update', { id: dialog.section.id, title });
            await changed(t('outline.renamed', { title }));
          }}
        />
      ) : null}
      {dialog?.kind === 'delete' ? (
        <DeleteSectionDialog
          isOpen
          onClose={() => setDialog(null)}
          section={dialog.section}
          label={labelOf(dialog.section.id)}
          descendants={countDescendants(sections, dialog.section.id)}
          onConfirm={() => deleteSection(dialog.section)}
        />
      ) : null}
    </nav>
  );
}
