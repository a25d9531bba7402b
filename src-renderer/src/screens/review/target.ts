import { screenTarget } from '../../store/screenTarget';

/**
 * The run Review shows (null until one is chosen: the screen then picks the newest with sequences),
 * and `openInReview`, which a run of the Generate screen offers.
 */
export const { useTarget: useReviewTarget, open: openInReview } = screenTarget('review');
