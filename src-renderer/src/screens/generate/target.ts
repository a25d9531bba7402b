import { screenTarget } from '../../store/screenTarget';

/**
 * The import whose ready leads Generate opens on next, in place of the newest (read once), and
 * `openInGenerate`, which a committed import offers in Clean & dedupe.
 */
export const { useTarget: useGenerateTarget, open: openInGenerate } = screenTarget('generate');
