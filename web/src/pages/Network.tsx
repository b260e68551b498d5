/**
 * The network explorer (sigma.js on graphology, WebGL). Start from an entity or a search; expand
 * neighbours; colour by schema or threat category; sanctioned parties marked with their
 * programmes; edges coloured by domain and sized by evidence strength; filters by domain and date;
 * a path finder with the evidence of every hop; scenario mode (take a party out, see who is cut off
 * from the anchor); PNG and GEXF export. Every action on the canvas also has a keyboard control in
 * the side panels.
 */
import Graph from 'graphology';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import Sigma from 'sigma';
import { api, hasRoute, type GraphEdge, type GraphNode, type GraphPath } from '../api/client';
import { EntityPicker } from '../components/EntityPicker';
import { Evidence } from '../components/Evidence';
import { Badge, EntityLink, ErrorBox, PageHeader, Programmes, SchemaChip } from '../components/ui';
import { toGexf } from '../graph/gexf';
import { placeAlong, placeAround, relax } from '../graph/layout';
import { EdgeRectangleFlatProgram, NodePointProgram } from '../graph/programs';
import { disconnectedBy } from '../graph/scenario';
import {
  CATEGORY_COLOURS,
  DOMAIN_COLOURS,
  edgeColour,
  nodeColour,
  OTHER_DOMAIN,
  SCHEMA_COLOURS,
  type ColourBy,
} from '../graph/style';
import { downloadBlob } from '../download';
import { href, navigate } from '../router';

interface View {
  colourBy: ColourBy;
  domains: Set<string> | null;
  from: string;
  to: string;
  selected: string | null;
  path: GraphPath | null;
  removed: Set<string>;
  cut: Set<string>;
}

const plural = (n: number, word: string) => `${n.toLocaleString()} ${word}${n === 1 ? '' : 's'}`;

export default function NetworkPage({ query }: { query: URLSearchParams }) {
  const start = query.get('id');
  const [available, setAvailable] = useState<boolean | null>(null);
  useEffect(() => {
    void hasRoute('/graph/neighbours/{id}').then(setAvailable);
  }, []);
  return (
    <section>
      <PageHeader
        title="Network explorer"
        sub="Parties and the links between them, from the lists and from reviewed reporting."
      />
      {available === false && (
        <p className="error" role="alert">
          This server has no graph routes (GET /graph/neighbours): the network is not available.
        </p>
      )}
      {available && !start && (
        <div className="card narrow">
          <EntityPicker
            label="Start from an entity"
            onPick={(r) => navigate(href('network', { id: r.id }))}
          />
        </div>
      )}
      {available && start && (
        <Explorer
          key={start}
          start={start}
          startHops={Math.min(3, Math.max(1, Number(query.get('hops') ?? 1)))}
        />
      )}
    </section>
  );
}

/** Most parties one expansion brings (the server's own limit is 5,000). */
const EXPAND_LIMIT = 5000;

