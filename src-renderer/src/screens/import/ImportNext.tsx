import { useNav } from '../../store/nav';
import { Button } from '../../ui/Button';
import { useImportFlow } from './flow';

/**
 * The next of the files chosen together, one click away once the one before is committed: back on the
 * Import screen with it. Nothing while another file is under way there (that screen says what waits).
 */
export function ImportNext() {
  const next = useImportFlow((s) => s.waiting[0]);
  const underWay = useImportFlow((s) => s.file !== null);
  if (!next || underWay) return null;
  return (
    <Button
      size="sm"
      onClick={() => {
        useNav.getState().go('import');
        void useImportFlow.getState().importNext();
      }}
    >
      Import {next.name} next
    </Button>
  );
}
