import { useImportFlow } from './flow';
import { Button } from '../../ui/Button';
import { Card } from '../../ui/Card';
import { CheckField } from '../../ui/CheckField';
import { plural } from '../../ui/format';
import { MappingPreview } from './MappingPreview';
import { MappingTable } from './MappingTable';
import { TemplateBar } from './TemplateBar';
import type { SeveralColumnField } from '../../../../src-shared/import/types';
import { guardsRows } from '../../../../src-shared/import/mapping';

/** Step 3: columns to fields with a live preview; Continue runs the import. */
export function MappingStep() {
  const suggestion = useImportFlow((s) => s.suggestion);
  const mapping = useImportFlow((s) => s.mapping);
  const template = useImportFlow((s) => s.template);
  const preview = useImportFlow((s) => s.preview);
  const busy = useImportFlow((s) => s.busy);
  const setTarget = useImportFlow((s) => s.setTarget);
  const setOtherColumns = useImportFlow((s) => s.setOtherColumns);
  const setMapping = useImportFlow((s) => s.setMapping);
  const start = useImportFlow((s) => s.start);
  const back = useImportFlow((s) => s.back);
  const sheet = useImportFlow((s) => s.sheet);
  const headerRow = useImportFlow((s) => s.headerRow);
  const includeHidden = useImportFlow((s) => s.includeHidden);
  const setIncludeHidden = useImportFlow((s) => s.setIncludeHidden);
  if (!suggestion) return null;
  const hiddenBelow = sheet?.hiddenRows.filter((r) => r > headerRow).length ?? 0;
  const canContinue = preview?.ok === true && busy === null;
  // A verifier's verdicts and the marks of who opted out stay when the others are ignored.
  const customColumns = mapping.filter((t) => t.kind === 'custom' && !guardsRows(t)).length;
  // Ignored columns that were suggested as custom variables: those "Keep" brings back.
  const ignoredOthers = mapping.filter(
    (t, i) => t.kind === 'ignore' && suggestion.mapping[i]?.kind !== 'ignore',
  ).length;
  const columnsOf = (field: SeveralColumnField): string[] =>
    suggestion.headers.filter((_, i) => {
      const t = mapping[i];
      return t?.kind === 'field' && t.field === field;
    });
  const emailColumns = columnsOf('email');
  const phoneColumns = columnsOf('phone');
  return (
    <>
      <Card
        title="3. Map columns"
        subtitle="Suggested from the column names and their contents. Columns kept as custom variables can be used in MachFive prompts."
        label="Column mapping"
      >
        <TemplateBar
          headers={suggestion.headers}
          mapping={mapping}
          applied={template}
          onSaved={(t) => setMapping(mapping, t)}
        />
        {(customColumns > 0 || ignoredOthers > 0) && (
          <div className="row other-columns">
            <span className="muted">
              {customColumns > 0
                ? `${plural(customColumns, 'column')} not mapped to a field ${customColumns === 1 ? 'is kept as a custom variable' : 'are kept as custom variables'}.`
                : `${plural(ignoredOthers, 'column')} not mapped to a field ${ignoredOthers === 1 ? 'is' : 'are'} ignored.`}
            </span>
            {customColumns > 0 && (
              <Button size="sm" disabled={busy !== null} onClick={() => setOtherColumns(false)}>
                Ignore {customColumns === 1 ? 'it' : `all ${customColumns}`}
              </Button>
            )}
            {ignoredOthers > 0 && (
              <Button size="sm" disabled={busy !== null} onClick={() => setOtherColumns(true)}>
                {customColumns > 0
                  ? 'Keep the ignored ones as custom variables'
                  : ignoredOthers === 1
                    ? 'Keep it as a custom variable'
                    : 'Keep them as custom variables'}
              </Button>
            )}
          </div>
        )}
        <MappingTable suggestion={suggestion} mapping={mapping} onChange={setTarget} />
        {emailColumns.length > 1 && (
          <p className="muted" role="note">
            Several columns hold emails: each row uses the first of {emailColumns.join(', ')} (in that order)
            with a work address that can be sent to, else the first with any address that can be.
          </p>
        )}
        {phoneColumns.length > 1 && (
          <p className="muted" role="note">
            Several columns hold phone numbers: each row uses the first of {phoneColumns.join(', ')} (in that
            order) that holds one.
          </p>
        )}
        {hiddenBelow > 0 && (
          <CheckField
            checked={includeHidden}
            onChange={setIncludeHidden}
            label={`Also import the ${plural(hiddenBelow, 'row')} hidden in this sheet`}
            hint={`${hiddenBelow === 1 ? 'It was' : 'They were'} filtered out or hidden by hand in the spreadsheet app, so ${hiddenBelow === 1 ? 'it is' : 'they are'} left out unless you tick this: the import holds the rows the sheet shows.`}
          />
        )}
      </Card>
      <Card
        title="Preview"
        subtitle="The first rows as they will be imported, cleaned and checked."
        label="Preview"
      >
        <MappingPreview preview={preview} />
      </Card>
      <div className="row">
        <Button onClick={() => back('header')}>Back to header row</Button>
        <Button variant="primary" disabled={!canContinue} onClick={() => void start()}>
          Continue: clean and check all rows
        </Button>
      </div>
    </>
  );
}
