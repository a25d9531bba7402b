import { AppError } from '../../../src-shared/errors';
import type { ReviewDeps } from '.';

/**
 * The generation service does not yet offer regenerating leads that already have a sequence (its
 * 'runs.retryLeads' covers leads that came back without one). Until it exports such a function, and
 * handlers.ts passes it to createReviewService instead of this one, the call says so plainly rather
 * than queueing anything behind the queue owner's back.
 */
export const regenerateLeadsForReview: ReviewDeps['regenerateLeads'] = async () => {
  throw new AppError(
    'conflict',
    'Regenerating leads that already have a sequence is not available in this version yet. Edit the text, or start a new run for these leads with "include already generated".',
  );
};
