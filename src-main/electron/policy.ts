import type { BrowserWindowConstructorOptions, CustomScheme, WebPreferences } from 'electron';
import { isSafeExternalUrl } from '../services/settings';

/**
 * The security decisions of the desktop host as plain data and pure functions, so they can be unit
 * tested without an Electron binary. Only type imports from 'electron' are allowed in this file.
 */

export const APP_SCHEME = 'app';
export const APP_HOST = 'leadprep';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

export { IPC_CALL_CHANNEL, IPC_CALL_JSON_CHANNEL, IPC_EVENT_CHANNEL } from '../../src-preload/channels';

/**
 * `standard` gives the scheme real origins and relative URL resolution, `secure` makes it a secure
 * context, `supportFetchAPI` lets module scripts and workers load from it. `bypassCSP` and
 * `corsEnabled` stay off: the first would void the CSP, the second would let other origins read it.
 */
export const APP_SCHEME_PRIVILEGES: CustomScheme = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
};

/**
 * Vite emits external module scripts and worker files (no inline scripts, no eval), so 'self' covers
 * scripts and workers; blob: is kept for workers because Vite inlines small workers as blob URLs.
 * React sets style attributes at runtime, which needs 'unsafe-inline' for styles only.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** webPreferences every LeadPrep window gets; the preload path and devTools are added per window. */
export const SECURE_WEB_PREFERENCES = Object.freeze({
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  experimentalFeatures: false,
  webviewTag: false,
  navigateOnDragDrop: false,
  safeDialogs: true,
  // Middle-click would otherwise try to open a new window; window.open is denied anyway.
  disableBlinkFeatures: 'Auxclick',
  spellcheck: true,
} satisfies WebPreferences);

export function mainWindowOptions(
  preload: string,
  opts: { devTools: boolean },
): BrowserWindowConstructorOptions {
  return {
    title: 'LeadPrep',
    width: 1280,
    height: 820,
    minWidth: 960,
    minHeight: 600,
    show: false,
    backgroundColor: '#ffffff',
    webPreferences: { ...SECURE_WEB_PREFERENCES, preload, devTools: opts.devTools },
  };
}

/** True only for URLs inside the app's own origin (app://leadprep), the one place windows may show. */
export function isAppUrl(raw: string): boolean {
  try {
    const url = new URL(raw);
    return (
      url.protocol === `${APP_SCHEME}:` && url.host === APP_HOST && url.username === '' && url.password === ''
    );
  } catch {
    return false;
  }
}

export type NavigationDecision = 'allow' | 'deny' | 'open-externally';

/**
 * In-app navigation stays inside app://leadprep; a web link the user follows goes to the OS browser
 * (after the same http/https-only check the `links.open` call uses); everything else is dropped.
 */
export function navigationDecision(raw: string): NavigationDecision {
  if (isAppUrl(raw)) return 'allow';
  return isSafeExternalUrl(raw) ? 'open-externally' : 'deny';
}

/** `window.open` never creates a window; web links are handed to the OS browser instead. */
export function windowOpenDecision(raw: string): Exclude<NavigationDecision, 'allow'> {
  return isSafeExternalUrl(raw) ? 'open-externally' : 'deny';
}

export interface SenderInfo {
  /** URL of event.senderFrame, or null when the frame is gone (navigated away or destroyed). */
  frameUrl: string | null;
  /** event.senderFrame.parent === null */
  isMainFrame: boolean;
  /** The sending webContents belongs to a window LeadPrep created. */
  fromOwnWindow: boolean;
}

/**
 * An IPC call is served only when it comes from the top frame of one of our windows showing our own
 * origin: an iframe, a window that navigated elsewhere or a foreign webContents is refused.
 */
export function isTrustedSender(sender: SenderInfo): boolean {
  return sender.fromOwnWindow && sender.isMainFrame && sender.frameUrl !== null && isAppUrl(sender.frameUrl);
}
