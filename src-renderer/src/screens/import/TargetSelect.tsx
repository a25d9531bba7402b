import { useId } from 'react';
import {
  CustomKeySchema,
  LEAD_FIELDS,
  LEAD_FIELD_LABELS,
  ROW_GUARDS,
  type ColumnTarget,
  type RowGuard,
  type LeadField,
} from '../../../../src-shared/import/types';
import { customKey } from '../../../../src-shared/import/header';
import { CheckField } from '../../ui/CheckField';
import { plural } from '../../ui/format';

function encode(t: ColumnTarget): string {
  return t.kind === 'field' ? `field:${t.field}` : t.kind;
}

function decode(value: string, header: string, current: ColumnTarget): ColumnTarget {
  if (value === 'ignore') return { kind: 'ignore' };
  if (value === 'custom')
    return current.kind === 'custom' ? current : { kind: 'custom', key: customKey(header) };
  return { kind: 'field', field: value.slice('field:'.length) as LeadField };
}

/** The words of each tick of a column that keeps rows from being sent (see `guardsRows`). */
const GUARD_TEXT: Readonly<Record<RowGuard, { label: string; hint: string }>> = {
  emailStatus: {
    label: 'Leave out the addresses it marks undeliverable',
    hint: "It holds an email verifier's verdicts: a row it marks invalid, bounced or a spam trap is invalid, as is every other row of that address, and the address is put on your suppression list, so that it never spends MachFive credits.",
  },
  bounced: {
    label: 'Leave out the addresses it marks as bounced',
    hint: 'It says which addresses bounced, or when, as a sending tool wrote to them: those rows are invalid and their addresses put on your suppression list, so that they never spend MachFive credits.',
  },
  optOut: {
    label: 'Leave out the people it marks as opted out',
    hint: 'It says who unsubscribed or must not be contacted (true, yes, x, Unsubscribed, Do not contact, or the date they unsubscribed): those rows are suppressed and their addresses put on your suppression list, so that they never spend MachFive credits.',
  },
  declined: {
    label: 'Leave out the people it marks as not interested',
    hint: 'It says who answered an earlier campaign that they were not interested or not the right person (Not interested, Wrong person): those rows are suppressed and their addresses put on your suppression list, so that no new sequence writes to them again. Untick to write to them anyway.',
  },
  answered: {
    label: 'Leave out the people it marks as having answered',
    hint: 'It says who already answered a campaign or is further along (Replied, Interested, Meeting booked, Won): those rows are suppressed, so that no cold sequence lands in a conversation. Untick to write to them all, for a sequence meant for them, or Keep the ones to write to in Clean & dedupe.',
  },
};

/** " 312 rows of this file say so.", or nothing when not counted. */
function rowsSaySo(n: number | undefined): string {
  if (n === undefined) return '';
  return ` ${plural(n, 'row')} of this file ${n === 1 ? 'says' : 'say'} so.`;
}

/** Where one column goes: a lead field, a custom variable (with its editable name), or nowhere. */
export function TargetSelect({
  header,
  target,
  guarded,
  onChange,
}: {
  header: string;
  target: ColumnTarget;
  /** How many of the file's rows each tick leaves out, where known (`guardedRowCounts`). */
  guarded: Partial<Record<RowGuard, number>>;
  onChange(t: ColumnTarget): void;
}) {
  const id = useId();
  const keyError = target.kind === 'custom' && !CustomKeySchema.safeParse(target.key).success;
  return (
    <div className="target-select">
      <select
        className="select"
        aria-label={`Target for column ${header}`}
        value={encode(target)}
        onChange={(e) => onChange(decode(e.currentTarget.value, header, target))}
      >
        <optgroup label="Lead fields">
          {LEAD_FIELDS.map((f) => (
            <option key={f} value={`field:${f}`}>
              {LEAD_FIELD_LABELS[f]}
            </option>
          ))}
        </optgroup>
        <option value="custom">Custom variable</option>
        <option value="ignore">Ignore this column</option>
      </select>
      {target.kind === 'custom' && (
        <>
          <input
            className="input mono"
            aria-label={`Variable name for column ${header}`}
            aria-invalid={keyError || undefined}
            aria-describedby={keyError ? `${id}-err` : undefined}
            value={target.key}
            onChange={(e) => onChange({ ...target, key: e.currentTarget.value })}
          />
          {keyError && (
            <p id={`${id}-err`} className="field-error">
              Lower-case letters, digits and _ ; starts with a letter.
            </p>
          )}
          {ROW_GUARDS.map(
            (g) =>
              target[g] !== undefined && (
                <CheckField
                  key={g}
                  checked={target[g] === true}
                  onChange={(on) => onChange({ ...target, [g]: on })}
                  label={GUARD_TEXT[g].label}
                  hint={`${GUARD_TEXT[g].hint}${rowsSaySo(guarded[g])}`}
                />
              ),
          )}
        </>
      )}
    </div>
  );
}
