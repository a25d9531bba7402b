import { useEffect, useState } from 'react';
import type { ImportSummary } from '../../../../src-shared/contract/imports';
import { api, errorMessage, useEvent } from '../../api/client';

/** Which import Clean & dedupe shows; with nothing chosen yet it picks the newest usable import. */
export function useImportChoices(
  current: number | null,
  choose: (id: number) => void,
): { imports: ImportSummary[] | null; error: string | null } {
  const [imports, setImports] = useState<ImportSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [tick, setTick] = useState(0);
  useEvent('imports.changed', () => setTick((n) => n + 1));
  useEffect(() => {
    api.call('imports.list', { limit: 50 }).then(
      (r) => {
        const usable = r.imports.filter((i) => !i.unfinished || i.staged);
        setImports(usable);
        setError(null);
        const first = usable[0];
        if (current === null && first) choose(first.id);
      },
      (e: unknown) => setError(errorMessage(e)),
    );
  }, [tick, current, choose]);
  return { imports, error };
}

export function ImportPicker({
  imports,
  current,
  onChange,
}: {
  imports: ImportSummary[];
  current: number;
  onChange(id: number): void;
}) {
  return (
    <select
      className="select"
      aria-label="Import"
      value={current}
      onChange={(e) => onChange(Number(e.currentTarget.value))}
    >
      {imports.map((i) => (
        <option key={i.id} value={i.id}>
          {i.fileName} ({i.status === 'committed' ? 'committed' : 'draft'},{' '}
          {new Date(i.createdAt).toLocaleDateString()})
        </option>
      ))}
    </select>
  );
}
