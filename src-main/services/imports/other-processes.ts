/*
 * What another process does to the database reaches the screens too: the CLI beside the app commits an
 * import, edits the suppression list or re-checks the drafts that follow it. SQLite's data_version moves
 * only when another connection commits, so a cheap poll tells the screens to read again; the CLI itself
 * has no screens and does not poll.
 */
import type { AppContext } from '../../app/context';
import { dataVersion } from './versions';

const POLL_MS = 1_000;

export function followOtherProcesses(ctx: AppContext, announceSuppressions: () => void): void {
  if (ctx.host === 'cli') return;
  const { sqlite } = ctx.database;
  let seen = dataVersion(sqlite);
  const timer = setInterval(() => {
    const now = dataVersion(sqlite);
    if (now === seen) return;
    seen = now;
    ctx.events.emit('imports.changed', { importId: null });
    announceSuppressions();
  }, POLL_MS);
  timer.unref();
  ctx.onClose(() => clearInterval(timer));
}
