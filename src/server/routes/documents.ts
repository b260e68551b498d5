/**
 * Reporting: reading documents (analysts and admins), listing them with their parties and claims,
 * and reviewing claims. Thin over src/logic/reading.ts; every write is audited.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import { FieldError, InputError } from '../../errors.js';
import { ReaderUnavailableError } from '../../logic/reader-factory.js';
import { sameAsListEntries } from '../../logic/resolved-ids.js';
import {
  checkDocumentMeta,
  partyNames,
  readDocument,
  readingJson,
  reviewClaim,
  reviewParty,
  type DocumentInput,
  type ReadingContext,
} from '../../logic/reading.js';
import {
  REVIEW_ACTIONS,
  REVIEW_STATUSES,
  type ReviewAction,
  type ReviewStatus,
  type StoredClaim,
} from '../../store/documents.js';
import { documentText, maxDocumentBytes } from '../../text/document-text.js';
import { DOMAINS, RELATION_TYPES, type Domain, type RelationType } from '../../text/extraction.js';
import { audit, userOf } from '../auth.js';
import type { AppContext } from '../context.js';

const idParams = {
  type: 'object',
  properties: { id: { type: 'string', minLength: 1, maxLength: 200 } },
} as const;

const page = {
  limit: { type: 'integer', minimum: 1, maximum: 1000, default: 100 },
  offset: { type: 'integer', minimum: 0, default: 0 },
} as const;

const metaProperties = {
  title: { type: 'string', maxLength: 2000 },
  url: { type: 'string', maxLength: 2000 },
  date: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' },
  publisher: { type: 'string', maxLength: 2000 },
} as const;

/** The text formats a JSON body may carry (files of any supported type go as multipart). */
const JSON_FORMATS = { text: '.txt', markdown: '.md', html: '.html' } as const;

interface TextBody {
  text: string;
  format?: keyof typeof JSON_FORMATS;
  title?: string;
  url?: string;
  date?: string;
  publisher?: string;
  accept?: boolean;
}

interface ReviewBody {
  action: ReviewAction;
  type?: RelationType;
  source?: string;
  target?: string;
  reverse?: boolean;
  domain?: Domain;
}

/** Claims with the display names of their two parties (list captions, document party names). */
async function withNames(ctx: ReadingContext, claims: StoredClaim[]) {
  const names = await partyNames(
    ctx,
    claims.flatMap((c) => [c.source_id, c.target_id]),
  );
  return claims.map((c) => ({
    ...c,
    source_name: names.get(c.source_id),
    target_name: names.get(c.target_id),
  }));
}

function notFound(reply: FastifyReply, what: string) {
  return reply.status(404).send({ error: 'not_found', detail: `no ${what}` });
}

