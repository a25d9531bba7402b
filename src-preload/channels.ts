/** IPC channel names shared by the preload and main; this file must stay dependency-free. */
export const IPC_CALL_CHANNEL = 'leadprep:call';
/** Calls whose input comes already encoded as UTF-8 JSON bytes (`LeadPrepBridge.invokeJson`). */
export const IPC_CALL_JSON_CHANNEL = 'leadprep:call-json';
export const IPC_EVENT_CHANNEL = 'leadprep:event';
