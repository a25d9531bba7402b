import { useEffect, useRef, type FocusEvent } from 'react';

const FOCUS_TARGET = 'data-focus-target';

/** Spread on the element that takes focus when the region's content is replaced. */
export const focusTarget = { [FOCUS_TARGET]: '' } as const;

/**
 * Keeps keyboard focus inside a region whose content is replaced while the user works in it (Review's
 * email pane, swapped for the next lead's after Approve or j). The browser drops focus to the page when
 * the focused element goes away, and the next Tab then starts from the top of the screen; instead,
 * each time `contentKey` changes while focus was in the region and went nowhere else, the new content's
 * `[data-focus-target]` element takes it.
 */
export function useFocusKept<T extends HTMLElement>(contentKey: unknown) {
  const region = useRef<T>(null);
  const inside = useRef(false);
  useEffect(() => {
    const el = region.current;
    if (!inside.current || !el) return;
    const active = el.ownerDocument.activeElement;
    if (active !== null && active !== el.ownerDocument.body) {
      // Still in the region, or the user has moved on elsewhere.
      inside.current = el.contains(active);
      return;
    }
    el.querySelector<HTMLElement>(`[${FOCUS_TARGET}]`)?.focus();
  }, [contentKey]);
  return {
    ref: region,
    onFocus: () => {
      inside.current = true;
    },
    onBlur: (e: FocusEvent) => {
      // No related target: the focused element was removed (or the window lost focus), not left.
      if (e.relatedTarget !== null && !region.current?.contains(e.relatedTarget as Node))
        inside.current = false;
    },
  };
}
