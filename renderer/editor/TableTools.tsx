// Tables as in Word: insert and delete rows and columns, a header row on or off, merge and split
// cells, delete the table; from the toolbar's Table menu (shown while the caret is in a table),
// from a right click in a cell, and with shortcuts. Tab in the last cell adds a row. What a table
// can do is Lexical's own (@lexical/table); this file only offers it.
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import {
  $deleteTableColumnAtSelection,
  $deleteTableRowAtSelection,
  $getTableCellNodeFromLexicalNode,
  $getTableNodeFromLexicalNodeOrThrow,
  $insertTableColumnAtSelection,
  $insertTableRowAtSelection,
  $isTableCellNode,
  $isTableRowNode,
  $isTableSelection,
  $mergeCells,
  $setTableRowIsHeader,
  $unmergeCell,
  TableCellHeaderStates,
  type TableCellNode,
} from '@lexical/table';
import { $getNearestNodeFromDOMNode, $getSelection, $isRangeSelection, $setSelection, type LexicalEditor } from 'lexical';
import { useEffect, useRef, useState } from 'react';
import { Button, Keyboard, Menu, MenuItem, MenuTrigger, Popover } from 'react-aria-components';
import { useTranslation } from 'react-i18next';

export const TABLE_ACTIONS = ['rowAbove', 'rowBelow', 'columnBefore', 'columnAfter', 'deleteRow', 'deleteColumn', 'headerRow', 'mergeCells', 'splitCell', 'deleteTable'] as const;
export type TableAction = (typeof TABLE_ACTIONS)[number];

const isMac = typeof navigator !== 'undefined' && /Mac/.test(navigator.platform);
/** The shortcuts, as KeyboardEvent tests and as shown in the menu. */
const SHORTCUTS: Partial<Record<TableAction, { test: (e: KeyboardEvent) => boolean; label: string }>> = {
  rowBelow: { test: (e) => e.key === 'Enter' && !e.shiftKey, label: isMac ? '⌘⌥↩' : 'Ctrl+Alt+Enter' },
  rowAbove: { test: (e) => e.key === 'Enter' && e.shiftKey, label: isMac ? '⌘⌥⇧↩' : 'Ctrl+Alt+Shift+Enter' },
  columnAfter: { test: (e) => e.code === 'BracketRight', label: isMac ? '⌘⌥]' : 'Ctrl+Alt+]' },
  columnBefore: { test: (e) => e.code === 'BracketLeft', label: isMac ? '⌘⌥[' : 'Ctrl+Alt+[' },
  deleteRow: { test: (e) => e.key === 'Backspace' && !e.shiftKey, label: isMac ? '⌘⌥⌫' : 'Ctrl+Alt+Backspace' },
  deleteColumn: { test: (e) => e.key === 'Backspace' && e.shiftKey, label: isMac ? '⌘⌥⇧⌫' : 'Ctrl+Alt+Shift+Backspace' },
};

/** The cell the selection is in (or starts in), or null outside a table. */
function $selectedCell(): TableCellNode | null {
  const selection = $getSelection();
  if ($isRangeSelection(selection)) return $getTableCellNodeFromLexicalNode(selection.anchor.getNode());
  if ($isTableSelection(selection)) return selection.getNodes().find($isTableCellNode) ?? null;
  return null;
}

/** Whether the table's first row is a header row. */
function $hasHeaderRow(cell: TableCellNode): boolean {
  const table = $getTableNodeFromLexicalNodeOrThrow(cell);
  const first = table.getFirstChild();
  const firstCell = $isTableRowNode(first) ? first.getFirstChild() : null;
  return $isTableCellNode(firstCell) && firstCell.hasHeaderState(TableCellHeaderStates.ROW);
}

