import { useCallback, useState } from 'react';

/** Ids picked one by one (row checkboxes). `toggle` keeps its identity, so memoised rows stay memoised. */
export function useToggleSet(): [
  ReadonlySet<number>,
  (id: number) => void,
  (next: ReadonlySet<number>) => void,
] {
  const [selected, setSelected] = useState<ReadonlySet<number>>(new Set());
  const toggle = useCallback((id: number) => {
    setSelected((prev) => {
      const next = new Set(prev);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  }, []);
  return [selected, toggle, setSelected];
}
