import type { ColumnMapping, ColumnTarget } from '../../../../src-shared/import/types';
import type { Suggestion } from '../../workers/import-messages';
import { TargetSelect } from './TargetSelect';

/** One row per column of the sheet: its header, a few sample values, and where it goes. */
export function MappingTable({
  suggestion,
  mapping,
  onChange,
}: {
  suggestion: Suggestion;
  mapping: ColumnMapping;
  onChange(column: number, t: ColumnTarget): void;
}) {
  return (
    <table className="table mapping-table">
      <thead>
        <tr>
          <th scope="col">Column in your file</th>
          <th scope="col">Sample values</th>
          <th scope="col">Import as</th>
        </tr>
      </thead>
      <tbody>
        {suggestion.headers.map((header, i) => (
          <tr key={`${i}-${header}`}>
            <th scope="row">
              {header}
              {suggestion.hiddenColumns.includes(i) && (
                <span className="muted column-note">hidden in your sheet</span>
              )}
            </th>
            <td className="muted samples">{(suggestion.samples[i] ?? []).join(' · ') || '(empty)'}</td>
            <td>
              <TargetSelect
                header={header}
                target={mapping[i] ?? { kind: 'ignore' }}
                guarded={suggestion.guarded[i] ?? {}}
                onChange={(t) => onChange(i, t)}
              />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