/** Does `action` where the selection is; false outside a table. */
export function runTableAction(editor: LexicalEditor, action: TableAction): void {
  editor.update(() => {
    const cell = $selectedCell();
    if (!cell) return;
    // A row or column added leaves the caret where it was, as in Word.
    const keep = (insert: () => unknown) => {
      const before = $getSelection()?.clone() ?? null;
      insert();
      if (before) $setSelection(before);
    };
    switch (action) {
      case 'rowAbove':
        return keep(() => $insertTableRowAtSelection(false));
      case 'rowBelow':
        return keep(() => $insertTableRowAtSelection(true));
      case 'columnBefore':
        return keep(() => $insertTableColumnAtSelection(false));
      case 'columnAfter':
        return keep(() => $insertTableColumnAtSelection(true));
      case 'deleteRow':
        return $deleteTableRowAtSelection();
      case 'deleteColumn':
        return $deleteTableColumnAtSelection();
      case 'headerRow':
        return $setTableRowIsHeader($getTableNodeFromLexicalNodeOrThrow(cell), 0, !$hasHeaderRow(cell));
      case 'mergeCells': {
        const selection = $getSelection();
        // The caret goes into the merged cell, so the menu can split it again.
        if ($isTableSelection(selection)) $mergeCells(selection.getNodes().filter($isTableCellNode))?.selectStart();
        return;
      }
      case 'splitCell':
        return $unmergeCell();
      case 'deleteTable':
        return $getTableNodeFromLexicalNodeOrThrow(cell).remove();
    }
  });
}

/** After a menu closes (which gives the focus back to what opened it): the caret back in the text. */
function backToText(editor: LexicalEditor): void {
  setTimeout(() => editor.focus(), 0);
}

/** What the menu may offer now: merge only across several cells, split only a merged one. */
function $disabledActions(): TableAction[] {
  const cell = $selectedCell();
  if (!cell) return [...TABLE_ACTIONS];
  const selection = $getSelection();
  const several = $isTableSelection(selection) && selection.getNodes().filter($isTableCellNode).length > 1;
  const merged = cell.getColSpan() > 1 || cell.getRowSpan() > 1;
  return [...(several ? [] : (['mergeCells'] as const)), ...(merged ? [] : (['splitCell'] as const))];
}

/** Whether the caret is in a table (for the toolbar's Table menu). */
export function useInTable(): boolean {
  const [editor] = useLexicalComposerContext();
  const [inTable, setInTable] = useState(false);
  useEffect(() => editor.registerUpdateListener(({ editorState }) => setInTable(editorState.read(() => $selectedCell() !== null))), [editor]);
  return inTable;
}

function TableMenuItems({ onAction, disabled }: { onAction: (action: TableAction) => void; disabled: TableAction[] }) {
  const { t } = useTranslation('editor');
  return (
    <Menu className="menu" disabledKeys={disabled} onAction={(key) => onAction(key as TableAction)} aria-label={t('tableMenu')}>
      {TABLE_ACTIONS.map((action) => (
        <MenuItem key={action} id={action} className={`menu-item${action === 'deleteTable' ? ' menu-item-danger' : ''}`} textValue={t(`tableAction.${action}`)}>
          <span>{t(`tableAction.${action}`)}</span>
          {SHORTCUTS[action] ? <Keyboard className="menu-shortcut">{SHORTCUTS[action].label}</Keyboard> : null}
        </MenuItem>
      ))}
    </Menu>
  );
}

/** The toolbar's Table menu, shown while the caret is in a table. */
export function TableMenuButton() {
  const [editor] = useLexicalComposerContext();
  const { t } = useTranslation('editor');
  const [disabled, setDisabled] = useState<TableAction[]>([]);
  return (
    <MenuTrigger onOpenChange={(open) => open && setDisabled(editor.getEditorState().read($disabledActions))}>
      <Button className="ed-table-menu">
        {t('tableMenu')} <span aria-hidden="true">▾</span>
      </Button>
      <Popover className="popover" placement="bottom start">
        <TableMenuItems
          disabled={disabled}
          onAction={(action) => {
            runTableAction(editor, action);
            backToText(editor);
          }}
        />
      </Popover>
    </MenuTrigger>
  );
}

