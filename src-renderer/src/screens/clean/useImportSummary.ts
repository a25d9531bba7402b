import { useCallback, useEffect, useState } from 'react';
import type { ImportSummary } from '../../../../src-shared/contract/imports';
import { api, errorMessage } from '../../api/client';

/** The open import's summary (status, counts, open groups), read again whenever `version` changes. */
export function useImportSummary(
  importId: number,
  version: number,
): { summary: ImportSummary | null; error: string | null; reload(): void } {
  const [summary, setSummary] = useState<ImportSummary | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(() => {
    api.call('imports.get', { importId }).then(
      (s) => {
        setSummary(s);
        setError(null);
      },
      (e: unknown) => setError(errorMessage(e)),
    );
  }, [importId]);
  useEffect(() => {
    load();
  }, [load, version]);
  return { summary, error, reload: load };
}
