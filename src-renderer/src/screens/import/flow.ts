/*
 * The Import screen's wizard: file -> sheet -> header row -> mapping ->
 * pipeline + staging. The state lives in a module-level store so leaving
 * the screen mid-way and coming back keeps the user's work; the worker
 * lives as long as the store.
 *
 * After a cancel the worker is a fresh one holding nothing, so every step
 * that needs the sheet first calls `ensureSheetLoaded`, which re-reads the
 * file from the File object when the worker generation changed.
 */
import { create } from 'zustand';
import { customKeys } from '../../../../src-shared/import/header';
import { importsOfSheet } from '../../../../src-shared/import/sheet-choice';
import { withOtherColumns, withSuggestedGuards } from '../../../../src-shared/import/mapping';
import {
  takesSeveralColumns,
  type ColumnMapping,
  type ColumnTarget,
} from '../../../../src-shared/import/types';
import type { TextEncoding } from '../../../../src-shared/import/read/text';
import {
  STAGE_CHUNK_GROUPS,
  STAGE_CHUNK_ROWS,
  SourceKindSchema,
  type ImportSummary,
} from '../../../../src-shared/contract/imports';
import { api } from '../../api/client';
import {
  failureMessage,
  ImportWorkerClient,
  ImportWorkerError,
  isCancelled,
  type ProgressListener,
} from '../../workers/import-client';
import type { Opened, Phase, Preview, SheetRead, Suggestion } from '../../workers/import-messages';
import { openInClean } from '../clean/selection';
import { toast } from '../../store/toasts';
import { plural } from '../../ui/format';

export type Step = 'file' | 'sheet' | 'header' | 'mapping';

export type BusyPhase = Phase | 'template' | 'index' | 'stage' | 'groups';

export interface Busy {
  label: string;
  phase: BusyPhase;
  done: number;
  total: number;
  /** Cancel is offered for work the worker or the staging loop does. */
  cancellable: boolean;
}

export interface PreviousImport {
  id: number;
  fileName: string;
  sheet: string;
  status: 'draft' | 'committed';
  createdAt: number;
  total: number;
}

interface FlowState {
  step: Step;
  file: File | null;
  opened: Opened | null;
  sheet: SheetRead | null;
  headerRow: number;
  /** Import the rows hidden in the sheet too; by default they are left out, as the sheet shows it. */
  includeHidden: boolean;
  /** The encoding the user chose for a text file; null: the one detected. */
  encoding: TextEncoding | null;
  suggestion: Suggestion | null;
  mapping: ColumnMapping;
  template: { id: number; name: string } | null;
  preview: Preview | null;
  busy: Busy | null;
  error: string | null;
  /** Imports of a file with the same bytes, found when the file was chosen (said at once, asked again on Continue). */
  seenBefore: PreviousImport[];
  /** Set when this sheet of the file was imported before: the user confirms before staging. */
  repeatOf: PreviousImport[] | null;
  /**
   * Files dropped or chosen together with this one, waiting their turn: one import is one file, and
   * each is imported after the one before (its leads then found as duplicates of theirs).
   */
  waiting: File[];

  chooseFile(file: File): Promise<void>;
  /** The first of `files` now, the others waiting (before any still waiting). */
  chooseFiles(files: readonly File[]): Promise<void>;
  /** The first waiting file. */
  importNext(): Promise<void>;
  forgetWaiting(): void;
  pickSheet(name: string): Promise<void>;
  setHeaderRow(row: number): void;
  setIncludeHidden(include: boolean): void;
  /** Reads the text file again in `encoding`, back at the header step. */
  setEncoding(encoding: TextEncoding): Promise<void>;
  confirmHeader(): Promise<void>;
  setTarget(column: number, target: ColumnTarget): void;
  /** Keeps every column that is not a lead field as a custom variable, or ignores them all. */
  setOtherColumns(keep: boolean): void;
  setMapping(mapping: ColumnMapping, template: { id: number; name: string } | null): void;
  /** Checks for a repeat file first; `importAnyway` skips that check. */
  start(importAnyway?: boolean): Promise<void>;
  dismissRepeat(): void;
  cancel(): void;
  back(step: Step): void;
  reset(): void;
}

