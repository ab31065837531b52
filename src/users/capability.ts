/** Users, teams, sign-in, sessions and API tokens. */
import type { App, Capability } from '../http/index.js';
import { personalDataSources } from '../privacy/index.js';
import authRoutes from './auth-routes.js';
import { userDataSource } from './personal-data.js';
import userRoutes from './routes.js';

async function routes(app: App) {
  await app.register(authRoutes);
  await app.register(userRoutes);
}

export const usersCapability: Capability = {
  name: 'users',
  routes,
  register(ctx) {
    ctx.registry.add(personalDataSources, 'users', userDataSource);
  },
};