function Explorer({ start, startHops }: { start: string; startHops: number }) {
  const [depth, setDepth] = useState(startHops);
  const container = useRef<HTMLDivElement>(null);
  const graphRef = useRef(new Graph({ multi: false, type: 'undirected' }));
  const sigmaRef = useRef<Sigma | null>(null);
  const [view, setView] = useState<View>({
    colourBy: 'schema',
    domains: null,
    from: '',
    to: '',
    selected: start,
    path: null,
    removed: new Set(),
    cut: new Set(),
  });
  const viewRef = useRef(view);
  viewRef.current = view;
  const [version, setVersion] = useState(0);
  const [error, setError] = useState<Error>();
  const [busy, setBusy] = useState('');
  const [paths, setPaths] = useState<{
    target: string;
    caption: string;
    paths: GraphPath[];
    message?: string;
  } | null>(null);
  const [truncated, setTruncated] = useState(false);
  const expanded = useRef(new Set<string>());

  const addNode = useCallback((n: GraphNode) => {
    const graph = graphRef.current;
    const attrs = {
      caption: n.caption,
      schema: n.schema,
      programmes: n.programmes,
      categories: n.categories,
      sanctioned: n.sanctioned,
      datasets: n.datasets,
    };
    if (graph.hasNode(n.id)) graph.mergeNodeAttributes(n.id, attrs);
    else graph.addNode(n.id, { ...attrs, x: 0, y: 0, size: 6 });
  }, []);

  const addEdge = useCallback((e: GraphEdge) => {
    const graph = graphRef.current;
    if (!graph.hasNode(e.source) || !graph.hasNode(e.target) || e.source === e.target) return;
    // `relation`, not `type`: sigma reads an edge's `type` as the program that draws it.
    const attrs = {
      relation: e.type,
      domain: e.domain,
      strength: e.strength,
      date: e.date ?? null,
      evidence: e.evidence,
    };
    const existing = graph.edge(e.source, e.target);
    if (existing) {
      // Two parties joined in several ways: keep the strongest link, pool the evidence.
      const old = graph.getEdgeAttributes(existing);
      if (e.strength > (old.strength as number))
        graph.mergeEdgeAttributes(existing, { ...attrs, evidence: [...e.evidence, ...(old.evidence as [])] });
      return;
    }
    graph.addEdgeWithKey(e.id, e.source, e.target, attrs);
  }, []);

  const expand = useCallback(
    async (id: string, hops = 1) => {
      setBusy(`Expanding…`);
      setError(undefined);
      try {
        const hood = await api.neighbours(id, { hops, limit: EXPAND_LIMIT });
        const graph = graphRef.current;
        const fresh = hood.nodes.filter((n) => !graph.hasNode(n.id));
        addNode(hood.center);
        for (const n of hood.nodes) addNode(n);
        for (const e of hood.edges) addEdge(e);
        placeAround(
          graph,
          hood.center.id,
          fresh.filter((n) => n.id !== hood.center.id),
        );
        // A small picture is spread so labels stay apart; a larger one moves only its newcomers.
        relax(graph, graph.order <= 60 ? 'all' : new Set(fresh.map((n) => n.id)), start);
        expanded.current.add(id);
        setTruncated(hood.truncated);
        setVersion((v) => v + 1);
      } catch (e) {
        setError(e as Error);
      } finally {
        setBusy('');
      }
    },
    [addNode, addEdge],
  );

  // Sigma, once; the reducers read the current view from a ref, so a view change is a refresh.
  useEffect(() => {
    if (!container.current) return;
    const graph = graphRef.current;
    const renderer = new Sigma(graph, container.current, {
      renderEdgeLabels: false,
      labelRenderedSizeThreshold: 7,
      stagePadding: 80,
      labelFont: 'system-ui, sans-serif',
      zIndex: true,
      // Discs and thick links drawn without instancing: far cheaper in software WebGL.
      defaultNodeType: 'point',
      nodeProgramClasses: { point: NodePointProgram },
      defaultEdgeType: 'line',
      edgeProgramClasses: { line: EdgeRectangleFlatProgram },
      nodeReducer: (node, data) => {
        const v = viewRef.current;
        const programmes = data.programmes as string[];
        // Sigma draws what the reducer returns: the node's own attributes (x, y…) with the view's changes.
        const out: Record<string, unknown> = {
          ...data,
          label: nodeLabel(data.caption as string, data.sanctioned ? programmes : []),
          color: nodeColour(v.colourBy, data.schema as string, data.categories as string[]),
          size: node === start ? 12 : data.sanctioned ? 9 : 6,
          forceLabel: node === start || node === v.selected,
          zIndex: data.sanctioned ? 1 : 0,
        };
        if (v.removed.has(node))
          Object.assign(out, { color: '#d0d4da', label: `${data.caption} (removed)`, zIndex: 0 });
        if (v.cut.has(node))
          Object.assign(out, { color: '#ff6f00', forceLabel: true, highlighted: true, zIndex: 2 });
        if (v.path) {
          const onPath = v.path.steps.some((s) => s.source === node || s.target === node);
          if (onPath) Object.assign(out, { highlighted: true, forceLabel: true, zIndex: 3 });
          else out.color = '#dfe3e8';
        }
        if (node === v.selected) Object.assign(out, { highlighted: true, zIndex: 4 });
        return out;
      },
      edgeReducer: (edge, data) => {
        const v = viewRef.current;
        const [s, t] = graph.extremities(edge);
        const domain = data.domain as string;
        const date = data.date as string | null;
        const hidden =
          (v.domains !== null && !v.domains.has(domain)) ||
          (!!date && !!v.from && date < v.from) ||
          (!!date && !!v.to && date.slice(0, v.to.length) > v.to) ||
          v.removed.has(s) ||
          v.removed.has(t);
        const strength = data.strength as number;
        const out: Record<string, unknown> = {
          ...data,
          hidden,
          color: edgeColour(domain),
          size: 0.6 + 3 * strength,
        };
        if (v.path) {
          const onPath = v.path.steps.some(
            (st) => (st.source === s && st.target === t) || (st.source === t && st.target === s),
          );
          Object.assign(out, onPath ? { color: '#111827', size: 4, zIndex: 2 } : { color: '#e6e9ee' });
        }
        return out;
      },
    });
    renderer.on('clickNode', ({ node }) => setView((v) => ({ ...v, selected: node })));
    renderer.on('doubleClickNode', (e) => {
      e.preventSigmaDefault();
      void expand(e.node);
    });
    sigmaRef.current = renderer;
    void expand(start, startHops);
    return () => {
      renderer.kill();
      sigmaRef.current = null;
    };
  }, [start, startHops, expand]);

  useEffect(() => {
    const renderer = sigmaRef.current;
    if (!renderer) return;
    // Thousands of parties: draw edges and labels only when the camera stops, so dragging stays smooth.
    const large = graphRef.current.order > 1500;
    renderer.setSetting('hideEdgesOnMove', large);
    renderer.setSetting('hideLabelsOnMove', large);
    renderer.refresh();
  }, [view, version]);

  // The camera fits the graph after it grows, leaving room on the right for labels (they run
  // rightwards from their node; sigma frames the nodes alone).
  useEffect(() => {
    const renderer = sigmaRef.current;
    if (!renderer) return;
    let [x0, x1, y0, y1] = [Infinity, -Infinity, Infinity, -Infinity];
    graphRef.current.forEachNode((_id, a) => {
      x0 = Math.min(x0, a.x as number);
      x1 = Math.max(x1, a.x as number);
      y0 = Math.min(y0, a.y as number);
      y1 = Math.max(y1, a.y as number);
    });
    if (Number.isFinite(x0)) {
      renderer.setCustomBBox({ x: [x0, x1 + 0.3 * Math.max(x1 - x0, y1 - y0, 1)], y: [y0, y1] });
      renderer.refresh();
    }
    renderer.getCamera().animatedReset({ duration: 300 });
  }, [version]);

  const graph = graphRef.current;
  const nodes = useMemo(() => {
    const out: Array<{ id: string; caption: string }> = [];
    graph.forEachNode((id, a) => out.push({ id, caption: a.caption as string }));
    return out.sort((a, b) => a.caption.localeCompare(b.caption));
  }, [version, graph]);
  const domains = useMemo(() => {
    const s = new Set<string>();
    graph.forEachEdge((_e, a) => s.add(a.domain as string));
    return [...s].sort();
  }, [version, graph]);
  const selected = view.selected && graph.hasNode(view.selected) ? view.selected : null;
  const sel = selected ? graph.getNodeAttributes(selected) : null;

  const findPaths = async (target: string, caption: string) => {
    const source = selected ?? start;
    setBusy('Finding paths…');
    setError(undefined);
    try {
      const r = await api.path(source, target, { k: 3, max_hops: 6 });
      // Bring every party on the paths into the picture.
      const missing = new Set<string>();
      for (const p of r.paths)
        for (const s of p.steps)
          for (const id of [s.source, s.target]) if (!graph.hasNode(id)) missing.add(id);
      const centres = await Promise.all([...missing].map((id) => api.neighbours(id, { hops: 1, limit: 1 })));
      const brought = new Set(missing);
      for (const c of centres) addNode(c.center);
      // Each path as a line outwards from its source; the second and third bend a little aside.
      r.paths.forEach((p, i) =>
        placeAlong(
          graph,
          p.nodes ?? [p.steps[0]?.source ?? source, ...p.steps.map((s) => s.target)],
          missing,
          i * 0.45,
        ),
      );
      for (const p of r.paths)
        for (const s of p.steps)
          if (!graph.hasEdge(s.source, s.target))
            addEdge({
              id: `path:${s.source}>${s.target}`,
              source: s.source,
              target: s.target,
              type: s.type,
              domain: s.domain ?? 'unspecified',
              strength: s.strength ?? 0.5,
              evidence: s.evidence,
            });
      relax(graph, graph.order <= 60 ? 'all' : brought, start);
      setPaths({ target, caption, paths: r.paths, message: r.message });
      setView((v) => ({ ...v, path: r.paths[0] ?? null }));
      setVersion((x) => x + 1);
    } catch (e) {
      setError(e as Error);
    } finally {
      setBusy('');
    }
  };

  const removeNode = (id: string) =>
    setView((v) => {
      const removed = new Set(v.removed).add(id);
      return { ...v, removed, cut: new Set(disconnectedBy(graph, start, removed)) };
    });

  const exportPng = () => {
    const renderer = sigmaRef.current;
    if (!renderer || !container.current) return;
    renderer.refresh();
    const { width, height } = container.current.getBoundingClientRect();
    const ratio = window.devicePixelRatio || 1;
    const canvas = document.createElement('canvas');
    canvas.width = width * ratio;
    canvas.height = height * ratio;
    const ctx = canvas.getContext('2d')!;
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    // Layers in order (edges, nodes, labels…), drawn in the same task as the render above.
    for (const layer of Object.values(renderer.getCanvases()))
      ctx.drawImage(layer, 0, 0, canvas.width, canvas.height);
    canvas.toBlob((blob) => blob && downloadBlob('tangle-network.png', blob), 'image/png');
  };

  const legend =
    view.colourBy === 'schema'
      ? Object.entries(SCHEMA_COLOURS).filter(([k]) => graph.someNode((_n, a) => a.schema === k))
      : Object.entries(CATEGORY_COLOURS).filter(([k]) =>
          graph.someNode((_n, a) => (a.categories as string[]).includes(k)),
        );

  return (
    <>
      {error && <ErrorBox error={error} />}
      <div className="explorer">
        <div className="panel" role="region" aria-label="Controls">
          <h2>Explore</h2>
          <p className="small muted" aria-live="polite">
            {busy || `${plural(graph.order, 'node')} · ${plural(graph.size, 'link')}`}
            {truncated && ' · the last expansion was cut at its limit'}
          </p>
          <label htmlFor="node-select">Node</label>
          <select
            id="node-select"
            value={selected ?? ''}
            onChange={(e) => setView((v) => ({ ...v, selected: e.target.value || null }))}
          >
            {nodes.map((n) => (
              <option key={n.id} value={n.id}>
                {n.caption}
              </option>
            ))}
          </select>
          <div className="actions">
            <button
              type="button"
              disabled={!selected || !!busy}
              onClick={() => selected && void expand(selected, depth)}
            >
              Expand neighbours
            </button>
            <label className="inline">
              by
              <select
                value={depth}
                onChange={(e) => setDepth(Number(e.target.value))}
                aria-label="Steps to expand by"
              >
                <option value={1}>1 step</option>
                <option value={2}>2 steps</option>
                <option value={3}>3 steps</option>
              </select>
            </label>
            <button
              type="button"
              className="secondary"
              disabled={!selected || selected === start}
              onClick={() => selected && removeNode(selected)}
            >
              Remove (scenario)
            </button>
          </div>
          <h3>Colour by</h3>
          <label className="check">
            <input
              type="radio"
              name="colour"
              checked={view.colourBy === 'schema'}
              onChange={() => setView((v) => ({ ...v, colourBy: 'schema' }))}
            />
            schema
          </label>
          <label className="check">
            <input
              type="radio"
              name="colour"
              checked={view.colourBy === 'category'}
              onChange={() => setView((v) => ({ ...v, colourBy: 'category' }))}
            />
            threat category
          </label>
          <fieldset className="facet">
            <legend>Domains</legend>
            {domains.map((d) => (
              <label key={d} className="check">
                <input
                  type="checkbox"
                  checked={view.domains === null || view.domains.has(d)}
                  onChange={(e) =>
                    setView((v) => {
                      const next = new Set(v.domains ?? domains);
                      if (e.target.checked) next.add(d);
                      else next.delete(d);
                      return { ...v, domains: next };
                    })
                  }
                />
                <span className="swatch" style={{ background: DOMAIN_COLOURS[d] ?? OTHER_DOMAIN }} />
                {d}
              </label>
            ))}
          </fieldset>
          <label>
            Links dated from
            <input
              type="date"
              value={view.from}
              onChange={(e) => setView((v) => ({ ...v, from: e.target.value }))}
            />
          </label>
          <label>
            until
            <input
              type="date"
              value={view.to}
              onChange={(e) => setView((v) => ({ ...v, to: e.target.value }))}
            />
          </label>
          <h3>Export</h3>
          <div className="actions">
            <button type="button" className="secondary" onClick={exportPng}>
              PNG
            </button>
            <button
              type="button"
              className="secondary"
              onClick={() =>
                downloadBlob('tangle-network.gexf', new Blob([toGexf(graph)], { type: 'application/xml' }))
              }
            >
              GEXF
            </button>
          </div>
        </div>
        <div className="graph-canvas">
          <div
            ref={container}
            className="sigma-host"
            role="img"
            aria-label="Network graph; use the side panels to explore it"
          />
          {legend.length > 0 && (
            <div className="legend" aria-hidden="true">
              {legend.map(([k, c]) => (
                <span key={k}>
                  <i className="swatch" style={{ background: c }} />
                  {k}
                </span>
              ))}
              <span>⚑ sanctioned</span>
            </div>
          )}
        </div>
        <div className="panel" role="region" aria-label="Details">
          {sel && selected && (
            <section>
              <h2>{sel.caption as string}</h2>
              <p>
                <SchemaChip schema={sel.schema as string} />{' '}
                {sel.sanctioned ? <Badge kind="danger">sanctioned</Badge> : null}
              </p>
              <Programmes values={sel.programmes as string[]} />
              {(sel.categories as string[]).length > 0 && (
                <p className="small">categories: {(sel.categories as string[]).join(', ')}</p>
              )}
              <p className="small">
                <EntityLink id={selected} caption="Open entity page" /> ·{' '}
                <a href={href('timeline', { id: selected })}>timeline</a>
              </p>
            </section>
          )}
          <section>
            <h2>Path finder</h2>
            <p className="small muted">From {sel ? (sel.caption as string) : 'the start'} to:</p>
            <EntityPicker label="Path to" onPick={(r) => void findPaths(r.id, r.caption)} />
            {paths && (
              <div aria-label="Paths">
                {!paths.paths.length && (
                  <p className="muted">{paths.message ?? `No path to ${paths.caption}.`}</p>
                )}
                {paths.paths.map((p, i) => (
                  <div key={i} className="card">
                    <button
                      type="button"
                      className={view.path === p ? '' : 'secondary'}
                      onClick={() => setView((v) => ({ ...v, path: p }))}
                    >
                      Path {i + 1}: {p.length} hop{p.length === 1 ? '' : 's'}
                    </button>{' '}
                    <span className="small muted">weight {p.weight.toFixed(2)}</span>
                    <ol className="plain">
                      {p.steps.map((s, k) => (
                        <li key={k} className="path-step">
                          <EntityLink
                            id={s.source}
                            caption={
                              graph.hasNode(s.source)
                                ? (graph.getNodeAttribute(s.source, 'caption') as string)
                                : s.source
                            }
                          />{' '}
                          <span className="muted">— {s.type} →</span>{' '}
                          <EntityLink
                            id={s.target}
                            caption={
                              graph.hasNode(s.target)
                                ? (graph.getNodeAttribute(s.target, 'caption') as string)
                                : s.target
                            }
                          />
                          <Evidence items={s.evidence} max={2} />
                        </li>
                      ))}
                    </ol>
                  </div>
                ))}
                {view.path && (
                  <button
                    type="button"
                    className="link"
                    onClick={() => setView((v) => ({ ...v, path: null }))}
                  >
                    Clear path highlight
                  </button>
                )}
              </div>
            )}
          </section>
          {view.removed.size > 0 && (
            <section aria-label="Scenario">
              <h2>Scenario</h2>
              <p className="small">
                Removed:{' '}
                {[...view.removed].map((id) => graph.getNodeAttribute(id, 'caption') as string).join(', ')}
              </p>
              <p>
                <strong>{view.cut.size}</strong> {view.cut.size === 1 ? 'party loses' : 'parties lose'} every
                link to the start.
              </p>
              <ul className="plain small">
                {[...view.cut].slice(0, 30).map((id) => (
                  <li key={id}>{graph.getNodeAttribute(id, 'caption') as string}</li>
                ))}
              </ul>
              <button
                type="button"
                className="secondary"
                onClick={() => setView((v) => ({ ...v, removed: new Set(), cut: new Set() }))}
              >
                Restore all
              </button>
            </section>
          )}
        </div>
      </div>
    </>
  );
}

/**
 * A node's label: its caption cut to a readable length, and for a sanctioned party a flag with its
 * first programme (the side panel lists them all). Long labels would cover their neighbours.
 */
function nodeLabel(caption: string, programmes: string[]): string {
  const name = caption.length > 32 ? `${caption.slice(0, 31)}…` : caption;
  if (programmes.length === 0) return name;
  return `${name} ⚑ ${programmes[0]}${programmes.length > 1 ? ` +${programmes.length - 1}` : ''}`;
}
