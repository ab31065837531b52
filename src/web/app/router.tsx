import { Suspense, type ComponentType } from 'react';
import { createBrowserRouter, Navigate, Outlet, useLocation, type RouteObject } from 'react-router-dom';
import type { Role } from '../api/types';
import { CrashPage } from '../components/crash-page';
import { NotFound } from '../components/not-found';
import { Loading } from '../components/query-state';
import { AgentShell } from './agent-shell';
import { PortalShell } from './portal-shell';
import { pageRoutes, type PageRoute } from './routes';
import { isStaff, useSession } from './session';

/** Where a user lands after signing in or opening `/`. */
export function homeFor(role: Role): string {
  return role === 'customer' ? '/portal' : '/views/mine';
}

/** Only lets the right kind of signed-in user into an area; everyone else is sent where they belong. */
function AreaGate({ area }: { area: 'agent' | 'portal' }) {
  const { user, loading } = useSession();
  const location = useLocation();
  if (loading) return <Loading minHeight={400} />;
  if (!user) return <Navigate to={`/sign-in?next=${encodeURIComponent(location.pathname + location.search)}`} replace />;
  if (area === 'agent' && !isStaff(user)) return <Navigate to="/portal" replace />;
  if (area === 'portal' && isStaff(user)) return <Navigate to={homeFor(user.role)} replace />;
  return area === 'agent' ? <AgentShell /> : <PortalShell />;
}

function RoleGate({ roles, component: Page }: { roles?: readonly Role[]; component: ComponentType }) {
  const { user } = useSession();
  if (roles && (!user || !roles.includes(user.role))) return <NotFound />;
  return <Page />;
}

function Home() {
  const { user, loading } = useSession();
  if (loading) return <Loading minHeight={400} />;
  return <Navigate to={user ? homeFor(user.role) : '/sign-in'} replace />;
}

// Each page has its own error element, so a crashing page keeps the navigation around it.
const toRoute = (r: PageRoute): RouteObject => ({
  path: r.path,
  element: <RoleGate roles={r.roles} component={r.component} />,
  errorElement: <CrashPage />,
});

/** The router, built from the `pageRoutes` registry. */
export function createAppRouter() {
  return createBrowserRouter([
    {
      element: (
        <Suspense fallback={<Loading minHeight={400} />}>
          <Outlet />
        </Suspense>
      ),
      errorElement: <CrashPage />,
      children: [
        { index: true, element: <Home /> },
        ...pageRoutes.filter((r) => r.area === 'public').map(toRoute),
        { element: <AreaGate area="agent" />, children: pageRoutes.filter((r) => r.area === 'agent').map(toRoute) },
        { element: <AreaGate area="portal" />, children: pageRoutes.filter((r) => r.area === 'portal').map(toRoute) },
        { path: '*', element: <NotFound /> },
      ],
    },
  ]);
}
