import { useEffect, useMemo, useRef } from 'react';
import { encodingName } from '../../../../src-shared/import/read/text';
import { hasSeveralSheets, useImportFlow } from './flow';
import { Banner } from '../../ui/Banner';
import { Button } from '../../ui/Button';
import { Screen } from '../../ui/Screen';
import { BusyPanel } from './BusyPanel';
import { DropZone } from './DropZone';
import { EncodingPicker } from './EncodingPicker';
import { HeaderStep } from './HeaderStep';
import { MappingStep } from './MappingStep';
import { RecentImports } from './RecentImports';
import { describePrevious, RepeatFileDialog } from './RepeatFileDialog';
import { openInClean } from '../clean/selection';
import { SheetStep } from './SheetStep';
import './import.css';

/** "day2.csv", "day2.csv and day3.csv", "day2.csv and 2 more". */
function fileNames(files: readonly File[]): string {
  const [first, second] = files;
  if (!first) return '';
  if (!second) return first.name;
  return files.length === 2
    ? `${first.name} and ${second.name}`
    : `${first.name} and ${files.length - 1} more`;
}

/** The files chosen together with the one imported now, waiting their turn. */
function Waiting() {
  const file = useImportFlow((s) => s.file);
  const waiting = useImportFlow((s) => s.waiting);
  const busy = useImportFlow((s) => s.busy);
  const { importNext, forgetWaiting } = useImportFlow.getState();
  const next = waiting[0];
  if (!next) return null;
  if (file) return <p className="muted">Next: {fileNames(waiting)}.</p>;
  return (
    <Banner tone="info" title={`${fileNames(waiting)} ${waiting.length === 1 ? 'is' : 'are'} next`}>
      <p>
        You chose {waiting.length === 1 ? 'it' : 'them'} with the file before. LeadPrep imports one file at a
        time; leads already imported from the files before are found as duplicates.
      </p>
      <div className="row">
        <Button variant="primary" disabled={busy !== null} onClick={() => void importNext()}>
          Import {next.name}
        </Button>
        <Button disabled={busy !== null} onClick={forgetWaiting}>
          {waiting.length === 1 ? 'Forget it' : 'Forget them'}
        </Button>
      </div>
    </Banner>
  );
}

function FileLine() {
  const file = useImportFlow((s) => s.file);
  const opened = useImportFlow((s) => s.opened);
  const reset = useImportFlow((s) => s.reset);
  const busy = useImportFlow((s) => s.busy);
  if (!file) return null;
  const details =
    opened &&
    [
      opened.kind.toUpperCase(),
      opened.encoding && encodingName(opened.encoding),
      opened.delimiter && `delimiter ${opened.delimiter === '\t' ? 'tab' : `"${opened.delimiter}"`}`,
    ]
      .filter(Boolean)
      .join(' · ');
  return (
    <div className="row-between file-line">
      <p>
        <strong>{file.name}</strong> {details && <span className="muted">({details})</span>}
      </p>
      <Button size="sm" variant="ghost" disabled={busy !== null} onClick={reset}>
        Choose another file
      </Button>
    </div>
  );
}

/** Said as soon as the file is read: the user may want the earlier import rather than a second one. */
function SeenBefore() {
  const seenBefore = useImportFlow((s) => s.seenBefore);
  const severalSheets = useImportFlow(hasSeveralSheets);
  if (seenBefore.length === 0) return null;
  return (
    <Banner tone="info" title="You imported this file before">
      <ul className="seen-before">
        {seenBefore.map((p) => (
          <li key={p.id} className="row">
            <span>{describePrevious(p, severalSheets)}</span>
            <Button size="sm" onClick={() => openInClean(p.id)}>
              Open it
            </Button>
          </li>
        ))}
      </ul>
      <p>
        {severalSheets
          ? 'You can still go on: another sheet is other leads, and LeadPrep asks once more before it saves a sheet a second time.'
          : 'You can still go on: LeadPrep asks once more before it saves a second copy.'}
      </p>
    </Banner>
  );
}

function Steps() {
  const step = useImportFlow((s) => s.step);
  const opened = useImportFlow((s) => s.opened);
  const sheet = useImportFlow((s) => s.sheet);
  const headerRow = useImportFlow((s) => s.headerRow);
  const busy = useImportFlow((s) => s.busy);
  const seenBefore = useImportFlow((s) => s.seenBefore);
  const importedSheets = useMemo(() => new Set(seenBefore.map((p) => p.sheet)), [seenBefore]);
  const { chooseFiles, pickSheet, setHeaderRow, confirmHeader } = useImportFlow.getState();
  switch (step) {
    case 'file':
      return <DropZone disabled={busy !== null} onFiles={(f) => void chooseFiles(f)} />;
    case 'sheet':
      return (
        opened && (
          <SheetStep
            opened={opened}
            imported={importedSheets}
            disabled={busy !== null}
            onPick={(n) => void pickSheet(n)}
          />
        )
      );
    case 'header':
      return (
        sheet && (
          <HeaderStep
            sheet={sheet}
            headerRow={headerRow}
            disabled={busy !== null}
            onPick={setHeaderRow}
            onConfirm={() => void confirmHeader()}
            above={<EncodingPicker disabled={busy !== null} />}
          />
        )
      );
    case 'mapping':
      return <MappingStep />;
  }
}

export default function ImportScreen() {
  const busy = useImportFlow((s) => s.busy);
  const error = useImportFlow((s) => s.error);
  const cancel = useImportFlow((s) => s.cancel);
  const errorRef = useRef<HTMLDivElement>(null);
  // A step fails after a click that may be far below (Continue sits under the mapping and preview).
  useEffect(() => {
    if (error) errorRef.current?.scrollIntoView({ block: 'nearest' });
  }, [error]);
  return (
    <Screen
      title="Import"
      description="Bring in a lead file. Nothing is saved until you continue, and you can review every row before committing."
    >
      <FileLine />
      <Waiting />
      <SeenBefore />
      {error && (
        <div ref={errorRef}>
          <Banner tone="danger" title="This step did not work">
            <p>{error}</p>
          </Banner>
        </div>
      )}
      {busy && <BusyPanel busy={busy} onCancel={cancel} />}
      <Steps />
      <RepeatFileDialog />
      <RecentImports />
    </Screen>
  );
}