let client: ImportWorkerClient | null = null;
const worker = (): ImportWorkerClient => (client ??= new ImportWorkerClient());
/** Which worker generation holds `file`'s current sheet (-1: none). */
let loadedGeneration = -1;
/** Drops stale preview answers when the mapping changed again meanwhile. */
let previewSeq = 0;
/** The draft being staged, deleted again when the user cancels. */
let stagingImportId: number | null = null;
/**
 * Bumped by every start and every cancel. A staging run whose number is no longer current stops at its
 * next step and leaves the screen alone: its calls still in flight cannot end or disturb a run the
 * user started after cancelling it.
 */
let currentRun = 0;
/** stageRows calls sent before the oldest has answered: enough to keep the worker, this thread and main busy at once. */
const STAGE_CALLS_IN_FLIGHT = 2;

const PHASE_LABELS: Record<BusyPhase, string> = {
  hash: 'Fingerprinting the file',
  inspect: 'Checking the file',
  parse: 'Reading the workbook',
  extract: 'Reading rows',
  clean: 'Cleaning and checking for duplicates',
  template: 'Looking for a saved mapping',
  index: 'Loading your existing leads and suppression list',
  stage: 'Saving leads',
  groups: 'Saving duplicate groups',
};

const INITIAL = {
  step: 'file' as Step,
  file: null,
  opened: null,
  sheet: null,
  headerRow: 0,
  includeHidden: false,
  encoding: null,
  suggestion: null,
  mapping: [],
  template: null,
  preview: null,
  busy: null,
  error: null,
  seenBefore: [],
  repeatOf: null,
};

/** Whether the open file is a workbook of several sheets: then an earlier import is told by its sheet. */
export const hasSeveralSheets = (s: Pick<FlowState, 'opened'>): boolean => (s.opened?.sheets.length ?? 0) > 1;

