/** Macros (canned replies) with variants per language and register, and actions on apply. */
import type { Capability } from '../http/index.js';
import { seedMacrosDemo } from './demo.js';
import macroRoutes from './routes.js';

export const macrosCapability: Capability = { name: 'macros', routes: macroRoutes, seedDemo: seedMacrosDemo };
