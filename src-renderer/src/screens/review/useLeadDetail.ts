import { useEffect, useState } from 'react';
import type { LeadDetail } from '../../../../src-shared/contract/review';
import { api, errorMessage } from '../../api/client';

/** The current lead's detail, fetched again when `version` changes (someone changed this lead). */
export function useLeadDetail(
  runId: number,
  leadId: number | null,
  version: number,
): { detail: LeadDetail | null; error: string | null; setDetail(d: LeadDetail): void } {
  const [detail, setDetail] = useState<LeadDetail | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (leadId === null) return;
    let live = true;
    api.call('review.lead', { runId, leadId }).then(
      (d) => {
        if (!live) return;
        setDetail(d);
        setError(null);
      },
      (e: unknown) => {
        if (live) setError(errorMessage(e));
      },
    );
    return () => {
      live = false;
    };
  }, [runId, leadId, version]);
  // An answer for another lead (the user moved on) is never shown as this one.
  const current = detail && detail.leadId === leadId && detail.runId === runId ? detail : null;
  return { detail: current, error, setDetail };
}
