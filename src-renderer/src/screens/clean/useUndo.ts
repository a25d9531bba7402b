import { useCallback, useEffect, useState } from 'react';
import { api } from '../../api/client';
import { toast } from '../../store/toasts';

/**
 * Undo of the last decision of a draft import, from a button or Ctrl/Cmd+Z outside text fields, and
 * whether one is running.
 */
export function useUndo(
  importId: number,
  enabled: boolean,
  onUndone: () => void,
): { undo: () => Promise<void>; running: boolean } {
  const [running, setRunning] = useState(false);
  const undo = useCallback(async () => {
    setRunning(true);
    try {
      const r = await api.call('leads.undo', { importId });
      if (r.undone === null) toast.info('Nothing to undo.');
      else toast.success(`Undone: ${r.undone}.`);
      onUndone();
    } catch (e) {
      toast.error(e);
    } finally {
      setRunning(false);
    }
  }, [importId, onUndone]);
  useEffect(() => {
    if (!enabled) return;
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.shiftKey || e.altKey || e.key.toLowerCase() !== 'z') return;
      const t = e.target as HTMLElement | null;
      // Inside a text field Ctrl+Z belongs to the field.
      if (t && (t.tagName === 'INPUT' || t.tagName === 'TEXTAREA' || t.isContentEditable)) return;
      e.preventDefault();
      void undo();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [enabled, undo]);
  return { undo, running };
}
