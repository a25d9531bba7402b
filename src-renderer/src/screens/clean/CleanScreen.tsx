import { useDeferredValue, useReducer, useState, type ReactNode } from 'react';
import type { LeadFlag, LeadState } from '../../../../src-shared/import/types';
import { useEvent } from '../../api/client';
import { useLeadSelection } from '../../store/leadSelection';
import { useNav } from '../../store/nav';
import { Badge } from '../../ui/Badge';
import { Banner } from '../../ui/Banner';
import { Button } from '../../ui/Button';
import { ChoicePending } from '../../ui/ChoicePending';
import { EmptyState } from '../../ui/EmptyState';
import { plural } from '../../ui/format';
import { Screen } from '../../ui/Screen';
import { openInGenerate } from '../generate/target';
import { ImportNext } from '../import/ImportNext';
import { DeleteImportDialog } from '../import/RecentImports';
import { BulkActions } from './BulkActions';
import { CommitDialog } from './CommitDialog';
import { DUPLICATES_PANEL_ID, DuplicatesPanel } from './DuplicatesPanel';
import { FlagFilter } from './FlagFilter';
import { useFlagCounts } from './useFlagCounts';
import { GenerateHandOff } from './GenerateHandOff';
import { ImportPicker, useImportChoices } from './ImportPicker';
import { LeadTable } from './LeadTable';
import type { LeadFilter } from './row-selection';
import { useRowSelection } from './useRowSelection';
import { useCleanTarget } from './selection';
import { StateFilters } from './StateFilters';
import { useImportSummary } from './useImportSummary';
import { useLeadWindow } from './useLeadWindow';
import { useUndo } from './useUndo';
import { ProgressNote, useImportProgress } from './ImportProgress';

/** What became of the leads that still needed a fix at commit, and the way to fix them still. */
function UnfixedAfterCommit({ count }: { count: number }) {
  if (count === 0) return null;
  return (
    <p>
      {count === 1
        ? '1 lead that needs a fix was committed as it is and is not used. To fix it, import the same file again: the leads already in your leads are found as duplicates, and this one comes back to fix.'
        : `${count.toLocaleString()} leads that need a fix were committed as they are and are not used. To fix them, import the same file again: the leads already in your leads are found as duplicates, and these come back to fix.`}
    </p>
  );
}

export default function CleanScreen() {
  const importId = useCleanTarget((s) => s.value);
  const choose = useCleanTarget((s) => s.set);
  const { imports, error } = useImportChoices(importId, choose);
  const go = useNav((s) => s.go);

  if (importId === null || imports === null) {
    return (
      <ChoicePending
        title="Clean & dedupe"
        choices={imports}
        error={error}
        errorTitle="Could not list imports"
        loadingText="Loading imports…"
        emptyTitle="Nothing to clean yet"
        emptyAction={
          <Button variant="primary" onClick={() => go('import')}>
            Import a file
          </Button>
        }
      >
        <p>Import a lead file first; its rows show up here for review.</p>
      </ChoicePending>
    );
  }
  return (
    <CleanImport
      key={importId}
      importId={importId}
      picker={<ImportPicker imports={imports} current={importId} onChange={choose} />}
    />
  );
}

