import { useEffect, useState } from 'react';
import type { CallOutput } from '../../../../src-shared/contract';
import { api } from '../../api/client';

export type FlagCounts = CallOutput<'leads.flagCounts'>;

/**
 * Leads per flag and per whole-import bulk action, read again whenever `version` changes. Null until
 * the first answer (and after a failure: the filter and buttons then work without numbers).
 */
export function useFlagCounts(importId: number, version: number): FlagCounts | null {
  const [counts, setCounts] = useState<FlagCounts | null>(null);
  useEffect(() => {
    let current = true;
    api.call('leads.flagCounts', { importId }).then(
      (c) => {
        if (current) setCounts(c);
      },
      () => {
        if (current) setCounts(null);
      },
    );
    return () => {
      current = false;
    };
  }, [importId, version]);
  return counts;
}
