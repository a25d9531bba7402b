import { useRef, useState } from 'react';
import type { BulkAction, WholeImportAction } from '../../../../src-shared/contract/imports';
import { api } from '../../api/client';
import { toast } from '../../store/toasts';
import { Button } from '../../ui/Button';
import { plural } from '../../ui/format';
import { ProgressNote, useImportProgress } from './ImportProgress';
import { bulkTarget, type RowSelection } from './row-selection';

/** `whenAny`: offered only once the import has leads to act on (most imports never have), then kept. */
const WHOLE_IMPORT: readonly { action: WholeImportAction; label: string; none: string; whenAny?: true }[] = [
  {
    action: 'apply_all_typo_fixes',
    label: 'Apply all suggested typo fixes',
    none: 'No lead has a suggested fix.',
  },
  {
    action: 'fill_names_from_addresses',
    label: 'Fill names from addresses',
    none: 'No lead without a name has one in its address.',
    whenAny: true,
  },
  { action: 'exclude_role', label: 'Exclude role addresses', none: 'No role address left to exclude.' },
  { action: 'exclude_free_mail', label: 'Exclude free-mail', none: 'No free-mail address left to exclude.' },
  {
    action: 'exclude_disposable',
    label: 'Exclude disposable',
    none: 'No disposable address left to exclude.',
  },
  {
    action: 'exclude_verifier_unconfirmed',
    label: 'Exclude unconfirmed (catch-all, unknown)',
    none: 'No address your verifier could not confirm left to exclude.',
    whenAny: true,
  },
  {
    action: 'exclude_similar_in_database',
    label: 'Exclude similar to imported',
    none: 'No lead similar to an imported one left to exclude.',
    whenAny: true,
  },
];

interface Props {
  importId: number;
  selection: RowSelection;
  /** Rows ticked (see `selectedCount`). */
  selected: number;
  /** Leads each whole-import action would act on; null while not counted (the buttons stay usable). */
  actionable: Readonly<Record<WholeImportAction, number>> | null;
  onDone(clearSelection: boolean): void;
}

/** Actions over the whole import (with how many leads each would touch), and exclude/keep for the selected rows. */
export function BulkActions({ importId, selection, selected, actionable, onDone }: Props) {
  const [running, setRunning] = useState<BulkAction | null>(null);
  const progress = useImportProgress(importId, running !== null);
  // A button offered stays, so it does not vanish (and take the focus) once its leads are excluded.
  const offered = useRef({ importId, actions: new Set<WholeImportAction>() });
  if (offered.current.importId !== importId) offered.current = { importId, actions: new Set() };
  for (const b of WHOLE_IMPORT) if ((actionable?.[b.action] ?? 0) > 0) offered.current.actions.add(b.action);
  const run = async (action: BulkAction) => {
    setRunning(action);
    try {
      const ofSelection = action === 'exclude_selected' || action === 'keep_selected';
      const { changed } = await api.call('leads.bulk', {
        importId,
        action,
        ...(ofSelection ? bulkTarget(selection) : {}),
      });
      toast.success(changed === 0 ? 'Nothing to change.' : `${plural(changed, 'lead')} changed.`);
      onDone(ofSelection);
    } catch (e) {
      toast.error(e);
    } finally {
      setRunning(null);
    }
  };
  return (
    <div className="row bulk-actions" role="toolbar" aria-label="Bulk actions">
      {WHOLE_IMPORT.map((b) => {
        const n = actionable?.[b.action];
        if (b.whenAny && !offered.current.actions.has(b.action)) return null;
        return (
          <Button
            key={b.action}
            size="sm"
            busy={running === b.action}
            disabled={running !== null || n === 0}
            title={n === 0 ? b.none : undefined}
            onClick={() => void run(b.action)}
          >
            {n === undefined ? b.label : `${b.label} (${n.toLocaleString()})`}
          </Button>
        );
      })}
      {/* Kept together, so a narrow window wraps the whole "selected" group, not one of its buttons. */}
      <span className="row">
        <span className="muted">
          {selected > 0 ? `${selected.toLocaleString()} selected:` : 'Select rows to'}
        </span>
        <Button
          size="sm"
          disabled={selected === 0 || running !== null}
          busy={running === 'exclude_selected'}
          onClick={() => void run('exclude_selected')}
        >
          Exclude selected
        </Button>
        <Button
          size="sm"
          disabled={selected === 0 || running !== null}
          busy={running === 'keep_selected'}
          onClick={() => void run('keep_selected')}
        >
          Keep selected
        </Button>
      </span>
      <ProgressNote progress={progress} />
    </div>
  );
}
