/* The keyboard as the screens share it: how shortcuts are written, and when a key is someone's typing. */

export const IS_MAC = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);
/** Written before a shortcut's key: "⌘1" on a Mac, "Ctrl+1" elsewhere. */
export const SHORTCUT_PREFIX = IS_MAC ? '⌘' : 'Ctrl+';

/** Whether a key or a paste aimed at `target` is typing into a field, which a screen's shortcuts leave alone. */
export function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target.tagName === 'TEXTAREA' || target.tagName === 'SELECT') return true;
  if (target.tagName !== 'INPUT') return false;
  const type = (target as HTMLInputElement).type;
  return type !== 'checkbox' && type !== 'radio' && type !== 'button';
}
