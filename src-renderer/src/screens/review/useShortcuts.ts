import { useEffect, useRef } from 'react';
import { isTyping } from '../../ui/keys';

export type ShortcutAction =
  'next' | 'prev' | 'approve' | 'reject' | 'reset' | 'edit' | 'search' | 'undo' | 'select' | 'help';

const KEYS: Readonly<Record<string, ShortcutAction>> = {
  j: 'next',
  ArrowDown: 'next',
  k: 'prev',
  ArrowUp: 'prev',
  a: 'approve',
  r: 'reject',
  u: 'reset',
  e: 'edit',
  '/': 'search',
  z: 'undo',
  x: 'select',
  '?': 'help',
};

/** Maps a key press to a review action; null when it belongs to someone else (a field, a dialog). */
export function shortcutFor(
  e: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey' | 'target'>,
): ShortcutAction | null {
  if (isTyping(e.target)) return null;
  if (e.altKey) return null;
  if (e.ctrlKey || e.metaKey) return !e.shiftKey && e.key.toLowerCase() === 'z' ? 'undo' : null;
  return KEYS[e.key] ?? null;
}

/** Review's keyboard layer; off while a modal dialog is open (the dialog owns the keyboard then). */
export function useShortcuts(handler: (action: ShortcutAction) => void): void {
  const latest = useRef(handler);
  latest.current = handler;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || document.querySelector('dialog[open]')) return;
      const action = shortcutFor(e);
      if (!action) return;
      e.preventDefault();
      latest.current(action);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
