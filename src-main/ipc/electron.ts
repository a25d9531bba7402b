import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import { isBytes } from '../../src-shared/contract';
import type { Envelope } from '../../src-shared/contract/define';
import {
  IPC_CALL_CHANNEL,
  IPC_CALL_JSON_CHANNEL,
  isTrustedSender,
  type SenderInfo,
} from '../electron/policy';
import type { Logger } from '../logging/log';
import { parseJsonInput, type Dispatch } from './dispatch';

function senderInfo(event: IpcMainInvokeEvent, isOwnWebContents: (id: number) => boolean): SenderInfo {
  const frame = event.senderFrame;
  return {
    frameUrl: frame ? frame.url : null,
    isMainFrame: frame !== null && frame.parent === null,
    fromOwnWindow: isOwnWebContents(event.sender.id),
  };
}

const NOT_JSON: Envelope = {
  ok: false,
  error: { code: 'invalid_input', message: 'The encoded input of this call is not UTF-8 JSON.' },
};

/**
 * The IPC registration of the desktop host: every contract call arrives on one of two channels (its
 * input as a value, or already encoded as UTF-8 JSON bytes by a worker), the sender frame is checked,
 * then the shared dispatcher validates name, input and output with zod. The handlers never throw, so
 * the renderer always receives an Envelope, never an Electron error.
 */
export function registerElectronIpc(deps: {
  dispatch: Dispatch;
  isOwnWebContents: (webContentsId: number) => boolean;
  log: Logger;
}): () => void {
  const refusal = (event: IpcMainInvokeEvent, name: unknown): Envelope | null => {
    const sender = senderInfo(event, deps.isOwnWebContents);
    if (isTrustedSender(sender)) return null;
    deps.log.warn(
      `Refused IPC call ${String(name).slice(0, 80)} from ${sender.frameUrl ?? 'a destroyed frame'}`,
    );
    return {
      ok: false,
      error: { code: 'forbidden', message: 'This call is only accepted from the LeadPrep window.' },
    };
  };
  ipcMain.handle(IPC_CALL_CHANNEL, async (event, name: unknown, payload: unknown): Promise<Envelope> => {
    return refusal(event, name) ?? deps.dispatch(name, payload);
  });
  ipcMain.handle(IPC_CALL_JSON_CHANNEL, async (event, name: unknown, json: unknown): Promise<Envelope> => {
    const refused = refusal(event, name);
    if (refused) return refused;
    if (!isBytes(json)) return NOT_JSON;
    const parsed = parseJsonInput(
      Buffer.from(json.buffer, json.byteOffset, json.byteLength).toString('utf8'),
    );
    return parsed ? deps.dispatch(name, parsed.input) : NOT_JSON;
  });
  return () => {
    ipcMain.removeHandler(IPC_CALL_CHANNEL);
    ipcMain.removeHandler(IPC_CALL_JSON_CHANNEL);
  };
}
