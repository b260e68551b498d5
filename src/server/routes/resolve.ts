/**
 * Entity resolution over HTTP: proposals (`GET /xref`), judgements (`GET`/`POST /judgements`,
 * `GET /judgements/export` and `POST /judgements/import` as JSON lines), clusters (`GET /resolve/{id}`) and splits
 * (`POST /resolve/split`). Whoever may read sees them; analysts and admins judge and split, with
 * the usual CSRF check for browser sessions, and every write goes to the audit log.
 */
import type { FastifyInstance } from 'fastify';
import { judge, split } from '../../resolve/decide.js';
import { DECISIONS, type JudgementInput } from '../../resolve/judgements.js';
import { Resolver } from '../../resolve/resolver.js';
import { judgementsToJsonl, parseJudgementJsonl } from '../../resolve/share.js';
import { pairJson } from '../../resolve/xref.js';
import { XrefJobs } from '../../resolve/xref-jobs.js';
import { InProcessXref, WorkerXref, XrefRunError } from '../../resolve/xref-thread.js';
import { openJudgements } from '../../store/sqlite-judgements.js';
import { SqliteStore } from '../../store/sqlite.js';
import type { EntityRecord } from '../../store/store.js';
import { audit, userOf } from '../auth.js';
import type { AppContext } from '../context.js';

const list = { type: 'array', items: { type: 'string', maxLength: 100 }, maxItems: 20 } as const;
const MAX_BATCH = 1000;

interface XrefQuery {
  dataset?: string[];
  against?: string[];
  threshold?: number;
  within?: boolean;
  min_score?: number;
  pending?: boolean;
  wait: number;
  limit: number;
  offset: number;
}

interface JudgementBody {
  judgements: Array<{ left: string; right: string; decision: JudgementInput['decision']; reason?: string }>;
}

