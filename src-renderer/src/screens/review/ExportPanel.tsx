import { useRef, useState } from 'react';
import type { EventPayload } from '../../../../src-shared/contract';
import type { ExportResult } from '../../../../src-shared/contract/review';
import { api, useEvent } from '../../api/client';
import { toast } from '../../store/toasts';
import { Button } from '../../ui/Button';
import { Card } from '../../ui/Card';
import { CheckField } from '../../ui/CheckField';
import { CopyableText } from '../../ui/CopyableText';
import { plural } from '../../ui/format';

type Which = 'approved' | 'selected' | 'all';
type Format = 'xlsx' | 'csv';

const newJobId = () => `export-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;

/** In the Electron window the preload exists; in the browser the file comes as a download instead. */
const inElectron = () => typeof window !== 'undefined' && window.leadprep !== undefined;

function base64ToBlob(base64: string, mimeType: string): Blob {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return new Blob([bytes], { type: mimeType });
}

async function download(fileName: string): Promise<void> {
  const file = await api.call('export.download', { fileName });
  const url = URL.createObjectURL(base64ToBlob(file.base64, file.mimeType));
  const a = document.createElement('a');
  a.href = url;
  a.download = file.fileName;
  document.body.append(a);
  a.click();
  a.remove();
  // The browser has started the download by now; the URL is only needed for that.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

function Progress({ p }: { p: EventPayload<'export.progress'> }) {
  const label =
    p.phase === 'rows'
      ? `Reading leads: ${p.done.toLocaleString()} of ${p.total.toLocaleString()}`
      : p.phase === 'writing'
        ? `Writing the file: ${p.done.toLocaleString()} of ${p.total.toLocaleString()}`
        : `Done: ${plural(p.done, 'lead')}`;
  return (
    <div className="stack-sm">
      <progress max={Math.max(1, p.total)} value={p.done} aria-label="Export progress" />
      <span className="muted">{label}</span>
    </div>
  );
}

/** Approved (or selected, or all) leads of the run with their sequences, as .xlsx or .csv. */
export function ExportPanel({
  runId,
  selected,
  onClose,
}: {
  runId: number;
  selected: readonly number[];
  onClose(): void;
}) {
  const [which, setWhich] = useState<Which>('approved');
  const [format, setFormat] = useState<Format>('xlsx');
  const [escapeFormulas, setEscapeFormulas] = useState(true);
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState<EventPayload<'export.progress'> | null>(null);
  const [result, setResult] = useState<ExportResult | null>(null);
  const [revealFailed, setRevealFailed] = useState(false);
  const jobId = useRef<string | null>(null);

  useEvent('export.progress', (p) => {
    if (p.jobId !== null && p.jobId === jobId.current) setProgress(p);
  });

  const start = async () => {
    jobId.current = newJobId();
    setBusy(true);
    setResult(null);
    setProgress(null);
    setRevealFailed(false);
    try {
      const r = await api.call('export.create', {
        source: { kind: 'run', runId },
        which,
        leadIds: which === 'selected' ? [...selected] : [],
        format,
        escapeFormulas,
        jobId: jobId.current,
      });
      setResult(r);
      toast.success(`Exported ${plural(r.rows, 'lead')} to ${r.fileName}.`);
    } catch (e) {
      toast.error(e);
    } finally {
      setBusy(false);
    }
  };

  const reveal = async (fileName: string) => {
    try {
      const r = await api.call('export.reveal', { fileName });
      if (!r.revealed) setRevealFailed(true);
    } catch (e) {
      toast.error(e);
    }
  };

  const electron = inElectron();
  return (
    <Card
      title="Export"
      label="Export"
      subtitle="Leads with their sequences: original columns, normalised fields, custom variables, then step_1_subject, step_1_body, …"
      aside={
        <Button size="sm" variant="ghost" onClick={onClose}>
          Close
        </Button>
      }
    >
      <div className="stack">
        <fieldset className="export-options">
          <legend>Which leads</legend>
          {(
            [
              ['approved', 'Approved leads'],
              ['selected', `Selected leads (${selected.length.toLocaleString()})`],
              ['all', 'All leads of this run'],
            ] as const
          ).map(([value, label]) => (
            <label key={value} className="radio">
              <input
                type="radio"
                name="export-which"
                value={value}
                checked={which === value}
                disabled={value === 'selected' && selected.length === 0}
                onChange={() => setWhich(value)}
              />{' '}
              {label}
            </label>
          ))}
        </fieldset>
        <fieldset className="export-options">
          <legend>Format</legend>
          {(
            [
              ['xlsx', 'Excel (.xlsx)'],
              ['csv', 'CSV (.csv, UTF-8 with BOM so Excel shows accents)'],
            ] as const
          ).map(([value, label]) => (
            <label key={value} className="radio">
              <input
                type="radio"
                name="export-format"
                value={value}
                checked={format === value}
                onChange={() => setFormat(value)}
              />{' '}
              {label}
            </label>
          ))}
        </fieldset>
        <CheckField
          checked={escapeFormulas}
          onChange={setEscapeFormulas}
          label="Protect against formula injection (recommended)"
          hint="Cells that start with = + - @, a tab or a line break get a leading apostrophe, so Excel or Sheets shows them as text instead of running them as formulas. Generated text and imported values are untrusted; turn this off only if you need such cells exactly as they are and will not open the file in a spreadsheet."
        />
        <div className="row">
          <Button
            variant="primary"
            busy={busy}
            disabled={which === 'selected' && selected.length === 0}
            onClick={() => void start()}
          >
            Export {format === 'xlsx' ? '.xlsx' : '.csv'}
          </Button>
        </div>
        {busy && progress && <Progress p={progress} />}
        {result && (
          <div className="stack-sm" role="status">
            <p>
              <strong>{result.rows.toLocaleString()}</strong> {result.rows === 1 ? 'lead' : 'leads'},{' '}
              {plural(result.columns.length, 'column')}, {(result.bytes / 1024).toFixed(1)} KB.
            </p>
            <div className="row">
              {electron ? (
                <>
                  <Button variant="primary" onClick={() => void reveal(result.fileName)}>
                    Reveal in folder
                  </Button>
                  <Button
                    onClick={() => void download(result.fileName).catch((e: unknown) => toast.error(e))}
                  >
                    Save a copy…
                  </Button>
                </>
              ) : (
                <>
                  <Button
                    variant="primary"
                    onClick={() => void download(result.fileName).catch((e: unknown) => toast.error(e))}
                  >
                    Download {result.fileName}
                  </Button>
                  <Button onClick={() => void reveal(result.fileName)}>Reveal in folder</Button>
                </>
              )}
            </div>
            {(revealFailed || !electron) && (
              <CopyableText value={result.path} label="Where the export was saved" />
            )}
          </div>
        )}
      </div>
    </Card>
  );
}
