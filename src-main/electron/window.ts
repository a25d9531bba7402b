import { BrowserWindow } from 'electron';
import type { Logger } from '../logging/log';
import { APP_ENTRY_URL, mainWindowOptions } from './policy';

/** Windows created here are the only senders the IPC layer trusts. */
const ownWindowIds = new Set<number>();

export function isOwnWebContents(webContentsId: number): boolean {
  return ownWindowIds.has(webContentsId);
}

export function createMainWindow(
  preloadPath: string,
  opts: { devTools: boolean; log: Logger },
): BrowserWindow {
  const options = mainWindowOptions(preloadPath, { devTools: opts.devTools });
  const window = new BrowserWindow({
    ...options,
    // Restated at the construction site so static scanners (electronegativity) and reviewers see them.
    webPreferences: {
      ...options.webPreferences,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
    },
  });
  const id = window.webContents.id;
  ownWindowIds.add(id);
  window.on('closed', () => ownWindowIds.delete(id));
  window.once('ready-to-show', () => window.show());
  window
    .loadURL(APP_ENTRY_URL)
    .catch((e: unknown) => opts.log.error(`The LeadPrep window failed to load: ${String(e)}`));
  return window;
}

/** Brings the existing window forward, e.g. when the user launches LeadPrep a second time. */
export function focusWindow(window: BrowserWindow): void {
  if (window.isMinimized()) window.restore();
  window.show();
  window.focus();
}