export function registerResolveRoutes(app: FastifyInstance, ctx: AppContext): void {
  const { store } = ctx;
  // The current entities, read again only when a new list version arrives.
  let records: { marker: string; list: EntityRecord[] } | undefined;
  const currentRecords = async () => {
    const marker = await store.versionMarker();
    if (records?.marker !== marker) {
      const list: EntityRecord[] = [];
      for await (const r of store.currentEntities()) list.push(r);
      records = { marker, list };
    }
    return records.list;
  };
  // A store file is paired in a worker thread that opens it read-only; an in-memory store in
  // slices on the event loop, with the server's own index.
  const inWorker = ctx.config.xrefWorker && store instanceof SqliteStore && store.path !== ':memory:';
  const xrefJobs = new XrefJobs(
    store,
    inWorker
      ? new WorkerXref((store as SqliteStore).path)
      : new InProcessXref(currentRecords, () => ctx.screening.get()),
    (err) => app.log.error({ err }, 'cross-referencing failed; the next GET /xref starts a new run'),
  );
  app.addHook('onClose', async () => xrefJobs.close());

  app.get<{ Querystring: XrefQuery }>(
    '/xref',
    {
      schema: {
        tags: ['resolution'],
        summary:
          'pairs of entities that may be one party, across datasets: `{left, right, score, decision}` as `tangle xref --json` prints them. ' +
          'Pairing the whole store takes seconds and runs in the background (in a worker thread for a store file): until it is done (waiting at most `wait` seconds) the answer is 202 with `{status: "computing", stage, done, total}` and Retry-After, ' +
          '`stage` being `waiting`, `reading`, `indexing` or `pairing` and `done` of `total` the entities screened so far. A failed run is a 500 `xref_failed`; the next request starts a new one',
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: {
            dataset: list,
            against: list,
            threshold: { type: 'number', minimum: 0, maximum: 1 },
            within: { type: 'boolean' },
            min_score: { type: 'number', minimum: 0, maximum: 1 },
            pending: { type: 'boolean', description: 'only pairs nobody has judged yet' },
            wait: { type: 'number', minimum: 0, maximum: 60, default: 10 },
            limit: { type: 'integer', minimum: 1, maximum: 5000, default: 100 },
            offset: { type: 'integer', minimum: 0, default: 0 },
          },
        },
      },
    },
    async (req, reply) => {
      const q = req.query;
      const options = { datasets: q.dataset, against: q.against, threshold: q.threshold, within: q.within };
      let state;
      try {
        state = await xrefJobs.get(options);
        if (state.status === 'computing' && q.wait > 0) {
          let timer: NodeJS.Timeout | undefined;
          await Promise.race([
            state.finished.catch(() => {}),
            new Promise((resolve) => (timer = setTimeout(resolve, q.wait * 1000))),
          ]);
          clearTimeout(timer);
          state = await xrefJobs.get(options);
        }
      } catch (err) {
        if (!(err instanceof XrefRunError)) throw err;
        // Logged with its cause when the run failed; the message names no file or internals.
        return reply.status(500).send({
          error: 'xref_failed',
          detail: 'pairing the lists failed (the error has been logged); ask again to start a new run',
        });
      }
      if (state.status === 'computing') {
        const { stage, done, total } = state.progress;
        return reply.status(202).header('Retry-After', '1').send({ status: 'computing', stage, done, total });
      }
      const run = state.run;
      const pairs = run.pairs.filter(
        (p) => (q.min_score === undefined || p.score >= q.min_score) && (!q.pending || p.decision === null),
      );
      return {
        status: 'ready',
        total: pairs.length,
        screened: run.screened,
        seconds: run.seconds,
        pairs: pairs.slice(q.offset, q.offset + q.limit).map(pairJson),
      };
    },
  );

  app.get<{ Querystring: { limit: number; offset: number } }>(
    '/judgements',
    {
      schema: {
        tags: ['resolution'],
        summary: 'the current judgements (who decided what, when) and the clusters they make',
        querystring: {
          type: 'object',
          properties: {
            limit: { type: 'integer', minimum: 1, maximum: 10000, default: 1000 },
            offset: { type: 'integer', minimum: 0, default: 0 },
          },
        },
      },
    },
    async (req) => {
      const resolver = await Resolver.load(store);
      const all = resolver.judgements();
      return {
        total: all.length,
        judgements: all.slice(req.query.offset, req.query.offset + req.query.limit),
        clusters: resolver.clusters(),
      };
    },
  );

  app.get<{ Querystring: { limit: number } }>(
    '/judgements/log',
    {
      schema: {
        tags: ['resolution'],
        summary:
          'every change to the judgements, newest first (judgements, imports, splits), with who and when',
        querystring: {
          type: 'object',
          properties: { limit: { type: 'integer', minimum: 1, maximum: 10000, default: 1000 } },
        },
      },
    },
    async (req) => {
      const entries = openJudgements(store).log(req.query.limit);
      const caption = captionsOf(store);
      return {
        entries: await Promise.all(
          entries.map(async (e) => ({
            ...e,
            left_caption: e.left ? await caption(e.left) : null,
            right_caption: e.right ? await caption(e.right) : null,
          })),
        ),
      };
    },
  );

  app.get(
    '/judgements/export',
    {
      schema: {
        tags: ['resolution'],
        summary: 'every judgement as JSON lines (tangle judgements import reads them)',
      },
    },
    async (_req, reply) => {
      const text = judgementsToJsonl((await Resolver.load(store)).judgements());
      return reply.type('application/x-ndjson; charset=utf-8').send(text);
    },
  );

  app.post<{ Body: JudgementBody }>(
    '/judgements',
    {
      config: { access: 'analyst' },
      schema: {
        tags: ['resolution'],
        summary:
          'judge pairs as same, different or unsure (analysts and admins), all or none: an unknown id is a 400, a contradiction a 409 naming it',
        body: {
          type: 'object',
          required: ['judgements'],
          additionalProperties: false,
          properties: {
            judgements: {
              type: 'array',
              minItems: 1,
              maxItems: MAX_BATCH,
              items: {
                type: 'object',
                required: ['left', 'right', 'decision'],
                additionalProperties: false,
                properties: {
                  left: { type: 'string', minLength: 1, maxLength: 200 },
                  right: { type: 'string', minLength: 1, maxLength: 200 },
                  decision: { type: 'string', enum: [...DECISIONS] },
                  reason: { type: 'string', maxLength: 1000 },
                },
              },
            },
          },
        },
      },
    },
    async (req, reply) => {
      const user = userOf(req).username;
      const inputs: JudgementInput[] = req.body.judgements.map((j, i) => ({
        left: j.left,
        right: j.right,
        decision: j.decision,
        reason: j.reason ?? null,
        user,
        where: `judgements[${i}]`,
      }));
      const outcome = await judge(store, inputs);
      ctx.graph.invalidate();
      await audit(ctx, req, 'judgement_create', null, {
        judgements: outcome.judgements.map((j) => `${j.left} ${j.decision} ${j.right}`),
      });
      return reply.status(201).send(outcome);
    },
  );

  // Encapsulated, so the JSON-lines body parser applies to this route only.
  void app.register(async (scope) => {
    scope.addContentTypeParser('application/x-ndjson', { parseAs: 'string' }, (_req, body, done) =>
      done(null, body),
    );
    scope.post<{ Body: string }>(
      '/judgements/import',
      {
        config: { access: 'analyst' },
        schema: {
          tags: ['resolution'],
          summary:
            'apply judgements shared as JSON lines (as /judgements/export writes them), all or none; a broken line is a 400 naming it',
          consumes: ['application/x-ndjson', 'text/plain'],
          body: { type: 'string', maxLength: 1 << 20 },
        },
      },
      async (req, reply) => {
        const inputs = parseJudgementJsonl(req.body, 'body', userOf(req).username);
        const outcome = await judge(store, inputs);
        ctx.graph.invalidate();
        await audit(ctx, req, 'judgement_import', null, { judgements: outcome.judgements.length });
        return reply.status(201).send(outcome);
      },
    );
  });

  app.get<{ Params: { id: string } }>(
    '/resolve/:id',
    {
      schema: {
        tags: ['resolution'],
        summary:
          'the cluster of an entity id or canonical id: its canonical id, members and their judgements',
        params: { type: 'object', properties: { id: { type: 'string', minLength: 1, maxLength: 200 } } },
      },
    },
    async (req) => {
      const resolver = await Resolver.load(store);
      const canonicalId = resolver.canonicalId(req.params.id);
      const members = resolver.members(canonicalId);
      const inCluster = new Set(members);
      // Each member as its list has it (not merged): caption, datasets and the lists' record ids.
      const details = await Promise.all(
        members.map(async (id) => {
          const e = await store.getEntity(id);
          return {
            id,
            caption: e?.caption ?? null,
            schema: e?.schema ?? null,
            datasets: e?.datasets ?? [],
            source_ids: e?.recordIds ?? {},
          };
        }),
      );
      return {
        canonical_id: canonicalId,
        members,
        member_details: details,
        judgements: resolver.judgements().filter((j) => inCluster.has(j.left) || inCluster.has(j.right)),
      };
    },
  );

  app.post<{ Body: { id: string } }>(
    '/resolve/split',
    {
      config: { access: 'analyst' },
      schema: {
        tags: ['resolution'],
        summary:
          'undo merges (analysts and admins): a canonical id gives every member its own id back, a member id takes that member out',
        body: {
          type: 'object',
          required: ['id'],
          additionalProperties: false,
          properties: { id: { type: 'string', minLength: 1, maxLength: 200 } },
        },
      },
    },
    async (req) => {
      const outcome = await split(store, req.body.id, userOf(req).username);
      ctx.graph.invalidate();
      await audit(ctx, req, 'cluster_split', req.body.id, {
        clusters: outcome.clusters.map((c) => c.canonicalId),
      });
      return outcome;
    },
  );
}

/** Captions of store ids, each looked up once per request (a log names the same entries often). */
function captionsOf(store: AppContext['store']): (id: string) => Promise<string | null> {
  const seen = new Map<string, Promise<string | null>>();
  return (id) => {
    let c = seen.get(id);
    if (!c) seen.set(id, (c = store.getEntity(id).then((e) => e?.caption ?? null)));
    return c;
  };
}
