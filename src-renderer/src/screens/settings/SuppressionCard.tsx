import { useCallback, useEffect, useId, useRef, useState } from 'react';
import type { CallInput } from '../../../../src-shared/contract';
import { MAX_PAGE, type SuppressionEntryView } from '../../../../src-shared/contract/imports';
import {
  describeSuppressionAdd,
  describeSuppressionRemove,
  describeSuppressionRestore,
  suppressionListTooLong,
} from '../../../../src-shared/import/suppression';
import { READABLE_EXTENSIONS } from '../../../../src-shared/import/read';
import { api, errorMessage, useEvent } from '../../api/client';
import { failureMessage, ImportWorkerClient } from '../../workers/import-client';
import { Button } from '../../ui/Button';
import { Card } from '../../ui/Card';
import { absoluteTime, plural, relativeTime } from '../../ui/format';
import { useToggleSet } from '../../ui/useToggleSet';

const PAGE = 100;
/** What the last action did; `undo` takes it back (a wrong file added, the wrong entries removed). */
type Outcome = { tone: 'ok' | 'error'; text: string; undo?: () => Promise<void> };

/** Entries typed in the box: one per line, or separated by commas or semicolons. */
function typedEntries(text: string): string[] {
  return text
    .split(/[\n,;]+/)
    .map((t) => t.trim())
    .filter((t) => t !== '');
}

/**
 * The suppression list: emails and whole domains never to contact. Every import is checked against
 * it; adding or removing entries re-checks the leads of draft imports at once.
 */
