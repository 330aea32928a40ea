// Where a section goes when the secretariat moves it up, down, in or out: the arguments of
// `sections.move` ({parentId, index} among the siblings without the section itself), or null
// when the move is not possible from where the section is.
import type { Section } from '../../../shared/domain.js';

export type OutlineMove = 'up' | 'down' | 'indent' | 'outdent';

/** Everything the secretariat can do to a section from the outline. */
export type OutlineAction = OutlineMove | 'rename' | 'addChild' | 'delete';

export interface MoveTarget {
  parentId: string | null;
  index: number;
}

function byPosition(a: Section, b: Section): number {
  return a.position < b.position ? -1 : a.position > b.position ? 1 : a.id < b.id ? -1 : 1;
}

function childrenOf(sections: readonly Section[], parentId: string | null): Section[] {
  return sections.filter((s) => s.parentId === parentId).sort(byPosition);
}

export function planMove(sections: readonly Section[], id: string, move: OutlineMove): MoveTarget | null {
  const section = sections.find((s) => s.id === id);
  if (!section) return null;
  const siblings = childrenOf(sections, section.parentId);
  const at = siblings.findIndex((s) => s.id === id);
  switch (move) {
    case 'up':
      return at > 0 ? { parentId: section.parentId, index: at - 1 } : null;
    case 'down':
      return at < siblings.length - 1 ? { parentId: section.parentId, index: at + 1 } : null;
    case 'indent': {
      const previous = siblings[at - 1];
      if (!previous) return null;
      return { parentId: previous.id, index: childrenOf(sections, previous.id).length };
    }
    case 'outdent': {
      const parent = section.parentId ? sections.find((s) => s.id === section.parentId) : undefined;
      if (!parent) return null;
      const parentAt = childrenOf(sections, parent.parentId).findIndex((s) => s.id === parent.id);
      return { parentId: parent.parentId, index: parentAt + 1 };
    }
  }
}

/** How many sections are nested (at any depth) under `id`: they go when it is deleted. */
export function countDescendants(sections: readonly Section[], id: string): number {
  let count = 0;
  const stack = [id];
  while (stack.length) {
    const parent = stack.pop()!;
    for (const s of sections) {
      if (s.parentId === parent) {
        count++;
        stack.push(s.id);
      }
    }
  }
  return count;
}

/** The keyboard shortcut for each move. In a right-to-left layout nesting goes leftwards. */
export function moveForKey(key: string, rtl: boolean): OutlineMove | null {
  if (key === 'ArrowUp') return 'up';
  if (key === 'ArrowDown') return 'down';
  if (key === 'ArrowRight') return rtl ? 'outdent' : 'indent';
  if (key === 'ArrowLeft') return rtl ? 'indent' : 'outdent';
  return null;
}
