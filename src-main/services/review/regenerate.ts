import type { AppContext } from '../../app/context';
import { regenerateLeads } from '../generation/regenerate';
import type { ReviewDeps } from '.';

/**
 * Regeneration goes through the generation queue (a new batch of the same run); the generation code
 * stores the new text with applyRegeneratedSteps when it arrives, the current text staying until then.
 */
export function regenerateLeadsForReview(ctx: AppContext): ReviewDeps['regenerateLeads'] {
  return (runId, leadIds) => regenerateLeads(ctx, runId, leadIds);
}
