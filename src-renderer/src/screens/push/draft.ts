import { keptValue } from '../../store/kept';
import type { PushForm } from './form';

/** The Push form but its run, which opens on the newest run (or the one Review hands over) each visit. */
export type PushChoices = Omit<PushForm, 'runId'>;

/** The destination, target and options chosen, kept while the user visits other screens. */
export const usePushDraft = keptValue<PushChoices>();
