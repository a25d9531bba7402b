import type { LeadEditChanges, LeadRow } from '../../../../src-shared/contract/imports';
import { api } from '../../api/client';
import { toast } from '../../store/toasts';
import { Button } from '../../ui/Button';
import { VirtualRows } from '../../ui/VirtualRows';
import { EditableCell } from './EditableCell';
import { FlagList, StateBadge } from './StateBadge';
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

interface Props {
  data: LeadWindow;
  readOnly: boolean;
  /** Rows can be ticked: for bulk actions on a draft, to hand them to Generate once committed. */
  selectable: boolean;
  selected: ReadonlySet<number>;
  onToggle(id: number): void;
  onChanged(): void;
}

async function edit(leadId: number, changes: LeadEditChanges): Promise<void> {
  try {
    await api.call('leads.edit', { leadId, changes });
  } catch (e) {
    toast.error(e);
    throw e;
  }
}

function SuggestionButton({ lead, onChanged }: { lead: LeadRow; onChanged(): void }) {
  if (!lead.suggestion) return null;
  const apply = async () => {
    try {
      await api.call('leads.applySuggestion', { leadId: lead.id });
      onChanged();
    } catch (e) {
      toast.error(e);
    }
  };
  // Typo fixes change the domain: showing only it leaves room for the address being fixed.
  const at = lead.suggestion.lastIndexOf('@');
  const local = lead.email?.slice(0, lead.email.lastIndexOf('@'));
  const shown =
    at > 0 && local === lead.suggestion.slice(0, at) ? lead.suggestion.slice(at) : lead.suggestion;
  return (
    <Button
      size="sm"
      variant="ghost"
      className="suggestion"
      aria-label={`Use ${lead.suggestion}`}
      title={`Use ${lead.suggestion}`}
      onClick={() => void apply()}
    >
      Use {shown}
    </Button>
  );
}

function LeadRowView({
  lead,
  readOnly,
  selectable,
  selected,
  onToggle,
  onChanged,
}: { lead: LeadRow } & Omit<Props, 'data' | 'selected'> & { selected: boolean }) {
  return (
    <>
      <div role="gridcell" className="vrows-cell lead-cell">
        <input
          type="checkbox"
          aria-label={`Select row ${lead.rowNumber}`}
          checked={selected}
          disabled={!selectable}
          onChange={() => onToggle(lead.id)}
        />
      </div>
      <div role="gridcell" className="vrows-cell lead-cell muted">
        {lead.rowNumber}
      </div>
      <div role="gridcell" className="vrows-cell lead-cell">
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
        >
          {c.field === 'email' && !readOnly && <SuggestionButton lead={lead} onChanged={onChanged} />}
          {c.field === 'website' && lead.domain && lead.domain !== lead.website && (
            <span className="muted cell-sub">{lead.domain}</span>
          )}
        </EditableCell>
      ))}
      <div role="gridcell" className="vrows-cell lead-cell">
        <FlagList flags={lead.flags} />
      </div>
    </>
  );
}

/**
 * Every lead of the import under the current filters. Only the rows in view are in the DOM, and only
 * the pages around them are in memory, so 100k rows scroll like 100.
 */
export function LeadTable({ data, readOnly, selectable, selected, onToggle, onChanged }: Props) {
  return (
    <VirtualRows
      count={data.matching ?? 0}
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
              <span className="visually-hidden">Selected</span>
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
        'aria-selected': lead ? selected.has(lead.id) : undefined,
      })}
      renderRow={(lead) => (
        <LeadRowView
          lead={lead}
          readOnly={readOnly}
          selectable={selectable}
          selected={selected.has(lead.id)}
          onToggle={onToggle}
          onChanged={onChanged}
        />
      )}
      loadingClass="vrows-cell lead-cell muted"
    />
  );
}