export function registerDocumentRoutes(app: FastifyInstance, ctx: AppContext): void {
  const reading: ReadingContext = {
    store: ctx.store,
    documents: ctx.documents,
    reader: () => ctx.readers.get(),
  };

  app.post<{ Body: TextBody }>(
    '/documents',
    {
      config: { access: 'analyst' },
      schema: {
        tags: ['documents'],
        summary: 'read a document: its parties, their links to list entries, and the relationships it claims',
        description:
          'Send `application/json` `{text, format?, title?, url?, date?, publisher?, accept?}` (format: text, ' +
          'markdown or html), or `multipart/form-data` with one file (.txt .md .html .pdf .docx) and the same ' +
          'fields. Reading the same text again stores nothing and answers 200; a new reading answers 201. A ' +
          'changed text under the same url (or title) is stored as the next version. `accept=true` accepts ' +
          'every claim at once. Bad input is a 400 naming the file or field, and nothing is stored.',
        consumes: ['application/json', 'multipart/form-data'],
        body: {
          content: {
            'application/json': {
              schema: {
                type: 'object',
                required: ['text'],
                additionalProperties: false,
                properties: {
                  text: { type: 'string', minLength: 1 },
                  format: { type: 'string', enum: Object.keys(JSON_FORMATS) },
                  ...metaProperties,
                  accept: { type: 'boolean' },
                },
              },
            },
          },
        },
      },
    },
    async (req, reply) => {
      let input: DocumentInput;
      let fields: Record<string, string | boolean | undefined>;
      if (req.isMultipart()) {
        fields = {};
        let file: { name: string; bytes: Buffer } | undefined;
        for await (const part of req.parts()) {
          if (part.type === 'file') {
            const bytes = await part.toBuffer();
            if (part.file.truncated) {
              throw Object.assign(new Error(`file ${part.filename} is larger than the upload limit`), {
                statusCode: 413,
              });
            }
            if (file) throw new FieldError('file', 'send one document per request');
            file = { name: part.filename, bytes };
          } else {
            fields[part.fieldname] = String(part.value);
          }
        }
        if (!file) throw new FieldError('file', 'a multipart upload needs one document file');
        const { text, format, title } = await documentText(file.name, file.bytes, {
          maxBytes: maxDocumentBytes(),
        });
        input = { name: file.name, text, format, ...(title ? { fileTitle: title } : {}) };
        fields.accept = fields.accept === 'true';
      } else {
        const body = req.body;
        fields = body as unknown as Record<string, string | boolean | undefined>;
        const name = `${body.title ?? 'text'}${JSON_FORMATS[body.format ?? 'text']}`;
        try {
          const { text, format, title } = await documentText(name, Buffer.from(body.text, 'utf8'));
          input = { name, text, format, ...(title ? { fileTitle: title } : {}) };
        } catch (err) {
          if (err instanceof InputError) throw new FieldError('text', err.message.replace(/^[^:]*: /, ''));
          throw err;
        }
      }
      const meta = checkDocumentMeta({
        title: fields.title as string | undefined,
        url: fields.url as string | undefined,
        date: fields.date as string | undefined,
        publisher: fields.publisher as string | undefined,
      });
      let outcome;
      try {
        outcome = await readDocument(reading, input, meta, {
          accept: fields.accept === true,
          by: userOf(req).username,
        });
      } catch (err) {
        if (err instanceof ReaderUnavailableError) {
          return reply.status(503).send({ error: 'reading_unavailable', detail: err.message });
        }
        throw err;
      }
      if (outcome.created) {
        ctx.graph.invalidate();
        await audit(ctx, req, 'document_read', outcome.document.id, {
          title: outcome.document.title,
          version: outcome.document.version,
          replaced: outcome.replaced,
          claims: outcome.claims.length,
          accepted: fields.accept === true,
        });
      }
      return reply.status(outcome.created ? 201 : 200).send(readingJson(outcome));
    },
  );

  app.get<{ Querystring: { limit: number; offset: number; all?: boolean } }>(
    '/documents',
    {
      schema: {
        tags: ['documents'],
        summary: 'documents read into the store, oldest first (current versions unless all=true)',
        querystring: { type: 'object', properties: { ...page, all: { type: 'boolean', default: false } } },
      },
    },
    async (req) => {
      const includeSuperseded = req.query.all === true;
      return {
        total: await ctx.documents.countDocuments({ includeSuperseded }),
        limit: req.query.limit,
        offset: req.query.offset,
        documents: await ctx.documents.listDocuments({ ...req.query, includeSuperseded }),
      };
    },
  );

  app.get<{ Params: { id: string } }>(
    '/documents/:id',
    {
      schema: {
        tags: ['documents'],
        summary: 'one document: its text, sentences, parties with their mentions, and claims',
        params: idParams,
      },
    },
    async (req, reply) => {
      const doc = await ctx.documents.getDocument(req.params.id);
      if (!doc) return notFound(reply, `document ${req.params.id}`);
      // A party no list knows that an analyst judged the same as a list entry says which one.
      const same = await sameAsListEntries(
        ctx.store,
        doc.entities.filter((e) => e.id.startsWith('doc-')).map((e) => e.id),
      );
      return same.size
        ? { ...doc, entities: doc.entities.map((e) => ({ ...e, same_as: same.get(e.id) ?? null })) }
        : doc;
    },
  );

  app.get<{
    Querystring: {
      status?: string;
      entity?: string;
      document?: string;
      all?: boolean;
      limit: number;
      offset: number;
    };
  }>(
    '/claims',
    {
      schema: {
        tags: ['documents'],
        summary:
          'relationships claimed by documents, with evidence (document, sentence, offsets) and review status',
        querystring: {
          type: 'object',
          properties: {
            status: {
              type: 'string',
              pattern: `^(${REVIEW_STATUSES.join('|')})(,(${REVIEW_STATUSES.join('|')}))*$`,
              description: 'proposed, accepted, rejected; several comma-separated',
            },
            entity: {
              type: 'string',
              maxLength: 200,
              description: 'claims with this store id as source or target',
            },
            document: { type: 'string', maxLength: 200 },
            all: {
              type: 'boolean',
              default: false,
              description: 'also claims of replaced document versions',
            },
            ...page,
          },
        },
      },
    },
    async (req) => {
      const query = {
        status: req.query.status?.split(',') as ReviewStatus[] | undefined,
        entityId: req.query.entity,
        documentId: req.query.document,
        includeSuperseded: req.query.all === true,
        limit: req.query.limit,
        offset: req.query.offset,
      };
      const claims = await ctx.documents.listClaims(query);
      return {
        total: await ctx.documents.countClaims(query),
        limit: query.limit,
        offset: query.offset,
        claims: await withNames(reading, claims),
      };
    },
  );

  app.get<{ Params: { id: string } }>(
    '/claims/:id',
    {
      schema: { tags: ['documents'], summary: 'one claim with its review history', params: idParams },
    },
    async (req, reply) => {
      const claim = await ctx.documents.getClaim(req.params.id);
      if (!claim) return notFound(reply, `claim ${req.params.id}`);
      const [named] = await withNames(reading, [claim]);
      return { claim: named, history: await ctx.documents.claimHistory(claim.id) };
    },
  );

  app.get<{ Params: { id: string } }>(
    '/documents/entities/:id',
    {
      schema: {
        tags: ['documents'],
        summary:
          'a party no list knows (a doc-… id): its name, schema and review status, the documents naming it, its mentions there (with the sentence around each), its claims and its review history',
        params: idParams,
        response: {
          200: {
            type: 'object',
            additionalProperties: true,
            properties: {
              id: { type: 'string' },
              name: { type: 'string' },
              schema: { type: 'string' },
              status: { type: 'string', enum: ['proposed', 'accepted', 'rejected'] },
              first_document_id: { type: 'string' },
              documents: { type: 'array', items: { type: 'string' } },
              same_as: {
                description: 'the list entry an analyst judged this party the same as (null if none)',
                anyOf: [
                  { type: 'null' },
                  {
                    type: 'object',
                    properties: {
                      id: { type: 'string', description: "the cluster's canonical id" },
                      entity_id: { type: 'string' },
                      caption: { type: 'string' },
                    },
                  },
                ],
              },
              mentions: {
                type: 'array',
                description: 'where documents name the party, oldest document first (at most 500)',
                items: {
                  type: 'object',
                  properties: {
                    document_id: { type: 'string' },
                    title: { type: ['string', 'null'] },
                    text: { type: 'string' },
                    start: { type: 'integer' },
                    end: { type: 'integer' },
                    sentence_start: { type: ['integer', 'null'] },
                    sentence_end: { type: ['integer', 'null'] },
                    sentence: { type: ['string', 'null'] },
                  },
                },
              },
              claims: { type: 'array', items: { type: 'object', additionalProperties: true } },
              history: { type: 'array', items: { type: 'object', additionalProperties: true } },
            },
          },
        },
      },
    },
    async (req, reply) => {
      const party = await ctx.documents.getDocumentEntity(req.params.id);
      if (!party) return notFound(reply, `party ${req.params.id} read from a document`);
      return {
        ...party,
        same_as: (await sameAsListEntries(ctx.store, [party.id])).get(party.id) ?? null,
        mentions: await ctx.documents.documentEntityMentions(party.id),
        claims: await ctx.documents.listClaims({ entityId: party.id }),
        history: await ctx.documents.documentEntityHistory(party.id),
      };
    },
  );

  app.post<{
    Params: { id: string };
    Body: { action: ReviewAction; name?: string; schema?: string; reason?: string };
  }>(
    '/documents/entities/:id/review',
    {
      config: { access: 'analyst' },
      schema: {
        tags: ['documents'],
        summary:
          "accept, reject or correct (name, schema) a party no list knows (analysts and admins); who and when are recorded. A rejected party's claims make no link",
        description:
          "Merging the party with a list entry is a judgement: POST /judgements with its doc-… id and the entry's id.",
        params: idParams,
        body: {
          type: 'object',
          required: ['action'],
          additionalProperties: false,
          properties: {
            action: { type: 'string', enum: [...REVIEW_ACTIONS] },
            name: { type: 'string', minLength: 1, maxLength: 300 },
            schema: { type: 'string', minLength: 1, maxLength: 100 },
            reason: { type: 'string', maxLength: 1000 },
          },
        },
      },
    },
    async (req, reply) => {
      const { action, ...edit } = req.body;
      const party = await reviewParty(ctx, req.params.id, action, userOf(req).username, edit);
      if (!party) return notFound(reply, `party ${req.params.id} read from a document`);
      ctx.graph.invalidate();
      const history = await ctx.documents.documentEntityHistory(party.id);
      await audit(ctx, req, 'party_review', party.id, {
        action,
        changes: history[history.length - 1]?.changes ?? {},
      });
      return { party, history };
    },
  );

  app.post<{ Params: { id: string }; Body: ReviewBody }>(
    '/claims/:id/review',
    {
      config: { access: 'analyst' },
      schema: {
        tags: ['documents'],
        summary: 'accept, reject or edit a claim (analysts and admins); who and when are recorded',
        description:
          '`edit` corrects the claim (type, source, target, reverse, domain) and accepts it. Source and target ' +
          'must be store ids of list entities or of parties found in documents.',
        params: idParams,
        body: {
          type: 'object',
          required: ['action'],
          additionalProperties: false,
          properties: {
            action: { type: 'string', enum: [...REVIEW_ACTIONS] },
            type: { type: 'string', enum: [...RELATION_TYPES] },
            source: { type: 'string', minLength: 1, maxLength: 200 },
            target: { type: 'string', minLength: 1, maxLength: 200 },
            reverse: { type: 'boolean' },
            domain: { type: 'string', enum: [...DOMAINS] },
          },
        },
      },
    },
    async (req, reply) => {
      const { action, ...edit } = req.body;
      const claim = await reviewClaim(reading, req.params.id, action, userOf(req).username, edit);
      if (!claim) return notFound(reply, `claim ${req.params.id}`);
      ctx.graph.invalidate();
      const history = await ctx.documents.claimHistory(claim.id);
      await audit(ctx, req, 'claim_review', claim.id, {
        action,
        changes: history[history.length - 1]?.changes ?? {},
      });
      return { claim, history };
    },
  );
}
