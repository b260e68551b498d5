/** Uploading list files as a new version of a dataset (admins only). */
import type { FastifyInstance } from 'fastify';
import { InputError, UsageError } from '../../errors.js';
import { checkUploadFields, UploadDir } from '../../logic/upload.js';
import { audit } from '../auth.js';
import type { AppContext } from '../context.js';

export function registerImportRoutes(app: FastifyInstance, ctx: AppContext): void {
  const { config } = ctx;

  app.post<{ Params: { name: string } }>(
    '/datasets/:name/import',
    {
      config: { access: 'admin' },
      schema: {
        tags: ['datasets'],
        summary: 'import uploaded list files as a new version of the dataset (multipart/form-data)',
        description:
          'Form fields: `format` (ofac-csv, ofac-cons-csv, un-xml, us-csl, ftm, senzing), optional `versionDate` ' +
          '(YYYY-MM-DD; default: the date the files state, then today), `title`, `allowMassRemoval` and ' +
          '`allowIncomplete` (true to force past the checks below); then one or more files, named as the ' +
          'format expects (e.g. sdn.csv, alt.csv). The import is one transaction: on bad input the answer is ' +
          '400 naming the file, line and field, and nothing is stored. An empty file, or one that looks cut ' +
          'short (no OFAC end-of-file byte, a UN list without its date or sections), is a 400; a version that ' +
          'would remove more than TANGLE_MAX_REMOVAL_SHARE (default 10 %) of the active entities is a 409.',
        consumes: ['multipart/form-data'],
        params: {
          type: 'object',
          properties: { name: { type: 'string', pattern: '^[A-Za-z0-9_][A-Za-z0-9_.-]*$', maxLength: 100 } },
        },
      },
    },
    async (req, reply) => {
      if (!req.isMultipart()) {
        return reply
          .status(415)
          .send({ error: 'unsupported_media_type', detail: 'send the list files as multipart/form-data' });
      }
      const dataset = req.params.name;
      const upload = await UploadDir.create(config.uploadDir);
      // The temporary files are deleted before the answer goes out.
      let answer: Record<string, unknown>;
      try {
        const fields: Record<string, string> = {};
        const files: string[] = [];
        try {
          for await (const part of req.parts()) {
            if (part.type === 'file') {
              await upload.save(part.filename, part.file);
              if (part.file.truncated) {
                throw Object.assign(
                  new Error(`file ${part.filename} is larger than ${config.uploadFileLimit} bytes`),
                  { statusCode: 413 },
                );
              }
              files.push(part.filename);
            } else {
              fields[part.fieldname] = String(part.value);
            }
          }
        } catch (err) {
          throw unreadableBody(err);
        }
        const options = checkUploadFields(fields);
        const outcome = await upload.importInto(ctx.store, dataset, options, config.maxRemovalShare);
        // What the import did, without its timings and its (long) warning list.
        const { warningList, readMs, storeMs, ...counts } = outcome;
        await audit(ctx, req, 'import', `${outcome.dataset}@${outcome.version}`, { files, ...counts });
        answer = { ...counts, warningList: warningList.slice(0, 100) };
        // Matching switches to the new version once its index is built; until then it answers
        // from the previous one.
        ctx.screening
          .refresh()
          .catch((e: Error) => req.log.error(e, 'rebuilding the screening index failed'));
      } catch (err) {
        const status = (err as { statusCode?: number }).statusCode;
        const detail = status === undefined || status < 500 ? (err as Error).message : 'internal error';
        await audit(ctx, req, 'import_failed', dataset, { error: detail.slice(0, 2000) });
        throw err;
      } finally {
        await upload.dispose();
      }
      return reply.status(201).send(answer);
    },
  );
}

/**
 * A body the multipart parser cannot read (no boundary, cut short, a malformed part header) is
 * the client's fault: 400 with the parser's reason. Errors that already carry a status, ours, and
 * file-system errors (a full disk) stay what they are.
 */
function unreadableBody(err: unknown): unknown {
  if (!(err instanceof Error) || err instanceof UsageError || err instanceof InputError) return err;
  if ((err as { statusCode?: unknown }).statusCode !== undefined) return err;
  if ((err as NodeJS.ErrnoException).syscall !== undefined) return err;
  return Object.assign(new Error(`the multipart/form-data body cannot be read: ${err.message}`), {
    statusCode: 400,
  });
}
