import { useEffect, useState } from 'react';
import type { EventPayload } from '../../../../src-shared/contract';
import { useEvent } from '../../api/client';
import { plural } from '../../ui/format';

type Progress = EventPayload<'imports.progress'>;

/**
 * How far a change of the import has got while `active` (the caller's own call is running): the host
 * reports one that takes a while, and nothing for a quick one.
 */
export function useImportProgress(importId: number, active: boolean): Progress | null {
  const [progress, setProgress] = useState<Progress | null>(null);
  useEvent('imports.progress', (p) => {
    if (active && p.importId === importId) setProgress(p);
  });
  useEffect(() => {
    if (!active) setProgress(null);
  }, [active]);
  return active ? progress : null;
}

/** "Exclude selected: 9,375 of 30,000 leads" (or `text`, for work not counted in leads) and a bar. */
export function ProgressNote({ progress, text }: { progress: Progress | null; text?: string }) {
  if (!progress) return null;
  return (
    <span className="row muted" role="status">
      {text ?? `${progress.label}: ${progress.done.toLocaleString()} of ${plural(progress.total, 'lead')}`}
      <progress
        className="bulk-progress"
        max={Math.max(1, progress.total)}
        value={progress.done}
        aria-label={`${progress.label} progress`}
      />
    </span>
  );
}
