import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../helpers/app';
import type { EventName } from '../../../../src-shared/contract';

let app: TestApp | null = null;
afterEach(async () => {
  await app?.close();
  app = null;
});

/** The next time `name` is emitted, or null after `ms`. */
function nextEvent(t: TestApp, name: EventName, ms: number): Promise<unknown> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      stop();
      resolve(null);
    }, ms);
    const stop = t.ctx.events.subscribe((n, payload) => {
      if (n !== name) return;
      clearTimeout(timer);
      stop();
      resolve(payload);
    });
  });
}

describe('changes another process makes (the CLI beside the app)', () => {
  it('tell the screens to read the imports and the suppression list again', async () => {
    app = createTestApp({}, 'web');
    const cli = new Database(app.ctx.paths.databasePath);
    try {
      const imports = nextEvent(app, 'imports.changed', 5_000);
      const list = nextEvent(app, 'suppressions.changed', 5_000);
      cli
        .prepare("INSERT INTO suppressions (kind, value, source, created_at) VALUES ('email', ?, 'cli', 0)")
        .run('jane@rival.io');
      expect(await imports).toEqual({ importId: null });
      expect(await list).toEqual({ total: 1 });
    } finally {
      cli.close();
    }
  });

  it("are not mistaken for the app's own changes, which announce themselves", async () => {
    app = createTestApp({}, 'web');
    await app.call('suppressions.add', { entries: ['jane@rival.io'], source: 'typed' });
    // The app's own write does not move data_version for its connection: no second announcement follows.
    expect(await nextEvent(app, 'suppressions.changed', 2_500)).toBeNull();
  });
});
