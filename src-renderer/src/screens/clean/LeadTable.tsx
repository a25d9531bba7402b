import { useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import type { LeadEditChanges, LeadRow } from '../../../../src-shared/contract/imports';
import { nameInAddress, type NameInAddress } from '../../../../src-shared/import/name-in-address';
import type { ColumnTarget } from '../../../../src-shared/import/types';
import { api } from '../../api/client';
import { toast } from '../../store/toasts';
import { Button } from '../../ui/Button';
import { VirtualRows } from '../../ui/VirtualRows';
import { EditableCell, type GridNavAttributes } from './EditableCell';
import { FlagList, StateBadge } from './StateBadge';
import { asReadIfChanged } from './lead-format';
import { isSelected, type RowSelection } from './row-selection';
import type { LeadWindow } from './useLeadWindow';

const ROW_HEIGHT = 44;

type EditableField = Exclude<keyof LeadEditChanges, 'custom'>;

const COLUMNS: readonly { field: EditableField; label: string }[] = [
  { field: 'email', label: 'Email' },
  { field: 'firstName', label: 'First name' },
  { field: 'lastName', label: 'Last name' },
  { field: 'company', label: 'Company' },
  { field: 'title', label: 'Title' },
  { field: 'website', label: 'Website' },
  { field: 'linkedinUrl', label: 'LinkedIn' },
];

/** Rows PageUp / PageDown move by: about what the table shows at once. */
const PAGE_ROWS = 10;

/** A cell or control of a row reached with the arrow keys. */
type NavKey = 'select' | 'state' | FixKey | EditableField | 'flags';

type FixKey = 'suggestion' | 'nameFromAddress';

/** The name of a lead's address when the lead has none of its own and the address reads as one. */
function nameFromAddressOf(lead: LeadRow): NameInAddress | null {
  return lead.flags.includes('name_in_address') ? nameInAddress(lead.email) : null;
}

/** The one-click fix a cell of the row offers, if any: the address's typo fix, or the name in the address. */
function fixIn(field: EditableField, lead: LeadRow, readOnly: boolean): FixKey | null {
  if (readOnly) return null;
  if (field === 'email' && lead.suggestion) return 'suggestion';
  if (field === 'firstName' && nameFromAddressOf(lead)) return 'nameFromAddress';
  return null;
}

/** The row's arrow-key stops, left to right: every cell a screen reader should read, and every control. */
function navKeys(lead: LeadRow, readOnly: boolean, selectable: boolean): NavKey[] {
  const keys: NavKey[] = selectable ? ['select', 'state'] : ['state'];
  for (const c of COLUMNS) {
    keys.push(c.field);
    const fix = fixIn(c.field, lead, readOnly);
    if (fix) keys.push(fix);
  }
  keys.push('flags');
  return keys;
}

/** `key` where the row has it; a row without it (no typo fix, no checkbox) offers its email cell. */
const keyIn = (keys: readonly NavKey[], key: NavKey): NavKey => (keys.includes(key) ? key : 'email');

interface Cell {
  row: number;
  key: NavKey;
}

/** Where an arrow-key press moves from `at` in a grid of `count` rows, or null for other keys. */
function moved(e: KeyboardEvent, at: Cell, keys: readonly NavKey[], count: number): Cell | null {
  const i = keys.indexOf(at.key);
  const row = (r: number): Cell => ({ row: Math.max(0, Math.min(count - 1, r)), key: at.key });
  const col = (k: NavKey | undefined): Cell => ({ row: at.row, key: k ?? at.key });
  switch (e.key) {
    case 'ArrowUp':
      return row(at.row - 1);
    case 'ArrowDown':
      return row(at.row + 1);
    case 'PageUp':
      return row(at.row - PAGE_ROWS);
    case 'PageDown':
      return row(at.row + PAGE_ROWS);
    case 'ArrowLeft':
      return col(keys[Math.max(0, i - 1)]);
    case 'ArrowRight':
      return col(keys[Math.min(keys.length - 1, i + 1)]);
    case 'Home':
      return e.ctrlKey ? row(0) : col(keys[0]);
    case 'End':
      return e.ctrlKey ? row(count - 1) : col(keys[keys.length - 1]);
    default:
      return null;
  }
}

interface Props {
  data: LeadWindow;
  readOnly: boolean;
  /** Rows can be ticked: for bulk actions on a draft, to hand them to Generate once committed. */
  selectable: boolean;
  selection: RowSelection;
  /** A row's box clicked: the row at `index` of the table; `extend` when Shift was held. */
  onPick(id: number, index: number, extend: boolean): void;
  /** The header's "select all" (when rows can be ticked): ticks every row shown, or clears the selection. */
  selectAll: { ticked: 'none' | 'some' | 'all'; onChange(): void };
  onChanged(): void;
  /** The import's mapping, index-aligned with each lead's `original` cells. */
  mapping: readonly ColumnTarget[];
}

async function edit(leadId: number, changes: LeadEditChanges): Promise<void> {
  try {
    await api.call('leads.edit', { leadId, changes });
  } catch (e) {
    toast.error(e);
    throw e;
  }
}

/** A one-click fix shown in a cell; its accessible name starts with what it shows (speech input users say what they see). */
function FixButton({
  shown,
  wide = false,
  name,
  title,
  nav,
  apply,
  onChanged,
}: {
  shown: string;
  /** Takes the whole cell: the cell has no value of its own to keep in view. */
  wide?: boolean;
  name: string;
  title: string;
  nav: GridNavAttributes;
  apply(): Promise<void>;
  onChanged(): void;
}) {
  const run = async () => {
    try {
      await apply();
      onChanged();
    } catch (e) {
      toast.error(e);
    }
  };
  return (
    <Button
      {...nav}
      size="sm"
      variant="ghost"
      className={wide ? 'suggestion fills-cell' : 'suggestion'}
      aria-label={name}
      title={title}
      onClick={() => void run()}
    >
      <span className="suggestion-text">Use {shown}</span>
    </Button>
  );
}

/** What a row's fix button needs: its lead, what to call once the fix is in, and its arrow-key stop. */
interface RowFixProps {
  lead: LeadRow;
  onChanged(): void;
  nav: GridNavAttributes;
}

function SuggestionButton({ lead, onChanged, nav }: RowFixProps) {
  const suggestion = lead.suggestion;
  if (!suggestion) return null;
  // Typo fixes change the domain: showing only it leaves room for the address being fixed.
  const at = suggestion.lastIndexOf('@');
  const local = lead.email?.slice(0, lead.email.lastIndexOf('@'));
  const shown = at > 0 && local === suggestion.slice(0, at) ? suggestion.slice(at) : suggestion;
  return (
    <FixButton
      shown={shown}
      name={shown === suggestion ? `Use ${shown}` : `Use ${shown} (${suggestion})`}
      title={`Use ${suggestion}`}
      nav={nav}
      apply={async () => {
        await api.call('leads.applySuggestion', { leadId: lead.id });
      }}
      onChanged={onChanged}
    />
  );
}

/** The name a lead without one has in its address ("ann.lee@" -> Ann Lee), offered in its first name cell. */
function NameFromAddressButton({ lead, onChanged, nav }: RowFixProps) {
  const name = nameFromAddressOf(lead);
  if (name === null) return null;
  return (
    <FixButton
      shown={name.fullName}
      wide
      name={`Use ${name.fullName} (the name in the address)`}
      title={`First name ${name.firstName}, last name ${name.lastName}: read from the address`}
      nav={nav}
      apply={async () => {
        await api.call('leads.edit', { leadId: lead.id, changes: name });
      }}
      onChanged={onChanged}
    />
  );
}

function LeadRowView({
  lead,
  readOnly,
  selectable,
  selected,
  onPick,
  onChanged,
  nav,
  onKeyboardDone,
  mapping,
}: { lead: LeadRow } & Omit<Props, 'data' | 'selection' | 'selectAll' | 'onPick'> & {
    selected: boolean;
    onPick(id: number, extend: boolean): void;
    nav(key: NavKey): GridNavAttributes;
    onKeyboardDone(key: NavKey): void;
  }) {
  // Null when the cell offers no fix: an empty cell then shows its dash.
  const fixButton = (field: EditableField): ReactNode => {
    switch (fixIn(field, lead, readOnly)) {
      case 'suggestion':
        return <SuggestionButton lead={lead} onChanged={onChanged} nav={nav('suggestion')} />;
      case 'nameFromAddress':
        return <NameFromAddressButton lead={lead} onChanged={onChanged} nav={nav('nameFromAddress')} />;
      default:
        return null;
    }
  };
  return (
    <>
      <div role="gridcell" className="vrows-cell lead-cell">
        <input
          {...(selectable ? nav('select') : { tabIndex: -1 })}
          type="checkbox"
          aria-label={`Select row ${lead.rowNumber}`}
          checked={selected}
          disabled={!selectable}
          // React's change event of a box is its click: Shift is read there.
          onChange={(e) => onPick(lead.id, (e.nativeEvent as MouseEvent).shiftKey === true)}
        />
      </div>
      <div role="gridcell" className="vrows-cell lead-cell muted">
        {lead.rowNumber}
      </div>
      <div role="gridcell" className="vrows-cell lead-cell" {...nav('state')}>
        <span className="visually-hidden">State of row {lead.rowNumber}: </span>
        <StateBadge state={lead.state} reason={lead.reason} />
      </div>
      {COLUMNS.map((c) => (
        <EditableCell
          key={c.field}
          value={lead[c.field]}
          label={`${c.label} of row ${lead.rowNumber}`}
          readOnly={readOnly}
          onSave={async (v) => {
            await edit(lead.id, { [c.field]: v });
            onChanged();
          }}
          nav={nav(c.field)}
          onKeyboardDone={() => onKeyboardDone(c.field)}
          note={c.field === 'website' && lead.domain !== lead.website ? lead.domain : null}
          asRead={asReadIfChanged(lead.original, mapping, c.field, lead[c.field])}
        >
          {fixButton(c.field)}
        </EditableCell>
      ))}
      <div role="gridcell" className="vrows-cell lead-cell" {...nav('flags')}>
        <span className="visually-hidden">
          Flags of row {lead.rowNumber}: {lead.flags.length === 0 ? 'none' : ''}
        </span>
        <FlagList flags={lead.flags} />
      </div>
    </>
  );
}

/** Ctrl+A in a cell being edited selects its text, not the rows. */
function editingText(target: EventTarget): boolean {
  return (
    target instanceof HTMLTextAreaElement ||
    (target instanceof HTMLInputElement && target.type !== 'checkbox')
  );
}

/** Ticked when every row shown is, mixed when some are; ticking it ticks them all, else it clears. */
function SelectAllBox({ count, ticked, onChange }: { count: number } & Props['selectAll']) {
  return (
    <input
      type="checkbox"
      ref={(el) => {
        if (el) el.indeterminate = ticked === 'some';
      }}
      aria-label={`Select all ${count.toLocaleString()} shown`}
      title={ticked === 'none' ? 'Select every row shown (Ctrl+A)' : 'Clear the selection'}
      checked={ticked === 'all'}
      onChange={onChange}
    />
  );
}

/**
 * Every lead of the import under the current filters. Only the rows in view are in the DOM, and only
 * the pages around them are in memory, so 100k rows scroll like 100.
 *
 * The grid is one Tab stop: the arrow keys, PageUp / PageDown, Home / End (with Ctrl: first / last
 * row) move between the checkboxes, every cell and the typo-fix buttons, scrolling as they go; Enter
 * edits a cell, and focus comes back to it when editing ends. Space ticks a row, Shift+Space (or a
 * Shift-click) every row from the one ticked last, and Ctrl+A every row shown.
 */
export function LeadTable({
  data,
  readOnly,
  selectable,
  selection,
  onPick,
  selectAll,
  onChanged,
  mapping,
}: Props) {
  const count = data.matching ?? 0;
  const [active, setActive] = useState<Cell>({ row: 0, key: 'email' });
  const [follow, setFollow] = useState({ index: 0, signal: 0 });
  /** The cell to focus once it is in the DOM (after a scroll, or after the page of its row arrives). */
  const pending = useRef<Cell | null>(null);

  const moveTo = (to: Cell): void => {
    pending.current = to;
    setActive(to);
    setFollow((f) => ({ index: to.row, signal: f.signal + 1 }));
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>): void => {
    if (selectable && (e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'a' && !editingText(e.target)) {
      e.preventDefault();
      if (selectAll.ticked !== 'all') selectAll.onChange();
      return;
    }
    if (e.altKey || e.metaKey || e.shiftKey) return;
    const el = e.target instanceof HTMLElement ? e.target.closest<HTMLElement>('[data-nav-key]') : null;
    const lead = el ? data.row(Number(el.dataset.navRow)) : undefined;
    if (!el || !lead || count === 0) return;
    const at: Cell = { row: Number(el.dataset.navRow), key: el.dataset.navKey as NavKey };
    const to = moved(e, at, navKeys(lead, readOnly, selectable), count);
    if (!to) return;
    e.preventDefault();
    moveTo(to);
  };

  const navFor =
    (index: number, keys: readonly NavKey[], tabStop: boolean) =>
    (key: NavKey): GridNavAttributes => ({
      'data-nav-row': index,
      'data-nav-key': key,
      tabIndex: tabStop && keyIn(keys, active.key) === key ? 0 : -1,
      onFocus: () => {
        if (active.row !== index || active.key !== key) setActive({ row: index, key });
      },
      ref: (el) => {
        const want = pending.current;
        if (!el || !want || want.row !== index || keyIn(keys, want.key) !== key) return;
        pending.current = null;
        // Only take focus back from the grid itself or from nowhere (the cell being edited went away).
        const current = el.ownerDocument.activeElement;
        const grid = el.closest('.vrows-scroll');
        if (current === null || current === el.ownerDocument.body || grid?.contains(current)) el.focus();
      },
    });

  return (
    <VirtualRows
      count={count}
      tabStopRow={active.row}
      onKeyDown={onKeyDown}
      follow={follow}
      data={data}
      rowHeight={ROW_HEIGHT}
      overscan={12}
      role="grid"
      label="Leads"
      scrollClass="lead-scroll"
      gridClass="lead-grid"
      header={{
        className: 'lead-row',
        cells: (
          <>
            <div role="columnheader" className="vrows-cell lead-cell">
              {selectable ? (
                <SelectAllBox count={count} {...selectAll} />
              ) : (
                <span className="visually-hidden">Selected</span>
              )}
            </div>
            <div role="columnheader" className="vrows-cell lead-cell">
              Row
            </div>
            <div role="columnheader" className="vrows-cell lead-cell">
              State
            </div>
            {COLUMNS.map((c) => (
              <div role="columnheader" className="vrows-cell lead-cell" key={c.field}>
                {c.label}
              </div>
            ))}
            <div role="columnheader" className="vrows-cell lead-cell">
              Flags
            </div>
          </>
        ),
      }}
      rowProps={(_, lead) => ({
        className: 'lead-row',
        'aria-selected': lead ? isSelected(selection, lead.id) : undefined,
      })}
      renderRow={(lead, index, tabStop) => (
        <LeadRowView
          lead={lead}
          readOnly={readOnly}
          selectable={selectable}
          selected={isSelected(selection, lead.id)}
          onPick={(id, extend) => onPick(id, index, extend)}
          onChanged={onChanged}
          mapping={mapping}
          nav={navFor(index, navKeys(lead, readOnly, selectable), tabStop)}
          onKeyboardDone={(key) => {
            pending.current = { row: index, key };
          }}
        />
      )}
      loadingClass="vrows-cell lead-cell muted"
    />
  );
}
