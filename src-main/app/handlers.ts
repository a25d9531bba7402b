import type { Handlers } from '../../src-shared/contract';
import { createSettingsService } from '../services/settings';
import type { AppContext } from './context';

/** Every contract call mapped to its service, in one place; the type makes a missing handler a compile error. */
export function createHandlers(ctx: AppContext): Handlers {
  return {
    ...createSettingsService(ctx).handlers,
  };
}
