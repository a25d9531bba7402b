import { useImportFlow } from './flow';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { absoluteTime, plural } from '../../ui/format';

/** Shown before staging when a file with the same bytes was imported before. */
export function RepeatFileDialog() {
  const repeatOf = useImportFlow((s) => s.repeatOf);
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
      <p>The same file (identical contents) was imported:</p>
      <ul>
        {(repeatOf ?? []).map((p) => (
          <li key={p.id}>
            {p.fileName}, {absoluteTime(p.createdAt)} ({p.status === 'committed' ? 'committed' : 'draft'},{' '}
            {plural(p.total, 'lead')})
          </li>
        ))}
      </ul>
      <p>Importing it again marks its people as duplicates of the leads you already have.</p>
    </ConfirmDialog>
  );
}