/** The shortcuts, Tab in the last cell, and the menu on a right click in a cell. */
export function TableToolsPlugin() {
  const [editor] = useLexicalComposerContext();
  const [at, setAt] = useState<{ x: number; y: number; disabled: TableAction[] } | null>(null);
  const anchor = useRef<HTMLSpanElement>(null);

  useEffect(() => {
    let listening: { on: HTMLElement; keydown: (e: KeyboardEvent) => void; contextmenu: (e: MouseEvent) => void } | null = null;
    const stop = () => {
      listening?.on.removeEventListener('keydown', listening.keydown, true);
      listening?.on.removeEventListener('contextmenu', listening.contextmenu);
      listening = null;
    };
    const inTable = () => editor.getEditorState().read(() => $selectedCell() !== null);
    const stopRoot = editor.registerRootListener((root) => {
      stop();
      const on = root?.parentElement;
      if (!root || !on) return;
      const keydown = (e: KeyboardEvent) => {
        // Plain typing passes at once: only Tab and Ctrl+Alt keys are the table's.
        const mod = isMac ? e.metaKey : e.ctrlKey;
        if (!(e.key === 'Tab' || (mod && e.altKey))) return;
        if (!editor.isEditable() || e.isComposing || !inTable()) return;
        if (mod && e.altKey) {
          const action = (Object.keys(SHORTCUTS) as TableAction[]).find((a) => SHORTCUTS[a]!.test(e));
          if (!action) return;
          e.preventDefault();
          e.stopPropagation();
          runTableAction(editor, action);
          return;
        }
        // Tab in the last cell adds a row and goes to its first cell, as in Word.
        if (e.key === 'Tab' && !e.shiftKey && !e.ctrlKey && !e.altKey && !e.metaKey && editor.getEditorState().read($inLastCell)) {
          e.preventDefault();
          e.stopPropagation();
          editor.update(() => {
            const row = $insertTableRowAtSelection(true);
            const first = row?.getFirstChild();
            if ($isTableCellNode(first)) first.selectStart();
          });
        }
      };
      const contextmenu = (e: MouseEvent) => {
        if (!editor.isEditable() || !(e.target instanceof Node) || !root.contains(e.target)) return;
        const cell = editor.read(() => {
          const node = $getNearestNodeFromDOMNode(e.target as Node);
          return node ? $getTableCellNodeFromLexicalNode(node) : null;
        });
        if (!cell) return;
        e.preventDefault();
        setAt({ x: e.clientX, y: e.clientY, disabled: editor.getEditorState().read($disabledActions) });
      };
      on.addEventListener('keydown', keydown, true);
      on.addEventListener('contextmenu', contextmenu);
      listening = { on, keydown, contextmenu };
    });
    return () => {
      stopRoot();
      stop();
    };
  }, [editor]);

  return (
    <>
      <span ref={anchor} className="ed-context-anchor" style={at ? { left: at.x, top: at.y } : undefined} />
      <Popover className="popover" triggerRef={anchor} isOpen={at !== null} onOpenChange={(open) => !open && setAt(null)} placement="bottom start">
        <TableMenuItems
          disabled={at?.disabled ?? []}
          onAction={(action) => {
            setAt(null);
            runTableAction(editor, action);
            backToText(editor);
          }}
        />
      </Popover>
    </>
  );
}

/** Is the caret in the table's last cell? */
function $inLastCell(): boolean {
  const selection = $getSelection();
  if (!$isRangeSelection(selection) || !selection.isCollapsed()) return false;
  const cell = $getTableCellNodeFromLexicalNode(selection.anchor.getNode());
  if (!cell) return false;
  const row = cell.getParent();
  const table = row?.getParent();
  return !!row && !!table && row.getNextSibling() === null && cell.getNextSibling() === null;
}
