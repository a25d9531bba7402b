import { hasSeveralSheets, useImportFlow, type PreviousImport } from './flow';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { absoluteTime, plural } from '../../ui/format';

/**
 * "q2-leads.csv, 5 Dec 2026, 09:12 (committed, 50 leads)": one earlier import of the same file; of a
 * workbook with several sheets, which sheet it took too.
 */
export function describePrevious(p: PreviousImport, severalSheets: boolean): string {
  const sheet = severalSheets ? `, sheet “${p.sheet}”` : '';
  return `${p.fileName}${sheet}, ${absoluteTime(p.createdAt)} (${p.status === 'committed' ? 'committed' : 'draft'}, ${plural(p.total, 'lead')})`;
}

/** Shown before staging when a file with the same bytes was imported before. */
export function RepeatFileDialog() {
  const repeatOf = useImportFlow((s) => s.repeatOf);
  const severalSheets = useImportFlow(hasSeveralSheets);
  const start = useImportFlow((s) => s.start);
  const dismiss = useImportFlow((s) => s.dismissRepeat);
  return (
    <ConfirmDialog
      open={repeatOf !== null}
      title="You imported this file before"
      confirmLabel="Import again"
      onConfirm={() => void start(true)}
      onCancel={dismiss}
    >
      <p>
        {severalSheets ? 'This sheet of the same file' : 'The same file'} (identical contents) was imported:
      </p>
      <ul>
        {(repeatOf ?? []).map((p) => (
          <li key={p.id}>{describePrevious(p, severalSheets)}</li>
        ))}
      </ul>
      <p>
        Importing it again marks its people as duplicates of the leads you already have, except those whose
        lead was committed while it still needed a fix: that lead is never used, so you can fix them this
        time.
      </p>
    </ConfirmDialog>
  );
}