export function SuppressionCard() {
  const [entries, setEntries] = useState<SuppressionEntryView[] | null>(null);
  const [total, setTotal] = useState(0);
  const [search, setSearch] = useState('');
  const [limit, setLimit] = useState(PAGE);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [typed, setTyped] = useState('');
  const [busy, setBusy] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [selected, toggle, setSelected] = useToggleSet();
  const reader = useRef<ImportWorkerClient | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const typedId = useId();

  const load = useCallback(async () => {
    try {
      const trimmed = search.trim();
      const r = await api.call('suppressions.list', {
        ...(trimmed === '' ? {} : { search: trimmed }),
        limit,
        offset: 0,
      });
      setEntries(r.entries);
      setTotal(r.total);
      setLoadError(null);
    } catch (e) {
      setLoadError(errorMessage(e));
    }
  }, [search, limit]);
  useEffect(() => {
    void load();
  }, [load]);
  useEvent('suppressions.changed', () => void load());
  useEffect(() => () => reader.current?.dispose(), []);

  /** `columns`: the email columns a file was read by, named in the outcome. */
  async function add(list: string[], source: string, columns: readonly string[] = []): Promise<void> {
    const tooLong = suppressionListTooLong(list.length);
    if (tooLong !== null) {
      setOutcome({ tone: 'error', text: tooLong });
      return;
    }
    const r = await api.call('suppressions.add', { entries: list, source });
    const said = describeSuppressionAdd(r, list.length, columns);
    const undo = async (): Promise<void> => {
      const taken = await api.call('suppressions.remove', { ids: r.addedIds });
      setOutcome({ tone: 'ok', text: `Undone: ${describeSuppressionRemove(taken)}` });
    };
    setOutcome({
      tone: said.ok ? 'ok' : 'error',
      text: said.text,
      ...(r.addedIds.length > 0 ? { undo } : {}),
    });
  }

  async function run(label: string, work: () => Promise<void>): Promise<void> {
    setBusy(label);
    setOutcome(null);
    try {
      await work();
    } catch (e) {
      setOutcome({ tone: 'error', text: failureMessage(e) });
    } finally {
      setBusy(null);
    }
  }

  const addTyped = () =>
    run('Adding…', async () => {
      const list = typedEntries(typed);
      if (list.length === 0) {
        setOutcome({ tone: 'error', text: 'Type at least one email address or domain first.' });
        return;
      }
      await add(list, 'typed');
      setTyped('');
    });

  const importFile = (file: File) =>
    run(`Reading ${file.name}…`, async () => {
      const worker = (reader.current ??= new ImportWorkerClient());
      await worker.open({ name: file.name, bytes: await file.arrayBuffer() });
      const { entries: cells, columns } = await worker.request('entries', {});
      if (cells.length === 0) {
        setOutcome({ tone: 'error', text: `${file.name} holds no emails or domains: every cell is empty.` });
        return;
      }
      await add(cells, file.name, columns);
    });

  /** Removes the selected entries, or every entry the search finds (all of one import's marks, say). */
  const remove = (which: CallInput<'suppressions.remove'>) =>
    run('Removing…', async () => {
      const r = await api.call('suppressions.remove', which);
      setSelected(new Set());
      const undo = async (): Promise<void> => {
        const back = await api.call('suppressions.restore', {
          entries: r.entries.map(({ kind, value, source, createdAt }) => ({
            kind,
            value,
            source,
            createdAt,
          })),
        });
        setOutcome({ tone: 'ok', text: `Undone: ${describeSuppressionRestore(back)}` });
      };
      setOutcome({
        tone: 'ok',
        text: describeSuppressionRemove(r),
        ...(r.entries.length > 0 ? { undo } : {}),
      });
    });

  const searching = search.trim() !== '';
  const undo = outcome?.undo;
  return (
    <Card
      title="Suppression list"
      subtitle="Emails and whole domains never to contact. Leads on it are marked Suppressed in every import and are never sent to MachFive or a sending tool."
      label="Suppression list"
    >
      <div className="stack">
        <div className="field">
          <label className="field-label" htmlFor={typedId}>
            Add emails or domains
          </label>
          <textarea
            id={typedId}
            className="textarea"
            rows={3}
            value={typed}
            placeholder={'jane@acme.com\nrival.io'}
            onChange={(e) => setTyped(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) void addTyped();
            }}
          />
          <p className="field-hint">
            One per line, or separated by commas. A domain (acme.com or @acme.com) covers all its addresses.
            Ctrl+Enter adds.
          </p>
        </div>
        <div className="row">
          <Button variant="primary" disabled={busy !== null} onClick={() => void addTyped()}>
            Add to the list
          </Button>
          <Button disabled={busy !== null} onClick={() => fileInput.current?.click()}>
            Import from a file…
          </Button>
          <input
            ref={fileInput}
            type="file"
            accept={READABLE_EXTENSIONS}
            aria-label="Suppression list file"
            className="visually-hidden"
            tabIndex={-1}
            onChange={(e) => {
              const file = e.target.files?.[0];
              e.target.value = '';
              if (file) void importFile(file);
            }}
          />
          {busy && (
            <span className="muted" role="status">
              {busy}
            </span>
          )}
        </div>
        {outcome && (
          <div className="row">
            <p
              className={outcome.tone === 'error' ? 'field-error' : 'muted'}
              role={outcome.tone === 'error' ? 'alert' : 'status'}
            >
              {outcome.text}
            </p>
            {undo && (
              <Button size="sm" disabled={busy !== null} onClick={() => void run('Undoing…', undo)}>
                Undo
              </Button>
            )}
          </div>
        )}
        {(total > 0 || searching) && (
          <div className="row-between">
            <input
              type="search"
              className="input"
              aria-label="Search the suppression list"
              placeholder="Search emails, domains, sources…"
              value={search}
              onChange={(e) => {
                setSearch(e.target.value);
                setLimit(PAGE);
              }}
            />
            <div className="row">
              <span className="muted" role="status">
                {searching ? plural(total, 'match', 'matches') : plural(total, 'entry', 'entries')}
              </span>
              <Button
                size="sm"
                variant="danger"
                disabled={selected.size === 0 || busy !== null}
                onClick={() => void remove({ ids: [...selected] })}
              >
                Remove selected{selected.size > 0 ? ` (${selected.size.toLocaleString()})` : ''}
              </Button>
              {searching && total > 0 && (
                <Button
                  size="sm"
                  variant="danger"
                  disabled={busy !== null}
                  onClick={() => void remove({ search: search.trim() })}
                >
                  Remove all {plural(total, 'match', 'matches')}
                </Button>
              )}
            </div>
          </div>
        )}
        {loadError && <p className="field-error">{loadError}</p>}
        {entries?.length === 0 && !loadError && (
          <p className="muted">
            {searching
              ? 'No entry matches this search.'
              : 'Nobody is on your suppression list yet. Add the people and companies you must never email: customers, competitors, anyone who asked you to stop.'}
          </p>
        )}
        {entries && entries.length > 0 && (
          <table className="table" aria-label="Suppressed emails and domains">
            <thead>
              <tr>
                <th>
                  <span className="visually-hidden">Selected</span>
                </th>
                <th>Email or domain</th>
                <th>Kind</th>
                <th>Source</th>
                <th>Added</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((e) => (
                <tr key={e.id}>
                  <td>
                    <input
                      type="checkbox"
                      aria-label={`Select ${e.value}`}
                      checked={selected.has(e.id)}
                      onChange={() => toggle(e.id)}
                    />
                  </td>
                  <td>{e.value}</td>
                  <td>{e.kind === 'email' ? 'Email' : 'Domain'}</td>
                  <td>{e.source === 'typed' ? 'Typed' : e.source}</td>
                  <td title={absoluteTime(e.createdAt)}>{relativeTime(e.createdAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {entries && entries.length < total && limit < MAX_PAGE && (
          <Button size="sm" onClick={() => setLimit((l) => Math.min(l + PAGE, MAX_PAGE))}>
            Show more
          </Button>
        )}
        {entries && entries.length < total && limit >= MAX_PAGE && (
          <p className="muted">
            Showing the first {MAX_PAGE.toLocaleString()} entries: search to find the others.
          </p>
        )}
      </div>
    </Card>
  );
}
