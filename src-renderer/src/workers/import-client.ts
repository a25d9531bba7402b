/*
 * UI-thread side of the import worker: one promise per request, progress
 * callbacks, and cancel = terminate + recreate (the worker's parse cannot be
 * interrupted from inside). After a cancel the fresh worker holds no file;
 * callers re-open it (see `ImportWorkerClient.generation`).
 */
import { errorMessage } from '../api/client';
import type { TextEncoding } from '../../../src-shared/import/read/text';
import {
  RESULT_SCHEMAS,
  WorkerResponseSchema,
  type ProgressMessage,
  type RequestType,
  type ResultOf,
  type WorkerRequest,
} from './import-messages';

/** A failure the user should read: `message` says what happened and what to do next. */
export class ImportWorkerError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ImportWorkerError';
  }
}

/** What went wrong, for the user: the reader's own message, else the core's (see `errorMessage`). */
export function failureMessage(e: unknown): string {
  return e instanceof ImportWorkerError ? e.message : errorMessage(e);
}

export const isCancelled = (e: unknown): boolean => e instanceof ImportWorkerError && e.code === 'cancelled';

export type ProgressListener = (p: Omit<ProgressMessage, 'type' | 'id'>) => void;

interface Pending {
  type: RequestType;
  resolve(value: unknown): void;
  reject(error: Error): void;
  onProgress: ProgressListener | undefined;
}

type RequestBody<T extends RequestType> = Omit<Extract<WorkerRequest, { type: T }>, 'id' | 'type'>;

export type WorkerFactory = () => Worker;

const defaultFactory: WorkerFactory = () =>
  new Worker(new URL('./import.worker.ts', import.meta.url), { type: 'module', name: 'import' });

export class ImportWorkerClient {
  private worker: Worker;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  /** Bumped on every cancel: state held by the old worker (file, sheet, result) is gone. */
  generation = 0;

  constructor(private readonly factory: WorkerFactory = defaultFactory) {
    this.worker = this.start();
  }

  private start(): Worker {
    const worker = this.factory();
    worker.onmessage = (event: MessageEvent<unknown>) => this.receive(event.data);
    worker.onerror = (event) => {
      event.preventDefault();
      this.failAll(
        new ImportWorkerError(
          'crashed',
          'The file reader stopped unexpectedly. Try the file again; if it keeps failing, it may be too large for this computer.',
        ),
      );
      this.replace();
    };
    return worker;
  }

  private replace(): void {
    this.worker.terminate();
    this.generation++;
    this.worker = this.start();
  }

  private failAll(error: Error): void {
    for (const p of this.pending.values()) p.reject(error);
    this.pending.clear();
  }

  private receive(data: unknown): void {
    const parsed = WorkerResponseSchema.safeParse(data);
    if (!parsed.success) return;
    const msg = parsed.data;
    const pending = this.pending.get(msg.id);
    if (!pending) return;
    if (msg.type === 'progress') {
      pending.onProgress?.({ phase: msg.phase, done: msg.done, total: msg.total });
      return;
    }
    this.pending.delete(msg.id);
    if (msg.type === 'error') {
      pending.reject(new ImportWorkerError(msg.code, msg.message));
      return;
    }
    const value = RESULT_SCHEMAS[pending.type].safeParse(msg.value);
    if (value.success) pending.resolve(value.data);
    else
      pending.reject(
        new ImportWorkerError(
          'bad_response',
          'The file reader gave an unexpected answer. Reload the window and try again.',
        ),
      );
  }

  request<T extends RequestType>(
    type: T,
    body: RequestBody<T>,
    onProgress?: ProgressListener,
    transfer: Transferable[] = [],
  ): Promise<ResultOf<T>> {
    const id = this.nextId++;
    return new Promise<ResultOf<T>>((resolve, reject) => {
      this.pending.set(id, { type, resolve: resolve as (v: unknown) => void, reject, onProgress });
      this.worker.postMessage({ ...body, type, id }, transfer);
    });
  }

  /** Reads the file (a text file in `encoding` when given) and hashes it; the bytes are transferred, not copied. */
  open(
    file: { name: string; bytes: ArrayBuffer; encoding?: TextEncoding | null },
    onProgress?: ProgressListener,
  ): Promise<ResultOf<'open'>> {
    const encoding = file.encoding ? { encoding: file.encoding } : {};
    return this.request('open', { fileName: file.name, bytes: file.bytes, ...encoding }, onProgress, [
      file.bytes,
    ]);
  }

  /** Stops whatever the worker is doing at once; every pending request rejects with code 'cancelled'. */
  cancel(): void {
    this.failAll(new ImportWorkerError('cancelled', 'Cancelled.'));
    this.replace();
  }

  dispose(): void {
    this.failAll(new ImportWorkerError('cancelled', 'Cancelled.'));
    this.worker.terminate();
  }
}
