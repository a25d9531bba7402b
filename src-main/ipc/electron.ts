import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import type { Envelope } from '../../src-shared/contract/define';
import { IPC_CALL_CHANNEL, isTrustedSender, type SenderInfo } from '../electron/policy';
import type { Logger } from '../logging/log';
import type { Dispatch } from './dispatch';

function senderInfo(event: IpcMainInvokeEvent, isOwnWebContents: (id: number) => boolean): SenderInfo {
  const frame = event.senderFrame;
  return {
    frameUrl: frame ? frame.url : null,
    isMainFrame: frame !== null && frame.parent === null,
    fromOwnWindow: isOwnWebContents(event.sender.id),
  };
}

/**
 * The one IPC registration of the desktop host: every contract call arrives on one channel, the
 * sender frame is checked, then the shared dispatcher validates name, input and output with zod.
 * The handler never throws, so the renderer always receives an Envelope, never an Electron error.
 */
export function registerElectronIpc(deps: {
  dispatch: Dispatch;
  isOwnWebContents: (webContentsId: number) => boolean;
  log: Logger;
}): () => void {
  ipcMain.handle(IPC_CALL_CHANNEL, async (event, name: unknown, payload: unknown): Promise<Envelope> => {
    const sender = senderInfo(event, deps.isOwnWebContents);
    if (!isTrustedSender(sender)) {
      deps.log.warn(
        `Refused IPC call ${String(name).slice(0, 80)} from ${sender.frameUrl ?? 'a destroyed frame'}`,
      );
      return {
        ok: false,
        error: { code: 'forbidden', message: 'This call is only accepted from the LeadPrep window.' },
      };
    }
    return deps.dispatch(name, payload);
  });
  return () => ipcMain.removeHandler(IPC_CALL_CHANNEL);
}
