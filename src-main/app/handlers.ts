import type { Handlers } from '../../src-shared/contract';
import { createSettingsService } from '../services/settings';
import { createImportsService } from '../services/imports';
import { createGenerationService } from '../services/generation';
import { createExportService } from '../services/export';
import { createPushService } from '../services/push';
import { createReviewService } from '../services/review';
import { regenerateLeadsForReview } from '../services/review/regenerate';
import type { AppContext } from './context';

/** Every contract call mapped to its service, in one place; the type makes a missing handler a compile error. */
export function createHandlers(ctx: AppContext): Handlers {
  return {
    ...createSettingsService(ctx).handlers,
    ...createImportsService(ctx).handlers,
    ...createGenerationService(ctx).handlers,
    ...createReviewService(ctx, { regenerateLeads: regenerateLeadsForReview(ctx) }).handlers,
    ...createExportService(ctx).handlers,
    ...createPushService(ctx).handlers,
  };
}
