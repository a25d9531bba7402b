import type { KeyboardEvent, ReactNode } from 'react';
import type { SheetRead } from '../../workers/import-messages';
import { Button } from '../../ui/Button';
import { Card } from '../../ui/Card';
import { plural } from '../../ui/format';
import { groupRowAbove, NO_HEADER_ROW } from '../../../../src-shared/import/header';

const ROWS_SHOWN = 15;
const COLUMNS_SHOWN = 8;

/**
 * The first rows of the sheet as read; the detected header row is highlighted and any other row can be
 * picked by clicking it, because title rows above the real header are common, or none ("No header
 * row") for a list of addresses without one. From the keyboard the rows are one Tab stop: the arrow
 * keys pick the row above or below (Enter/Space pick the focused one).
 */
export function HeaderStep({
  sheet,
  headerRow,
  onPick,
  onConfirm,
  disabled,
  above,
}: {
  sheet: SheetRead;
  headerRow: number;
  onPick(row: number): void;
  onConfirm(): void;
  disabled: boolean;
  /** Shown above the rows (how the file is read). */
  above?: ReactNode;
}) {
  const shown = Math.max(ROWS_SHOWN, headerRow + 3);
  const rows = sheet.rows.slice(0, shown);
  const width = Math.min(COLUMNS_SHOWN, Math.max(0, ...rows.map((r) => r.length)));
  const groups = groupRowAbove(sheet.rows, headerRow);
  const onKey = (e: KeyboardEvent<HTMLTableRowElement>, i: number) => {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      onPick(i);
      return;
    }
    const step = e.key === 'ArrowDown' ? 1 : e.key === 'ArrowUp' ? -1 : 0;
    const next = step > 0 ? e.currentTarget.nextElementSibling : e.currentTarget.previousElementSibling;
    if (step === 0 || !(next instanceof HTMLElement)) return;
    e.preventDefault();
    onPick(i + step);
    next.focus();
  };
  return (
    <Card
      title="2. Header row"
      subtitle={`Sheet "${sheet.sheet}" · ${plural(sheet.rowCount, 'row')}. The row with the column names is highlighted; click another row if it is wrong.`}
      label="Header row"
    >
      {above}
      {sheet.notes.map((note) => (
        <p key={note} className="muted">
          {note}
        </p>
      ))}
      <div className="grid-scroll">
        <table className="table header-picker">
          <tbody>
            {rows.map((r, i) => (
              <tr
                key={i}
                tabIndex={i === Math.max(headerRow, 0) ? 0 : -1}
                aria-selected={i === headerRow}
                className={
                  i === headerRow - 1 && groups !== null
                    ? 'group-labels'
                    : i < headerRow
                      ? 'above-header'
                      : undefined
                }
                onClick={() => onPick(i)}
                onKeyDown={(e) => onKey(e, i)}
              >
                <th scope="row">{i + 1}</th>
                {Array.from({ length: width }, (_, c) => (
                  <td key={c}>{r[c] ?? ''}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="row">
        {headerRow === NO_HEADER_ROW ? (
          <p>
            <strong>No header row</strong>
            <span className="muted">
              : every row is a lead, and the columns are named by position (Column 1, Column 2…) and mapped by
              what they hold. Click the row with the column names if there is one.
            </span>
          </p>
        ) : (
          <p>
            Header: <strong>row {headerRow + 1}</strong>
            {groups !== null ? (
              <span className="muted">{`, its column names completed by the group labels of row ${headerRow} above it (${quoteList(groups)})`}</span>
            ) : (
              headerRow > 0 && <span className="muted"> (rows above it are skipped)</span>
            )}
          </p>
        )}
        {headerRow !== NO_HEADER_ROW && (
          <Button disabled={disabled} onClick={() => onPick(NO_HEADER_ROW)}>
            No header row
          </Button>
        )}
        <Button variant="primary" disabled={disabled} onClick={onConfirm}>
          {headerRow === NO_HEADER_ROW
            ? 'Continue without a header row'
            : `Use row ${headerRow + 1} as header`}
        </Button>
      </div>
    </Card>
  );
}

/** The distinct labels of a row, quoted: "Contact", "Company" and "Email". */
function quoteList(cells: readonly string[]): string {
  const labels = [...new Set(cells.map((c) => c.trim()).filter((c) => c !== ''))].map((c) => `"${c}"`);
  return labels.length < 2 ? (labels[0] ?? '') : `${labels.slice(0, -1).join(', ')} and ${labels.at(-1)}`;
}
