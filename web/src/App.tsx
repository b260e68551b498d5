/** The frame: a left navigation, the session box, and the page the hash route names. */
import { lazy, Suspense, type ReactNode } from 'react';
import { Loading } from './components/ui';
import { DatasetPage, DatasetsPage } from './pages/Datasets';
import { DocumentPage, DocumentsPage } from './pages/Documents';
import { EntityPage } from './pages/Entity';
import { LoginPage } from './pages/Login';
import { ResolutionPage } from './pages/Resolution';
import { ScreeningPage } from './pages/Screening';
import { SearchPage } from './pages/Search';
import { href, useRoute, type Route } from './router';
import { SessionProvider, useSession } from './session';

// The heavy parts (sigma's WebGL, echarts) load only when their page is opened.
const NetworkPage = lazy(() => import('./pages/Network'));
const ConvergencePage = lazy(() => import('./pages/Convergence'));
const TimelinePage = lazy(() => import('./pages/Timeline'));

const NAV: Array<{ key: string; label: string }> = [
  { key: 'search', label: 'Search' },
  { key: 'network', label: 'Network' },
  { key: 'screening', label: 'Screening' },
  { key: 'documents', label: 'Documents' },
  { key: 'convergence', label: 'Convergence' },
  { key: 'timeline', label: 'Timeline' },
  { key: 'resolution', label: 'Resolution' },
  { key: 'datasets', label: 'Datasets' },
];

export function App() {
  return (
    <SessionProvider>
      <Shell />
    </SessionProvider>
  );
}

function Shell() {
  const route = useRoute();
  const section = route.parts[0] ?? 'search';
  return (
    <div className="shell">
      <a
        className="skip"
        href="#main"
        onClick={(e) => (e.preventDefault(), document.getElementById('main')?.focus())}
      >
        Skip to content
      </a>
      <nav className="sidebar" aria-label="Main">
        <a className="brand" href={href('search')}>
          <span className="logo" aria-hidden="true" />
          Tangle
        </a>
        <ul>
          {NAV.map((n) => (
            <li key={n.key}>
              <a
                href={href(n.key)}
                aria-current={
                  section === n.key || (n.key === 'search' && section === 'entity') ? 'page' : undefined
                }
              >
                {n.label}
              </a>
            </li>
          ))}
        </ul>
        <SessionBox />
      </nav>
      <main id="main" tabIndex={-1}>
        <Gate>
          <Suspense fallback={<Loading what="the page" />}>{page(route)}</Suspense>
        </Gate>
      </main>
    </div>
  );
}

function page(route: Route): ReactNode {
  const [section, id] = route.parts;
  switch (section) {
    case undefined:
    case 'search':
      return <SearchPage query={route.query} />;
    case 'entity':
      return id ? <EntityPage key={id} id={id} /> : <SearchPage query={route.query} />;
    case 'network':
      return <NetworkPage query={route.query} />;
    case 'screening':
      return <ScreeningPage />;
    case 'documents':
      return id ? <DocumentPage key={id} id={id} /> : <DocumentsPage />;
    case 'convergence':
      return <ConvergencePage query={route.query} />;
    case 'timeline':
      return <TimelinePage query={route.query} />;
    case 'resolution':
      return <ResolutionPage />;
    case 'datasets':
      return id ? <DatasetPage key={id} name={id} query={route.query} /> : <DatasetsPage />;
    case 'login':
      return <LoginPage next={route.query.get('next') ?? ''} />;
    default:
      return <p className="error">No page {section}.</p>;
  }
}

/** When reading needs a login and nobody is logged in, every page but login asks for it. */
function Gate({ children }: { children: ReactNode }) {
  const session = useSession();
  const route = useRoute();
  if (!session.loaded) return <Loading what="your session" />;
  if (session.readAccess === 'login' && !session.user && route.parts[0] !== 'login')
    return <LoginPage next={window.location.hash} />;
  return <>{children}</>;
}

function SessionBox() {
  const session = useSession();
  if (!session.loaded) return null;
  if (!session.user)
    return (
      <div className="session">
        <a className="button secondary" href={href('login', { next: window.location.hash })}>
          Log in
        </a>
      </div>
    );
  return (
    <div className="session">
      <p>
        <span className="who">{session.user.username}</span>
        <span className={`role role-${session.user.role}`}>{session.user.role}</span>
      </p>
      <button type="button" className="secondary" onClick={() => void session.logout()}>
        Log out
      </button>
    </div>
  );
}
