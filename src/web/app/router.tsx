import { lazy, Suspense, type ComponentType } from 'react';
import { createBrowserRouter, matchPath, Navigate, Outlet, useLocation, type RouteObject } from 'react-router-dom';
import { CrashPage } from '../components/crash-page';
import { NotFound } from '../components/not-found';
import { PageSkeleton } from '../components/page-skeleton';
import { Loading } from '../components/query-state';
import { homeFor } from './home';
import { pageRoutes, type PageRoute } from './routes';
import { useSession } from './session';
import { meets, usePermission, type Need } from './use-permission';

// The frames are code of their own: the sign-in page needs neither, a customer never the agent's.
const AgentShell = lazy(() => import('./agent-shell').then((m) => ({ default: m.AgentShell })));
const PortalShell = lazy(() => import('./portal-shell').then((m) => ({ default: m.PortalShell })));

/**
 * Starts fetching the code of the page at `pathname` now, alongside the frame's, instead of
 * after the frame has arrived and rendered its outlet (one round trip instead of two).
 */
function preloadPage(area: PageRoute['area'], pathname: string): void {
  const route = pageRoutes.find((r) => r.area === area && matchPath(r.path, pathname));
  // A failure is not handled here: the page's own render meets it and shows the crash page.
  route?.component.preload().catch(() => {});
}

/** Only lets the right kind of signed-in user into an area; everyone else is sent where they belong. */
function AreaGate({ area }: { area: 'agent' | 'portal' }) {
  const { user, loading } = useSession();
  const check = usePermission();
  const location = useLocation();
  if (loading) return <Loading minHeight={400} />;
  if (!user) return <Navigate to={`/sign-in?next=${encodeURIComponent(location.pathname + location.search)}`} replace />;
  if (area === 'agent' && !check('workspace', 'agent')) return <Navigate to="/portal" replace />;
  if (area === 'portal' && !check('workspace', 'portal')) return <Navigate to={homeFor(check)} replace />;
  // Called while rendering on purpose: the frame suspends right below, and an effect here would
  // not run until it has loaded. Importing a module twice is harmless (it is fetched once).
  preloadPage(area, location.pathname);
  return area === 'agent' ? <AgentShell /> : <PortalShell />;
}

function PermissionGate({ need, component: Page }: { need?: Need; component: ComponentType }) {
  const check = usePermission();
  if (!meets(check, need)) return <NotFound />;
  return <Page />;
}

function Home() {
  const { user, loading } = useSession();
  const check = usePermission();
  if (loading) return <Loading minHeight={400} />;
  return <Navigate to={user ? homeFor(check) : '/sign-in'} replace />;
}

// Each page has its own error element, so a crashing page keeps the navigation around it.
const toRoute = (r: PageRoute): RouteObject => ({
  path: r.path,
  element: <PermissionGate need={r.need} component={r.component} />,
  errorElement: <CrashPage />,
});

/** The router, built from the `pageRoutes` registry. */
export function createAppRouter() {
  return createBrowserRouter([
    {
      element: (
        <Suspense fallback={<PageSkeleton padded />}>
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
