import { describe, expect, it } from 'vitest';
import {
  ImportWorkerClient,
  ImportWorkerError,
  isCancelled,
} from '../../../src-renderer/src/workers/import-client';

/** Stands in for the Web Worker: records what it was sent and lets the test answer. */
class FakeWorker {
  onmessage: ((event: MessageEvent<unknown>) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  sent: { id: number; type: string }[] = [];
  terminated = false;
  postMessage(message: { id: number; type: string }) {
    this.sent.push(message);
  }
  terminate() {
    this.terminated = true;
  }
  answer(data: unknown) {
    this.onmessage?.({ data } as MessageEvent<unknown>);
  }
}

function setup() {
  const workers: FakeWorker[] = [];
  const client = new ImportWorkerClient(() => {
    const w = new FakeWorker();
    workers.push(w);
    return w as unknown as Worker;
  });
  return { client, workers };
}

const SUGGESTION = {
  headers: ['Email'],
  mapping: [{ kind: 'field', field: 'email' }],
  samples: [['a@b.co']],
  hiddenColumns: [],
  guarded: [{}],
};

describe('ImportWorkerClient', () => {
  it('resolves a request with the parsed answer and forwards progress for it', async () => {
    const { client, workers } = setup();
    const progress: number[] = [];
    const pending = client.request('suggest', { headerRow: 0 }, (p) => progress.push(p.done));
    const w = workers[0]!;
    const { id } = w.sent[0]!;
    w.answer({ type: 'progress', id, phase: 'clean', done: 3, total: 10 });
    w.answer({ type: 'result', id, value: SUGGESTION });
    await expect(pending).resolves.toEqual(SUGGESTION);
    expect(progress).toEqual([3]);
  });

  it('turns a worker error into an ImportWorkerError with the plain message', async () => {
    const { client, workers } = setup();
    const pending = client.request('readSheet', { sheet: 'Leads' });
    const w = workers[0]!;
    w.answer({
      type: 'error',
      id: w.sent[0]!.id,
      code: 'encrypted',
      message: 'This workbook is password-protected. Remove the password in Excel and import it again.',
    });
    await expect(pending).rejects.toMatchObject({
      code: 'encrypted',
      message: expect.stringContaining('password-protected'),
    });
  });

  it('refuses an answer that does not match the request type', async () => {
    const { client, workers } = setup();
    const pending = client.request('suggest', { headerRow: 0 });
    const w = workers[0]!;
    w.answer({ type: 'result', id: w.sent[0]!.id, value: { headers: 'Email' } });
    await expect(pending).rejects.toMatchObject({ code: 'bad_response' });
  });

  it('cancel terminates the worker, rejects what was pending as cancelled and starts a fresh worker', async () => {
    const { client, workers } = setup();
    const pending = client.request('run', {
      headerRow: 0,
      mapping: [],
      includeHidden: false,
      index: { emailKeys: [], linkedinUrls: [], people: [], suppressedEmails: [], suppressedDomains: [] },
    });
    const before = client.generation;
    client.cancel();
    const error = await pending.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportWorkerError);
    expect(isCancelled(error)).toBe(true);
    expect(workers[0]!.terminated).toBe(true);
    expect(workers).toHaveLength(2);
    expect(client.generation).toBe(before + 1);

    // A late answer from the old worker is ignored; the new worker serves new requests.
    workers[0]!.answer({ type: 'result', id: 1, value: SUGGESTION });
    const next = client.request('suggest', { headerRow: 0 });
    workers[1]!.answer({ type: 'result', id: workers[1]!.sent[0]!.id, value: SUGGESTION });
    await expect(next).resolves.toEqual(SUGGESTION);
  });
});
