// One action at a time on a card (connect, serve, invite…): the card's buttons wait while it runs,
// what it says on failure is kept to show, and the card's state is read again after it.
import { useState } from 'react';
import { messageOf } from '../../app/errors.js';

export function useBusy(reload: () => Promise<unknown>) {
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const run = async (work: () => Promise<unknown>): Promise<void> => {
    setBusy(true);
    setFailure(null);
    try {
      await work();
      await reload();
    } catch (err) {
      setFailure(messageOf(err));
    } finally {
      setBusy(false);
    }
  };
  return { busy, failure, run };
}
