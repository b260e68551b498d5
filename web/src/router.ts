/**
 * Hash routing: `#/entity/<id>?tab=…`. The server serves one page, and a client path can never
 * collide with an API path such as /entities/{id}.
 */
import { useEffect, useState } from 'react';

export interface Route {
  /** Path segments after `#/`, decoded: `#/entity/abc` → ['entity', 'abc']. */
  parts: string[];
  query: URLSearchParams;
}

function parse(hash: string): Route {
  const raw = hash.replace(/^#\/?/, '');
  const [path, search = ''] = raw.split('?', 2);
  return {
    parts: path.split('/').filter(Boolean).map(decodeURIComponent),
    query: new URLSearchParams(search),
  };
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parse(window.location.hash));
  useEffect(() => {
    const on = () => setRoute(parse(window.location.hash));
    window.addEventListener('hashchange', on);
    return () => window.removeEventListener('hashchange', on);
  }, []);
  return route;
}

/** A link target: `href('entity', id)` → `#/entity/<id>`; query values that are empty are left out. */
export function href(...parts: Array<string | Record<string, string | string[] | undefined>>): string {
  const segments: string[] = [];
  const q = new URLSearchParams();
  for (const p of parts) {
    if (typeof p === 'string') segments.push(encodeURIComponent(p));
    else
      for (const [k, v] of Object.entries(p)) {
        if (Array.isArray(v)) v.forEach((x) => q.append(k, x));
        else if (v) q.set(k, v);
      }
  }
  const qs = q.toString();
  return `#/${segments.join('/')}${qs ? `?${qs}` : ''}`;
}

export function navigate(to: string, replace = false): void {
  if (replace) window.history.replaceState(null, '', to);
  else window.location.hash = to.replace(/^#/, '');
  if (replace) window.dispatchEvent(new HashChangeEvent('hashchange'));
}
