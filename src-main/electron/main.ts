import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { app, BrowserWindow, dialog, protocol, session, shell } from 'electron';
import { createAppContext, type AppContext } from '../app/context';
import { startDailyBackups } from '../app/daily-backups';
import { createHandlers } from '../app/handlers';
import { startBackgroundQueue } from '../queue';
import { createDispatcher } from '../ipc/dispatch';
import { registerElectronIpc } from '../ipc/electron';
import { initLogging } from '../logging/log';
import { dataPaths, resolveDataDir } from '../paths';
import { isSafeExternalUrl } from '../services/settings';
import { APP_SCHEME, APP_SCHEME_PRIVILEGES, IPC_EVENT_CHANNEL } from './policy';
import { createAppRequestHandler } from './protocol';
import { hardenSession, installAppHardening } from './security';
import { createMainWindow, focusWindow, isOwnWebContents } from './window';

// userData decides where Chromium keeps its state and which single-instance lock we take, so it is
// pointed at the same directory the CLI and web host use before anything else happens.
const dataDir = resolveDataDir();
app.setPath('userData', dataDir);

// Privileged schemes can only be registered before 'ready'.
protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);

/**
 * better-sqlite3 compiled against Electron's ABI by `npm run setup` (native/electron/); the packaged
 * app needs none because electron-builder rebuilds node_modules for Electron itself.
 */
function electronNativeBinding(): string | undefined {
  if (app.isPackaged) return undefined;
  const candidate = join(app.getAppPath(), 'native', 'electron', 'better_sqlite3.node');
  return existsSync(candidate) ? candidate : undefined;
}

function startupMessage(e: unknown): string {
  const message = e instanceof Error ? e.message : String(e);
  if (/NODE_MODULE_VERSION|was compiled against a different Node\.js version/.test(message)) {
    return `${message}\n\nThe database module was built for Node.js, not for Electron. Run "npm run setup" with internet access to Electron's headers, then start LeadPrep again.`;
  }
  return message;
}

function start(): void {
  const log = initLogging(dataPaths(dataDir).logDir, dataPaths(dataDir).logPath, {
    console: !app.isPackaged,
  });
  installAppHardening(log);

  let ctx: AppContext | null = null;
  let mainWindow: BrowserWindow | null = null;

  const openWindow = () => {
    mainWindow = createMainWindow(join(__dirname, '../preload/index.cjs'), {
      devTools: !app.isPackaged,
      log,
    });
    mainWindow.on('closed', () => {
      mainWindow = null;
    });
  };

  app.on('second-instance', () => {
    if (mainWindow) focusWindow(mainWindow);
    else if (ctx) openWindow();
  });

  app.whenReady().then(
    () => {
      hardenSession(session.defaultSession);
      protocol.handle(APP_SCHEME, createAppRequestHandler(join(__dirname, '../renderer')));
      try {
        ctx = createAppContext({
          host: 'electron',
          dataDir,
          nativeBinding: electronNativeBinding(),
          platform: {
            revealPath: async (path) => {
              shell.showItemInFolder(path);
              return true;
            },
            openExternal: async (url) => {
              if (!isSafeExternalUrl(url)) return false;
              await shell.openExternal(url);
              return true;
            },
          },
        });
      } catch (e) {
        log.error(`LeadPrep could not start: ${e instanceof Error ? e.message : String(e)}`);
        dialog.showErrorBox('LeadPrep could not start', startupMessage(e));
        app.exit(1);
        return;
      }
      const context = ctx;
      registerElectronIpc({
        dispatch: createDispatcher(createHandlers(context), context.log),
        isOwnWebContents,
        log,
      });
      // After the handlers registered their job kinds: work left by a previous session resumes by itself.
      startBackgroundQueue(context);
      startDailyBackups(context);
      context.events.subscribe((name, payload) => {
        for (const window of BrowserWindow.getAllWindows()) {
          if (!window.isDestroyed() && isOwnWebContents(window.webContents.id)) {
            window.webContents.send(IPC_EVENT_CHANNEL, name, payload);
          }
        }
      });
      openWindow();
      app.on('activate', () => {
        if (!mainWindow) openWindow();
      });
    },
    (e: unknown) => {
      log.error(`Electron failed to become ready: ${String(e)}`);
      app.exit(1);
    },
  );

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  // ctx.close() stops background work and closes SQLite; quitting waits for it once, then proceeds.
  let closed = false;
  let closing = false;
  app.on('before-quit', (event) => {
    if (closed || !ctx) return;
    event.preventDefault();
    if (closing) return;
    closing = true;
    ctx
      .close()
      .catch((e: unknown) => log.error(`Closing LeadPrep failed: ${String(e)}`))
      .finally(() => {
        closed = true;
        app.quit();
      });
  });
}

// A second launch hands over to the running instance (which focuses its window) and exits, so two
// processes never open the same database and queue.
if (app.requestSingleInstanceLock()) start();
else app.quit();
