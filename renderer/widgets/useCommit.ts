// A field that saves as a spreadsheet cell does: what the person types is a draft, saved when they
// leave the field (blur), press Enter, or when the field goes away with them still in it (another
// section chosen, another tab). A value that cannot be saved stays in the field, and is tried again
// the next time the field is left. A change from elsewhere shows in the field unless the person
// has typed in it meanwhile.
import { useCallback, useEffect, useRef, useState, type KeyboardEvent } from 'react';

export interface Commit<T> {
  /** What the field shows: the stored value, or what the person has typed and not yet saved. */
  draft: T;
  /** Called as the person types. */
  setDraft: (value: T) => void;
  /** The same, for a field that shows its own text as typed (a number field): nothing re-renders. */
  note: (value: T) => void;
  /** Saves the draft now if it differs from the stored value (on blur, on Enter). */
  commit: () => void;
  /** onKeyDown for a single-line field: Enter saves. */
  onKeyDown: (e: KeyboardEvent) => void;
}

/**
 * `save` is called with the draft and answers whether it was stored; it is the one given with the
 * render the draft was typed in, so a value always goes to the row it was typed for.
 */
export function useCommit<T>(stored: T, save: (value: T) => Promise<boolean>, same: (a: T, b: T) => boolean = Object.is): Commit<T> {
  const [draft, setShown] = useState(stored);
  const state = useRef({ draft: stored, stored, save, same, typed: false });
  state.current.save = save;
  state.current.same = same;

  // A new stored value (saved here or changed elsewhere) shows, unless the person is typing.
  useEffect(() => {
    const s = state.current;
    s.stored = stored;
    if (!s.typed || s.same(s.draft, stored)) {
      s.typed = false;
      s.draft = stored;
      setShown(stored);
    }
  }, [stored]);

  const note = useCallback((value: T) => {
    state.current.draft = value;
    state.current.typed = true;
  }, []);
  const setDraft = useCallback(
    (value: T) => {
      note(value);
      setShown(value);
    },
    [note],
  );

  const commit = useCallback(() => {
    const s = state.current;
    if (!s.typed) return;
    if (s.same(s.draft, s.stored)) {
      s.typed = false;
      return;
    }
    const value = s.draft;
    s.typed = false;
    void s.save(value).then((ok) => {
      // Not stored: keep it as typed (unless typed over since), to be saved on the next try.
      if (!ok && s.same(s.draft, value)) s.typed = true;
    });
  }, []);

  // Leaving with the field still being typed in saves it too.
  useEffect(() => commit, [commit]);

  const onKeyDown = useCallback(
    (e: KeyboardEvent) => {
      if (e.key === 'Enter') commit();
    },
    [commit],
  );
  return { draft, setDraft, note, commit, onKeyDown };
}
