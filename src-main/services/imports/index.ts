/*
 * The imports service: staging of pipeline results, Clean & dedupe over the
 * database, commit / rollback, the suppression list and mapping templates.
 * The flow is described in src-shared/contract/imports.ts.
 */
import type { Handlers } from '../../../src-shared/contract';
import type { AppContext } from '../../app/context';
import { createCore } from './core';
import { createLifecycle } from './lifecycle';
import { createReview } from './review';
import { createStaging } from './staging';
import { createSuppressions } from './suppressions';
import { createTemplates } from './templates';
import { followOtherProcesses } from './other-processes';

type ImportsHandlers = Pick<
  Handlers,
  | 'imports.dedupeIndex'
  | 'imports.checkHash'
  | 'imports.stageBegin'
  | 'imports.stageRows'
  | 'imports.stageGroups'
  | 'imports.stageEnd'
  | 'imports.commit'
  | 'imports.delete'
  | 'imports.list'
  | 'imports.get'
  | 'imports.templates.list'
  | 'imports.templates.save'
  | 'imports.templates.rename'
  | 'imports.templates.delete'
  | 'imports.templates.match'
  | 'leads.page'
  | 'leads.edit'
  | 'leads.applySuggestion'
  | 'leads.bulk'
  | 'leads.flagCounts'
  | 'leads.undo'
  | 'groups.list'
  | 'groups.resolve'
  | 'groups.keepBoth'
  | 'suppressions.list'
  | 'suppressions.add'
  | 'suppressions.remove'
  | 'suppressions.restore'
>;

export function createImportsService(ctx: AppContext) {
  const core = createCore(ctx);
  const lifecycle = createLifecycle(core);
  const templates = createTemplates(core);
  const suppressions = createSuppressions(core);
  lifecycle.resumeDeletes();
  lifecycle.recheckDraftsAfterUpgrade();
  followOtherProcesses(ctx, suppressions.announce);
  const handlers: ImportsHandlers = {
    ...createStaging(core, suppressions.handlers['suppressions.add']),
    ...lifecycle.handlers,
    ...templates.handlers,
    ...createReview(core),
    ...suppressions.handlers,
  };
  return { handlers, discard: lifecycle.discard, findTemplateByName: templates.findByName };
}

export type ImportsService = ReturnType<typeof createImportsService>;
