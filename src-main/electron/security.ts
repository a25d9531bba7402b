import { app, shell, type Session, type WebContents } from 'electron';
import type { Logger } from '../logging/log';
import { navigationDecision, windowOpenDecision } from './policy';

/**
 * Window and session hardening, installed once before any window exists so every webContents
 * (including ones we never create on purpose) gets the same rules.
 */

function openExternally(url: string, log: Logger): void {
  shell
    .openExternal(url)
    .catch((e: unknown) => log.warn(`Could not open ${url} in the browser: ${String(e)}`));
}

function hardenWebContents(contents: WebContents, log: Logger): void {
  contents.on('will-navigate', (event) => {
    const decision = navigationDecision(event.url);
    if (decision === 'allow') return;
    event.preventDefault();
    if (decision === 'open-externally') openExternally(event.url, log);
    else log.warn(`Blocked navigation to ${event.url}`);
  });
  // Sub-frame navigations and server redirects get the same treatment but never open a browser.
  contents.on('will-frame-navigate', (event) => {
    if (navigationDecision(event.url) !== 'allow') event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    if (navigationDecision(event.url) !== 'allow') event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (windowOpenDecision(url) === 'open-externally') openExternally(url, log);
    else log.warn(`Blocked window.open of ${url}`);
    return { action: 'deny' };
  });
}

/** LeadPrep needs no camera, microphone, notifications, geolocation, HID, serial or USB. */
export function hardenSession(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
}

/** Call before app 'ready'. */
export function installAppHardening(log: Logger): void {
  app.enableSandbox();
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, log));
  app.on('session-created', hardenSession);
}
