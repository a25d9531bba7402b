import type { CommandModule } from '../runtime';
import { registerDoctor } from './doctor';
import { registerKeys } from './keys';
import { registerImports } from './imports';
import { registerServe } from './serve';
import { registerGeneration } from './generation';
import { registerReview } from './review';
import { registerPush, registerPushProfiles } from './push';

/** Every CLI command group, registered in this order (it is also the order of `leadprep --help`). */
export const commandModules: CommandModule[] = [
  registerDoctor,
  registerKeys,
  registerImports,
  registerServe,
  registerGeneration,
  registerReview,
  registerPush,
  registerPushProfiles,
];
