import { screenTarget } from '../../store/screenTarget';

/**
 * The run Push opens on next, in place of the newest with approved leads (read once), and
 * `openInPush`, which Review offers once leads are approved.
 */
export const { useTarget: usePushTarget, open: openInPush } = screenTarget('push');
