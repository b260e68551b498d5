/**
 * Worker threads run compiled JavaScript. Run from the TypeScript sources (tests, `tsx`), a
 * module's worker is taken from its compiled copy in dist/, which `npm test` builds first: worker
 * threads do not go through the TypeScript loader.
 */
export function workerScript(callerUrl: string, file: string): URL {
  const url = new URL(file, callerUrl);
  if (!callerUrl.endsWith('.ts')) return url;
  return new URL(url.href.replace(/\/src\/((?:[^/]+\/)*[^/]+)\.js$/, '/dist/$1.js'));
}
