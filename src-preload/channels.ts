/** IPC channel names shared by the preload and main; this file must stay dependency-free. */
export const IPC_CALL_CHANNEL = 'leadprep:call';
export const IPC_EVENT_CHANNEL = 'leadprep:event';
