import { dailyBackup } from '../db/backups';
import type { AppContext } from './context';

/** How often a running app looks whether a day has passed since the newest copy. */
const CHECK_EVERY_MS = 60 * 60 * 1000;

/**
 * Keeps a daily copy of the database while a host runs (the desktop app, browser mode): one at start
 * when the newest is a day old, then as days pass. A failed copy is logged, never in the user's way.
 * Closing waits for a copy under way, so the database is not closed beneath it.
 */
export function startDailyBackups(ctx: Pick<AppContext, 'database' | 'paths' | 'log' | 'onClose'>): void {
  let running: Promise<void> = Promise.resolve();
  const run = (): void => {
    running = running.then(() =>
      dailyBackup(ctx.database.sqlite, ctx.paths.backupDir).then(
        (path) => {
          if (path !== null) ctx.log.info(`Daily copy of the database saved at ${path}`);
        },
        (e: unknown) =>
          ctx.log.warn(
            `The daily copy of the database failed: ${e instanceof Error ? e.message : String(e)}`,
          ),
      ),
    );
  };
  run();
  const timer = setInterval(run, CHECK_EVERY_MS);
  timer.unref();
  ctx.onClose(async () => {
    clearInterval(timer);
    await running;
  });
}
