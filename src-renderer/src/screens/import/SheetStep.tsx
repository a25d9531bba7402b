import { useEffect, useRef } from 'react';
import { preferredSheet } from '../../../../src-shared/import/sheet-choice';
import type { Opened, SheetSummary } from '../../workers/import-messages';
import { Button } from '../../ui/Button';
import { Card } from '../../ui/Card';
import { plural } from '../../ui/format';

/** What the parts to pick from are called: a web page saved as an "Excel" export has tables, an archive files. */
function partWords(kind: string): { whole: string; part: string } {
  if (kind === 'html') return { whole: 'web page', part: 'table' };
  if (kind === 'zip') return { whole: 'archive', part: 'file' };
  return { whole: 'workbook', part: 'sheet' };
}

function sheetDetail(s: SheetSummary, suggested: boolean, imported: boolean): string {
  // The first sentence says what the file is ("This file is a PDF document, not a spreadsheet.").
  if (s.unreadable !== null) return `Cannot be read: ${s.unreadable.split(/(?<=\.) /)[0] ?? s.unreadable}`;
  const parts = [plural(s.rowCount, 'row')];
  if (s.hidden) parts.push('hidden sheet');
  if (imported) parts.push('imported before');
  if (suggested && s.emailColumn) parts.push('has an email column · suggested');
  else if (!s.emailColumn && s.rowCount > 0) parts.push('no email column found');
  return parts.join(' · ');
}

/**
 * Workbooks with several sheets (web pages with several tables, archives with several files): pick one. The sheet that looks like the
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
  const words = partWords(opened.kind);
  return (
    <Card
      title={`1. Pick a ${words.part}`}
      subtitle={`This ${words.whole} has several ${words.part}s. Which one holds the leads?`}
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
