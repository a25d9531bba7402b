import { keptValue } from '../../store/kept';
import type { RunOptionFields } from './form';

/** The options typed in the New run form, kept while the user visits other screens. */
export const useRunDraft = keptValue<RunOptionFields>();
