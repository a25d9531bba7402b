import { useCallback, useEffect, useState } from 'react';
import type { ImportSummary } from '../../../../src-shared/contract/imports';
import { api, errorMessage, useEvent } from '../../api/client';
import { useNav } from '../../store/nav';
import { Banner } from '../../ui/Banner';
import { Button } from '../../ui/Button';
import { Card } from '../../ui/Card';
import { EmptyState } from '../../ui/EmptyState';
import { Screen } from '../../ui/Screen';
import { NewRunCard } from './NewRunCard';
import { RunsPanel } from './RunsPanel';
import { useRunsWatcher } from './useRunsWatcher';
import './generate.css';

/** Committed imports only: drafts are still being cleaned and are invisible to generation. */
function useCommittedImports() {
  const [imports, setImports] = useState<ImportSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(async () => {
    try {
      const res = await api.call('imports.list', { limit: 500 });
      setImports(res.imports.filter((i) => i.status === 'committed'));
      setError(null);
    } catch (e) {
      setError(errorMessage(e));
    }
  }, []);
  useEffect(() => {
    void load();
  }, [load]);
  useEvent('imports.changed', () => void load());
  return { imports, error, reload: load };
}

export default function GenerateScreen() {
  useRunsWatcher();
  const go = useNav((s) => s.go);
  const { imports, error, reload } = useCommittedImports();
  return (
    <Screen
      title="Generate"
      description="Have MachFive write a personalised sequence for each ready lead. Work continues in the background."
    >
      {error && (
        <Banner tone="danger" title="Could not read your imports">
          <p>{error}</p>
          <Button size="sm" onClick={() => void reload()}>
            Try again
          </Button>
        </Banner>
      )}
      {imports === null ? (
        !error && (
          <p className="muted" role="status">
            Reading imports…
          </p>
        )
      ) : imports.length === 0 ? (
        <Card title="New run" label="New run">
          <EmptyState
            title="No committed imports yet — import a file first"
            action={
              <Button variant="primary" onClick={() => go('import')}>
                Go to Import
              </Button>
            }
          >
            <p>
              Generation uses the ready leads of committed imports. Import a file, check it in Clean &amp;
              dedupe, then commit it.
            </p>
          </EmptyState>
        </Card>
      ) : (
        <NewRunCard imports={imports} />
      )}
      <RunsPanel />
    </Screen>
  );
}
