import type { Opened } from '../../workers/import-messages';
import { Button } from '../../ui/Button';
import { Card } from '../../ui/Card';

/** Workbooks with several sheets: pick one; hidden sheets are marked so nobody imports a lookup table by accident. */
export function SheetStep({
  opened,
  onPick,
  disabled,
}: {
  opened: Opened;
  onPick(name: string): void;
  disabled: boolean;
}) {
  return (
    <Card
      title="1. Pick a sheet"
      subtitle="This workbook has several sheets. Which one holds the leads?"
      label="Sheets"
    >
      <ul className="choice-list">
        {opened.sheets.map((s) => (
          <li key={s.name}>
            <Button disabled={disabled} onClick={() => onPick(s.name)}>
              <span>{s.name}</span>
              <span className="muted">
                {s.rowCount.toLocaleString()} rows{s.hidden ? ' · hidden sheet' : ''}
              </span>
            </Button>
          </li>
        ))}
      </ul>
    </Card>
  );
}