function CleanImport({ importId, picker }: { importId: number; picker: ReactNode }) {
  const [version, bump] = useReducer((n: number) => n + 1, 0);
  const [state, setState] = useState<LeadState | null>(null);
  const [flag, setFlag] = useState<LeadFlag | null>(null);
  const [searchText, setSearchText] = useState('');
  const search = useDeferredValue(searchText);
  const filter: LeadFilter = { state, flag, search };
  const [dialog, setDialog] = useState<'commit' | 'delete' | null>(null);
  const choose = useCleanTarget((s) => s.set);
  const go = useNav((s) => s.go);

  useEvent('imports.changed', (e) => {
    if (e.importId === null || e.importId === importId) bump();
  });
  const { summary, error } = useImportSummary(importId, version);
  const flagCounts = useFlagCounts(importId, version);
  const data = useLeadWindow({ importId, ...filter, version });
  const rows = useRowSelection(importId, filter, data.matching, version);
  const readOnly = summary?.status !== 'draft';
  const committed = summary?.status === 'committed';
  const { undo, running: undoing } = useUndo(importId, !readOnly, bump);
  const undoProgress = useImportProgress(importId, undoing);
  // The groups wait below a table that can be 100k rows long: take the user there.
  const showDuplicates = () => {
    const panel = document.getElementById(DUPLICATES_PANEL_ID);
    panel?.scrollIntoView({ block: 'start' });
    panel?.focus({ preventScroll: true });
  };

  return (
    <Screen
      title="Clean & dedupe"
      // The picker names the file: beside its sheet and status under the title, it leaves the title's
      // line to the actions, and the table starts higher up in a small window.
      description={
        <span className="screen-context">
          {picker}
          {summary && (
            <>
              <span>sheet {summary.sheet}</span>
              {summary.status === 'committed' ? (
                <Badge tone="ok">Committed</Badge>
              ) : (
                <Badge tone="info">Draft</Badge>
              )}
            </>
          )}
        </span>
      }
      actions={
        <>
          {!readOnly && (
            <Button
              onClick={() => void undo()}
              busy={undoing}
              disabled={!summary?.undoLabel}
              title={summary?.undoLabel ? `Undo: ${summary.undoLabel}` : 'Nothing to undo yet'}
              aria-keyshortcuts="Control+Z Meta+Z"
            >
              Undo
            </Button>
          )}
          <Button variant="danger" disabled={!summary} onClick={() => setDialog('delete')}>
            Delete import
          </Button>
          {!readOnly && (
            <Button variant="primary" disabled={!summary} onClick={() => setDialog('commit')}>
              Commit import
            </Button>
          )}
        </>
      }
    >
      {error && (
        <Banner tone="danger" title="Could not read this import">
          {error}
        </Banner>
      )}
      {data.error && (
        <Banner tone="danger" title="Could not load leads">
          {data.error}
        </Banner>
      )}
      {summary?.status === 'committed' && (
        <Banner tone="ok" title="This import is committed">
          <p>
            Its ready leads can be used for generation. Decisions are final; delete the import to start over.
          </p>
          <UnfixedAfterCommit count={summary.counts.needs_fix} />
          <div className="row">
            {summary.counts.ready > 0 && (
              <Button
                size="sm"
                variant="primary"
                onClick={() => {
                  // The whole import, in place of any leads picked here before.
                  useLeadSelection.getState().set(null);
                  openInGenerate(importId);
                }}
              >
                Generate sequences for {plural(summary.counts.ready, 'ready lead')}
              </Button>
            )}
            <ImportNext />
          </div>
        </Banner>
      )}
      <div className="clean-controls">
        <div className="row">
          <StateFilters
            counts={data.counts}
            total={data.total}
            skipped={summary}
            active={state}
            onChange={setState}
          />
          {!readOnly && summary && summary.openGroups > 0 && (
            <Button variant="ghost" size="sm" onClick={showDuplicates}>
              Review {plural(summary.openGroups, 'duplicate group')} ↓
            </Button>
          )}
        </div>
        <div className="row">
          <input
            className="input search"
            type="search"
            aria-label="Search leads"
            placeholder="Search email, name, company…"
            value={searchText}
            onChange={(e) => setSearchText(e.currentTarget.value)}
          />
          <FlagFilter value={flag} counts={flagCounts?.byFlag ?? null} onChange={setFlag} />
          <span className="muted" role="status">
            {data.matching === null ? 'Loading…' : `${data.matching.toLocaleString()} shown`}
          </span>
        </div>
        {!readOnly && (
          <BulkActions
            importId={importId}
            selection={rows.selection}
            selected={rows.selected}
            actionable={flagCounts?.actionable ?? null}
            onDone={(clear) => {
              if (clear) rows.clear();
              bump();
            }}
          />
        )}
        <ProgressNote progress={undoProgress} />
      </div>
      {committed && summary && (
        <GenerateHandOff
          importId={importId}
          fileName={summary.fileName}
          selection={rows.selection}
          selected={rows.selected}
          filter={filter}
        />
      )}
      {data.matching === 0 ? (
        <EmptyState
          title={search || state || flag ? 'No lead matches these filters' : 'This import has no leads'}
        >
          {(search || state || flag) && (
            <Button
              onClick={() => {
                setSearchText('');
                setState(null);
                setFlag(null);
              }}
            >
              Clear filters
            </Button>
          )}
        </EmptyState>
      ) : (
        <LeadTable
          data={data}
          readOnly={readOnly}
          selectable={!readOnly || committed}
          selection={rows.selection}
          onPick={rows.pick}
          selectAll={{ ticked: rows.ticked, onChange: rows.toggleAll }}
          onChanged={bump}
          mapping={summary?.mapping ?? []}
        />
      )}
      <DuplicatesPanel importId={importId} readOnly={readOnly} version={version} onChanged={bump} />
      {dialog === 'commit' && summary && (
        <CommitDialog
          summary={summary}
          fixesNotTaken={flagCounts?.actionable.apply_all_typo_fixes ?? 0}
          onDone={() => setDialog(null)}
          onCommitted={bump}
        />
      )}
      {dialog === 'delete' && summary && (
        <DeleteImportDialog
          imp={summary}
          onDone={() => setDialog(null)}
          onDeleted={() => {
            choose(null);
            go('import');
          }}
        />
      )}
    </Screen>
  );
}
