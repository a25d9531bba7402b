/*
 * WAL checkpoints on a worker thread with a connection of its own. A checkpoint copies what the
 * WAL holds into the database file and fsyncs it: on the 100k-row import that was ~250 ms of the
 * main process's time, spent in pauses of up to 50 ms. SQLite lets any connection checkpoint
 * while another writes, so bulk writers (the import's staging, commit, delete, bulk actions, undo)
 * run each transaction through `bulkWrite`: no automatic checkpoint at its commit, a request to
 * the thread after it; the event loop never waits on the copy.
 *
 * The worker starts on the first request. Its code is a string evaluated in the thread (no file
 * to find in an asar archive, a bundle or the test runner); it loads the same better-sqlite3, and
 * the same Electron-ABI binding when the host passed one. If it cannot start or fails later, every
 * request runs the checkpoint inline on the caller's connection, as before: nothing depends on the
 * worker but where the time is spent.
 */
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type Database from 'better-sqlite3';
import { z } from 'zod';

export interface Checkpointer {
  /** A PASSIVE checkpoint soon, off this thread; requests while one runs are coalesced into one more. */
  request(): void;
  /**
   * Runs `write` (a transaction on the connection) without SQLite's automatic checkpoint at its
   * commit, then requests one here. Without the thread, `write` runs as it is and SQLite
   * checkpoints at its commit as usual.
   */
  bulkWrite<T>(write: () => T): T;
  /** Resolves once no checkpoint is running or asked for. */
  idle(): Promise<void>;
  /** Stops the worker and closes its connection; later requests run inline. */
  close(): Promise<void>;
}

export interface CheckpointerOptions {
  /** The connection bulk writes go through: the inline fallback checkpoints on it. */
  sqlite: Database.Database;
  nativeBinding?: string;
  /** Told once when the worker is unavailable and checkpoints fall back to inline. */
  onFallback?: (reason: string) => void;
  /** The better-sqlite3 entry the worker loads; resolved from this module when absent. */
  modulePath?: string;
}

const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.modulePath);
const db = new Database(workerData.databasePath, workerData.nativeBinding ? { nativeBinding: workerData.nativeBinding } : {});
db.pragma('busy_timeout = 5000');
parentPort.on('message', (m) => {
  if (m === 'close') {
    db.close();
    parentPort.close();
    return;
  }
  try {
    db.pragma('wal_checkpoint(PASSIVE)');
    parentPort.postMessage({ ok: true });
  } catch (e) {
    parentPort.postMessage({ ok: false, message: String(e && e.message ? e.message : e) });
  }
});
`;

const Reply = z.object({ ok: z.boolean(), message: z.string().optional() });

function betterSqlitePath(): string {
  // From this module's folder: the app's node_modules in development, in a bundle and in the packaged app.
  return createRequire(join(__dirname, 'checkpointer.js')).resolve('better-sqlite3');
}

export function createCheckpointer(opts: CheckpointerOptions): Checkpointer {
  const { sqlite } = opts;
  let worker: Worker | null = null;
  let failed: string | null = null;
  let closed = false;
  let running = false;
  let again = false;
  let idleWaiters: Array<() => void> = [];

  const inline = (): void => {
    if (sqlite.open) sqlite.pragma('wal_checkpoint(PASSIVE)');
  };
  const settle = (): void => {
    running = false;
    again = false;
    for (const resolve of idleWaiters) resolve();
    idleWaiters = [];
  };
  const fallBack = (reason: string): void => {
    if (failed !== null) return;
    failed = reason;
    worker = null;
    // What the worker was asked and did not answer is done here; an error it raises (a full disk)
    // surfaces again at the next write, where the user sees it.
    if (running) {
      try {
        inline();
      } catch (e) {
        failed = `${reason}; the checkpoint failed here too: ${(e as Error).message}`;
      }
    }
    opts.onFallback?.(failed);
    settle();
  };

  function start(): Worker | null {
    if (worker !== null || failed !== null || closed) return worker;
    try {
      const w = new Worker(WORKER_SOURCE, {
        eval: true,
        workerData: {
          modulePath: opts.modulePath ?? betterSqlitePath(),
          databasePath: sqlite.name,
          nativeBinding: opts.nativeBinding,
        },
      });
      // A checkpoint never keeps the process alive (the CLI exits when its work is done).
      w.unref();
      w.on('message', (m: unknown) => {
        const reply = Reply.safeParse(m);
        if (!reply.success || !reply.data.ok) {
          // A checkpoint that fails (disk full, I/O error) is retried inline, where the error surfaces.
          fallBack(reply.success ? (reply.data.message ?? 'checkpoint failed') : 'unexpected reply');
          return;
        }
        if (again && !closed) {
          again = false;
          w.postMessage('checkpoint');
        } else settle();
      });
      w.on('error', (e) => fallBack(e.message));
      w.on('exit', (code) => {
        if (!closed) fallBack(`the checkpoint thread stopped (exit code ${code})`);
      });
      worker = w;
    } catch (e) {
      fallBack((e as Error).message);
    }
    return worker;
  }

  function request(): void {
    const w = closed ? null : start();
    if (w === null) {
      inline();
      return;
    }
    if (running) {
      again = true;
      return;
    }
    running = true;
    w.postMessage('checkpoint');
  }

  return {
    request,
    bulkWrite(write) {
      if (failed !== null || closed) return write();
      const previous = sqlite.pragma('wal_autocheckpoint', { simple: true }) as number;
      sqlite.pragma('wal_autocheckpoint = 0');
      try {
        return write();
      } finally {
        sqlite.pragma(`wal_autocheckpoint = ${previous}`);
        request();
      }
    },
    idle() {
      if (!running) return Promise.resolve();
      return new Promise((resolve) => idleWaiters.push(resolve));
    },
    async close() {
      if (closed) return;
      closed = true;
      const w = worker;
      worker = null;
      if (w === null) return;
      await new Promise<void>((resolve) => {
        w.once('exit', () => resolve());
        // Awaited: an unref'd thread alone would let the process exit before its connection closed.
        w.ref();
        w.postMessage('close');
      });
      settle();
    },
  };
}
