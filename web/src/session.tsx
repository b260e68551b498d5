/** Who is logged in: asked once on load (GET /auth/session), changed by login and logout. */
import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import { api, setCsrfToken, type Role, type User } from './api/client';

export interface Session {
  loaded: boolean;
  user: User | null;
  readAccess: 'open' | 'login';
  login(username: string, password: string): Promise<void>;
  logout(): Promise<void>;
  /** True when the user's role is at least `role`. */
  can(role: Role): boolean;
}

const RANK: Record<Role, number> = { viewer: 1, analyst: 2, admin: 3 };

const SessionContext = createContext<Session | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<{ loaded: boolean; user: User | null; readAccess: 'open' | 'login' }>({
    loaded: false,
    user: null,
    readAccess: 'open',
  });
  useEffect(() => {
    api
      .session()
      .then((s) => {
        setCsrfToken(s.csrfToken ?? null);
        setState({ loaded: true, user: s.user, readAccess: s.readAccess });
      })
      .catch(() => setState((s) => ({ ...s, loaded: true })));
  }, []);
  const login = useCallback(async (username: string, password: string) => {
    const r = await api.login(username, password);
    setCsrfToken(r.csrfToken);
    setState((s) => ({ ...s, user: r.user }));
  }, []);
  const logout = useCallback(async () => {
    await api.logout();
    setCsrfToken(null);
    setState((s) => ({ ...s, user: null }));
  }, []);
  const can = useCallback((role: Role) => !!state.user && RANK[state.user.role] >= RANK[role], [state.user]);
  return (
    <SessionContext.Provider value={{ ...state, login, logout, can }}>{children}</SessionContext.Provider>
  );
}

export function useSession(): Session {
  const s = useContext(SessionContext);
  if (!s) throw new Error('useSession outside SessionProvider');
  return s;
}