export const useImportFlow = create<FlowState>((set, get) => {
  const busy = (phase: BusyPhase, cancellable: boolean, done = 0, total = 0): void =>
    set({ busy: { label: PHASE_LABELS[phase], phase, done, total, cancellable } });
  const onProgress: ProgressListener = (p) => busy(p.phase, true, p.done, p.total);

  /**
   * Runs one step; a cancel is not an error, anything else is shown in plain words. Once `current`
   * turns false (the step was cancelled), its outcome is no longer shown.
   */
  async function guarded(work: () => Promise<void>, current: () => boolean = () => true): Promise<void> {
    set({ error: null });
    try {
      await work();
    } catch (e) {
      if (!isCancelled(e) && current()) set({ error: failureMessage(e) });
    } finally {
      if (current()) set({ busy: null });
    }
  }

  /** Hands the file to the worker to read, a text file in the encoding the user chose if any. */
  async function openInWorker(file: File, encoding: TextEncoding | null): Promise<Opened> {
    return worker().open({ name: file.name, bytes: await file.arrayBuffer(), encoding }, onProgress);
  }

  async function ensureSheetLoaded(): Promise<void> {
    const { file, sheet } = get();
    if (!file || !sheet) throw new ImportWorkerError('no_file', 'Choose a file first.');
    if (loadedGeneration === worker().generation) return;
    busy('parse', true);
    await openInWorker(file, get().encoding);
    await worker().request('readSheet', { sheet: sheet.sheet }, onProgress);
    loadedGeneration = worker().generation;
  }

  async function refreshPreview(): Promise<void> {
    const seq = ++previewSeq;
    const { headerRow, mapping, includeHidden } = get();
    try {
      await ensureSheetLoaded();
      const preview = await worker().request('preview', { headerRow, mapping, includeHidden });
      if (seq === previewSeq) set({ preview });
    } catch (e) {
      if (seq === previewSeq && !isCancelled(e)) set({ error: failureMessage(e) });
    }
  }

  async function readSheet(name: string): Promise<void> {
    busy('parse', true);
    const sheet = await worker().request('readSheet', { sheet: name }, onProgress);
    loadedGeneration = worker().generation;
    set({
      sheet,
      headerRow: sheet.detectedHeaderRow,
      includeHidden: false,
      step: 'header',
      suggestion: null,
      preview: null,
    });
  }

  async function stageAll(run: number): Promise<void> {
    const stale = (): boolean => run !== currentRun;
    const { file, opened, sheet, headerRow, mapping, template, includeHidden } = get();
    // Checked after every wait before the screen is touched: once cancelled, only cancel() sets `busy`.
    if (!file || !opened || !sheet || stale()) return;
    await ensureSheetLoaded();
    if (stale()) return;
    busy('index', true);
    const index = await api.call('imports.dedupeIndex', {});
    if (stale()) return;
    busy('clean', true);
    const summary = await worker().request('run', { headerRow, mapping, includeHidden, index }, onProgress);
    const kind = SourceKindSchema.parse(opened.kind);
    busy('stage', true, 0, summary.total);
    const { importId } = await api.call('imports.stageBegin', {
      file: {
        name: file.name,
        size: opened.size,
        sha256: opened.sha256,
        kind,
        sheet: sheet.sheet,
        headerRow,
        encoding: opened.encoding,
        delimiter: opened.delimiter,
      },
      headers: summary.headers,
      mapping,
      ...(template ? { templateId: template.id } : {}),
      rowsRead: Math.max(0, sheet.rowCount - headerRow - 1),
      blankRows: summary.blankRows,
      hiddenRows: summary.hiddenRows,
      headerRepeats: summary.headerRepeats,
      footerRows: summary.footerRows,
      total: summary.total,
    });
    if (stale()) {
      // Cancelled while the draft was being created: only this run knows its id.
      void api.call('imports.delete', { importId }).catch(() => undefined);
      return;
    }
    stagingImportId = importId;
    // A few chunks at a time keeps memory flat and lets Cancel stop between calls. The worker builds
    // chunk k+1 while the UI thread sends chunk k, and main saves chunk k-1 meanwhile (lead ids follow
    // row numbers, so the order chunks land in does not matter): one after the other, each side sat
    // idle while the other worked.
    const quietly = <T>(pending: Promise<T>): Promise<T> => {
      // Awaited below unless a cancel or a failed call ends the loop first; then it is dropped quietly.
      pending.catch(() => undefined);
      return pending;
    };
    const chunkAt = (start: number) =>
      quietly(worker().request('chunk', { importId, start, size: STAGE_CHUNK_ROWS }));
    let next: ReturnType<typeof chunkAt> | null = null;
    const saving: Promise<unknown>[] = [];
    // A call still in flight when the user cancelled fails on the deleted draft: that is no error to show.
    const saved = async (call: Promise<unknown> | undefined): Promise<void> => {
      try {
        await call;
      } catch (e) {
        if (!stale()) throw e;
      }
    };
    for (let start = 0; start < summary.total && !stale(); start += STAGE_CHUNK_ROWS) {
      const chunk = await (next ?? chunkAt(start));
      next = start + STAGE_CHUNK_ROWS < summary.total ? chunkAt(start + STAGE_CHUNK_ROWS) : null;
      if (chunk.rows > 0) saving.push(quietly(api.callJson('imports.stageRows', chunk.json)));
      if (saving.length >= STAGE_CALLS_IN_FLIGHT) await saved(saving.shift());
      if (!stale()) busy('stage', true, Math.min(start + STAGE_CHUNK_ROWS, summary.total), summary.total);
    }
    for (const call of saving) await saved(call);
    for (let start = 0; start < summary.groups.length && !stale(); start += STAGE_CHUNK_GROUPS) {
      busy('groups', true, start, summary.groups.length);
      await api.call('imports.stageGroups', {
        importId,
        groups: summary.groups.slice(start, start + STAGE_CHUNK_GROUPS),
      });
    }
    if (stale()) return;
    const done: ImportSummary = await api.call('imports.stageEnd', { importId });
    if (stale()) return;
    stagingImportId = null;
    const waiting = get().waiting[0];
    toast.success(
      `${file.name}: ${plural(done.total, 'lead')} read, ${done.counts.ready.toLocaleString()} ready.${waiting ? ` ${waiting.name} is next, on the Import screen.` : ''}`,
    );
    set({ ...INITIAL });
    openInClean(importId);
  }

  return {
    ...INITIAL,
    waiting: [],

    async chooseFile(file) {
      set({ ...INITIAL, file });
      await guarded(async () => {
        busy('hash', true);
        const opened = await openInWorker(file, null);
        set({ opened });
        // Only a heads-up: Continue checks again and reports a failure there.
        const { previous } = await api
          .call('imports.checkHash', { sha256: opened.sha256 })
          .catch(() => ({ previous: [] }));
        if (get().file === file) set({ seenBefore: previous });
        const only = opened.sheets.length === 1 ? opened.sheets[0] : undefined;
        if (only) await readSheet(only.name);
        else set({ step: 'sheet' });
      });
      if (get().busy === null && get().opened === null) set({ file: null });
    },

    async chooseFiles(files) {
      const [first, ...rest] = files;
      if (!first) return;
      // Files still waiting from an earlier choice keep their turn, after these.
      set({ waiting: [...rest, ...get().waiting] });
      await get().chooseFile(first);
    },

    async importNext() {
      const [next, ...rest] = get().waiting;
      if (!next) return;
      set({ waiting: rest });
      await get().chooseFile(next);
    },

    forgetWaiting() {
      set({ waiting: [] });
    },

    async pickSheet(name) {
      await guarded(async () => {
        const { file } = get();
        if (file && loadedGeneration !== worker().generation) {
          busy('parse', true);
          await openInWorker(file, get().encoding);
        }
        await readSheet(name);
      });
    },

    setHeaderRow(row) {
      set({ headerRow: row });
    },

    setIncludeHidden(include) {
      set({ includeHidden: include });
      void refreshPreview();
    },

    async setEncoding(encoding) {
      const { file, sheet } = get();
      if (!file || !sheet) return;
      await guarded(async () => {
        busy('parse', true);
        const opened = await openInWorker(file, encoding);
        set({ opened, encoding });
        await readSheet(sheet.sheet);
      });
    },

    async confirmHeader() {
      await guarded(async () => {
        await ensureSheetLoaded();
        const suggestion = await worker().request('suggest', { headerRow: get().headerRow });
        busy('template', false);
        const { match } = await api.call('imports.templates.match', { headers: suggestion.headers });
        set({
          suggestion,
          mapping: match ? withSuggestedGuards(match.mapping, suggestion.mapping) : suggestion.mapping,
          template: match ? { id: match.template.id, name: match.template.name } : null,
          step: 'mapping',
          preview: null,
        });
      });
      await refreshPreview();
    },

    setTarget(column, target) {
      const { mapping, suggestion } = get();
      const keys = customKeys(suggestion?.headers ?? []);
      // A field belongs to one column: the column that had it becomes a custom variable again. Email
      // and phone may have several, tried in column order ("Work Email", then "Personal Email").
      const next = mapping.map((t, i): ColumnTarget => {
        if (i === column) return target;
        if (
          target.kind === 'field' &&
          !takesSeveralColumns(target.field) &&
          t.kind === 'field' &&
          t.field === target.field
        )
          return { kind: 'custom', key: keys[i] ?? `column_${i + 1}` };
        return t;
      });
      set({ mapping: next });
      void refreshPreview();
    },

    setOtherColumns(keep) {
      const { mapping, suggestion } = get();
      if (!suggestion) return;
      set({ mapping: withOtherColumns(mapping, suggestion.mapping, suggestion.headers, keep) });
      void refreshPreview();
    },

    setMapping(mapping, template) {
      set({ mapping, template });
      void refreshPreview();
    },

    async start(importAnyway = false) {
      const { opened, sheet } = get();
      if (!opened || !sheet) return;
      const run = ++currentRun;
      await guarded(
        async () => {
          if (!importAnyway) {
            const { previous } = await api.call('imports.checkHash', { sha256: opened.sha256 });
            const repeats = importsOfSheet(previous, sheet.sheet, opened.sheets.length);
            if (repeats.length > 0) {
              set({ repeatOf: repeats });
              return;
            }
          }
          set({ repeatOf: null });
          await stageAll(run);
        },
        () => run === currentRun,
      );
    },

    dismissRepeat() {
      set({ repeatOf: null });
    },

    cancel() {
      currentRun++;
      worker().cancel();
      const draft = stagingImportId;
      stagingImportId = null;
      // A half-staged draft is useless; remove it so it does not linger as "unfinished".
      if (draft !== null) void api.call('imports.delete', { importId: draft }).catch(() => undefined);
      const { opened, sheet, suggestion } = get();
      const step: Step = sheet && suggestion ? 'mapping' : sheet ? 'header' : opened ? 'sheet' : 'file';
      set({ busy: null, step, ...(opened ? {} : { file: null }) });
      toast.info('Cancelled.');
    },

    back(step) {
      set({ step, error: null });
    },

    reset() {
      set({ ...INITIAL });
    },
  };
});
