import { screenTarget } from '../../store/screenTarget';

/**
 * The import Clean & dedupe shows (null until one is opened: the screen then offers a choice), and
 * `openInClean`, which the Import screen calls after staging and from recent imports.
 */
export const { useTarget: useCleanTarget, open: openInClean } = screenTarget('clean');
