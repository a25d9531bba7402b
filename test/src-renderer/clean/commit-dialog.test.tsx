// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ImportSummary } from '../../../src-shared/contract/imports';
import { setBridge } from '../../../src-renderer/src/api/bridge';
import { CommitDialog } from '../../../src-renderer/src/screens/clean/CommitDialog';
import { fakeBridge } from '../fake-bridge';

beforeAll(() => {
  // jsdom has <dialog> but not its modal methods.
  HTMLDialogElement.prototype.showModal ??= function (this: HTMLDialogElement) {
    this.open = true;
  };
  HTMLDialogElement.prototype.close ??= function (this: HTMLDialogElement) {
    this.open = false;
  };
});
afterEach(cleanup);

/** A host whose commit waits for the test, and that lets the test emit events. */
function host(summary: ImportSummary) {
  let finish: () => void = () => undefined;
  const { bridge, emit } = fakeBridge((name) => {
    if (name !== 'imports.commit') return Promise.reject(new Error(`unexpected call ${name}`));
    return new Promise((resolve) => {
      finish = () => resolve({ ok: true, value: { ...summary, status: 'committed' } });
    });
  });
  return { bridge, emit, finish: () => finish() };
}

const summary: ImportSummary = {
  id: 7,
  fileName: 'leads.csv',
  fileSize: 1000,
  sha256: 'a'.repeat(64),
  kind: 'csv',
  sheet: 'leads',
  headerRow: 1,
  encoding: 'utf-8',
  delimiter: ',',
  headers: ['Email'],
  mapping: [{ kind: 'field', field: 'email' }],
  templateId: null,
  status: 'draft',
  staged: true,
  unfinished: false,
  rowsRead: 100_000,
  blankRows: 0,
  hiddenRows: 0,
  headerRepeats: 0,
  footerRows: 0,
  total: 100_000,
  counts: { ready: 100_000, needs_fix: 0, invalid: 0, duplicate: 0, suppressed: 0 },
  openGroups: 0,
  undoLabel: null,
  createdAt: 1,
  committedAt: null,
};

describe('CommitDialog', () => {
  it('says how many leads have a suggested address fix not taken, which the commit makes final', () => {
    setBridge(host(summary).bridge);
    render(<CommitDialog summary={summary} fixesNotTaken={3} onDone={vi.fn()} onCommitted={vi.fn()} />);
    expect(screen.getByText(/^3 leads with a suggested fix to the address not taken/).textContent).toContain(
      'Cancel and choose “Apply all suggested typo fixes” to take the fixes first.',
    );
  });

  it('shows how far a running commit has got, only for its own import, cannot be cancelled meanwhile, and closes when done', async () => {
    const h = host(summary);
    setBridge(h.bridge);
    const onCommitted = vi.fn();
    const onDone = vi.fn();
    render(<CommitDialog summary={summary} fixesNotTaken={0} onDone={onDone} onCommitted={onCommitted} />);
    expect(screen.queryByRole('progressbar')).toBeNull();
    expect(screen.queryByText(/suggested fix/)).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: 'Commit import', hidden: true }));
    act(() => h.emit('imports.progress', { importId: 8, label: 'Commit', done: 900, total: 1000 }));
    expect(screen.queryByRole('progressbar', { hidden: true })).toBeNull();
    act(() => h.emit('imports.progress', { importId: 7, label: 'Commit', done: 456, total: 1000 }));
    expect(screen.getByRole('status', { hidden: true }).textContent).toContain('Committing: 45 %');
    const bar = screen.getByRole('progressbar', { name: 'Commit progress', hidden: true });
    expect(bar.getAttribute('value')).toBe('456');
    expect(bar.getAttribute('max')).toBe('1000');
    // The commit cannot be stopped once it runs, so Cancel does not pretend to.
    const cancel = screen.getByRole('button', { name: 'Cancel', hidden: true });
    expect((cancel as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(cancel);
    expect(onDone).not.toHaveBeenCalled();

    await act(async () => h.finish());
    expect(onCommitted).toHaveBeenCalledOnce();
    expect(onDone).toHaveBeenCalledOnce();
    expect(screen.queryByRole('progressbar', { hidden: true })).toBeNull();
  });
});
