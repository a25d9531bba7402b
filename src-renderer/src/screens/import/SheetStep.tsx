import { useEffect, useRef } from 'react';
import { preferredSheet } from '../../../../src-shared/import/sheet-choice';
import type { Opened, SheetSummary } from '../../workers/import-messages';
import { Button } from '../../ui/Button';
import { Card } from '../../ui/Card';
import { plural } from '../../ui/format';

function sheetDetail(s: SheetSummary, suggested: boolean, imported: boolean): string {
  const parts = [plural(s.rowCount, 'row')];
  if (s.hidden) parts.push('hidden sheet');
  if (imported) parts.push('imported before');
  if (suggested && s.emailColumn) parts.push('has an email column · suggested');
  else if (!s.emailColumn && s.rowCount > 0) parts.push('no email column found');
  return parts.join(' · ');
}

/**
 * Workbooks with several sheets (web pages with several tables): pick one. The sheet that looks like the
 * leads is highlighted and focused, so Enter takes it; hidden sheets and
 * sheets without an email column are marked so nobody imports a lookup
 * table by accident, and sheets of this file imported before are marked
 * and suggested last.
 */
export function SheetStep({
  opened,
  imported,
  onPick,
  disabled,
}: {
  opened: Opened;
  /** Sheets of this same file imported before. */
  imported: ReadonlySet<string>;
  onPick(name: string): void;
  disabled: boolean;
}) {
  const suggested = preferredSheet(opened.sheets, imported);
  const suggestedButton = useRef<HTMLButtonElement>(null);
  // Focus once the step is usable: a disabled button (while the file is still being read) cannot take it.
  useEffect(() => {
    if (!disabled) suggestedButton.current?.focus();
  }, [disabled]);
  // A web page saved as an "Excel" export has tables where a workbook has sheets.
  const page = opened.kind === 'html';
  return (
    <Card
      title={page ? '1. Pick a table' : '1. Pick a sheet'}
      subtitle={
        page
          ? 'This web page has several tables. Which one holds the leads?'
          : 'This workbook has several sheets. Which one holds the leads?'
      }
      label="Sheets"
    >
      <ul className="choice-list">
        {opened.sheets.map((s) => (
          <li key={s.name}>
            <Button
              variant={s === suggested && s.emailColumn ? 'primary' : 'secondary'}
              ref={s === suggested ? suggestedButton : undefined}
              disabled={disabled}
              onClick={() => onPick(s.name)}
            >
              <span>{s.name}</span>
              <span className="sheet-detail">{sheetDetail(s, s === suggested, imported.has(s.name))}</span>
            </Button>
          </li>
        ))}
      </ul>
    </Card>
  );
}
