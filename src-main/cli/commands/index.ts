import type { CommandModule } from '../runtime';
import { registerDoctor } from './doctor';
import { registerKeys } from './keys';
import { registerServe } from './serve';

/** Every CLI command group, registered in this order (it is also the order of `leadprep --help`). */
export const commandModules: CommandModule[] = [registerDoctor, registerKeys, registerServe];
