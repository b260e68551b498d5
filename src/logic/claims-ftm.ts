/**
 * Claims as FollowTheMoney entities, for exports beside the lists' own FtM data.
 *
 * Mapping (FtM has no property that points a relationship at a Document, so the evidence goes
 * into text properties):
 * - ownership → Ownership (owner, asset); directorship → Directorship (director, organization);
 *   membership → Membership (member, organization); employment → Employment (employee, employer);
 *   family → Family (person, relative; relationship = subtype); associate / allied_with between two
 *   people → Associate (person, associate); pays / finances → Payment (payer, beneficiary; purpose =
 *   item) — each only when both parties have schemata the FtM property accepts;
 * - everything else, and any claim whose parties do not fit, → UnknownLink (subject, object) with
 *   `role` = the claim type (and subtype / item).
 * - Every relationship carries `summary` = the evidence sentence, `description` = document id,
 *   offsets, status and hedging, `date` = the claim's date, `sourceUrl` / `publisher` of the
 *   document. Its id is the claim id.
 * - Each cited document becomes a `Document` entity (title, sourceUrl, publisher, date), and each
 *   party that no list knows becomes an entity of its own (Country → PublicBody, Location →
 *   Address, others as read) whose `proof` is the document that first named it.
 * Negated claims are never exported as relationships (they say a link does not hold).
 */
import { model } from '../model/model.js';
import type { ClaimQuery, DocumentStore, ReviewStatus, StoredClaim } from '../store/documents.js';
import type { Store } from '../store/store.js';

export interface FtmEntity {
  id: string;
  schema: string;
  properties: Record<string, string[]>;
}

const FTM_SCHEMA_OF_PARTY: Record<string, string> = { Country: 'PublicBody', Location: 'Address' };

export function ftmSchemaOfParty(schema: string): string {
  const mapped = FTM_SCHEMA_OF_PARTY[schema] ?? schema;
  return model.schemata.has(mapped) ? mapped : 'LegalEntity';
}

interface Shape {
  schema: string;
  source: string;
  target: string;
  /** Schemata the two ends must be (isA). */
  sourceIs: string;
  targetIs: string;
}

const SHAPES: Partial<Record<string, Shape>> = {
  ownership: {
    schema: 'Ownership',
    source: 'owner',
    target: 'asset',
    sourceIs: 'LegalEntity',
    targetIs: 'Asset',
  },
  directorship: {
    schema: 'Directorship',
    source: 'director',
    target: 'organization',
    sourceIs: 'LegalEntity',
    targetIs: 'Organization',
  },
  membership: {
    schema: 'Membership',
    source: 'member',
    target: 'organization',
    sourceIs: 'LegalEntity',
    targetIs: 'Organization',
  },
  employment: {
    schema: 'Employment',
    source: 'employee',
    target: 'employer',
    sourceIs: 'Person',
    targetIs: 'Organization',
  },
  family: { schema: 'Family', source: 'person', target: 'relative', sourceIs: 'Person', targetIs: 'Person' },
  associate: {
    schema: 'Associate',
    source: 'person',
    target: 'associate',
    sourceIs: 'Person',
    targetIs: 'Person',
  },
  allied_with: {
    schema: 'Associate',
    source: 'person',
    target: 'associate',
    sourceIs: 'Person',
    targetIs: 'Person',
  },
  pays: {
    schema: 'Payment',
    source: 'payer',
    target: 'beneficiary',
    sourceIs: 'LegalEntity',
    targetIs: 'LegalEntity',
  },
  finances: {
    schema: 'Payment',
    source: 'payer',
    target: 'beneficiary',
    sourceIs: 'LegalEntity',
    targetIs: 'LegalEntity',
  },
};

const isA = (schema: string | undefined, parent: string) =>
  schema !== undefined && model.schemata.has(schema) && model.get(schema).isA(parent);

/** One claim as an FtM relationship entity, given the FtM schemata of its two parties. */
export function claimAsFtm(
  claim: StoredClaim,
  sourceSchema: string | undefined,
  targetSchema: string | undefined,
  publisher?: string | null,
): FtmEntity {
  const shape = SHAPES[claim.type];
  const fits = shape && isA(sourceSchema, shape.sourceIs) && isA(targetSchema, shape.targetIs);
  const what = [claim.type, claim.subtype, claim.item].filter(Boolean).join(' / ');
  const properties: Record<string, string[]> = {
    summary: [claim.sentence],
    description: [
      `${what} (${claim.domain}); ${claim.status}${claim.hedged ? ', hedged' : ''}; ` +
        `document ${claim.document.id} characters ${claim.start}-${claim.end}`,
    ],
  };
  if (claim.date) properties.date = [claim.date];
  if (claim.document.url) properties.sourceUrl = [claim.document.url];
  if (publisher) properties.publisher = [publisher];
  if (fits) {
    properties[shape.source] = [claim.source_id];
    properties[shape.target] = [claim.target_id];
    if (shape.schema === 'Family' || shape.schema === 'Associate') {
      properties.relationship = [claim.subtype ?? claim.type.replace('_', ' ')];
    } else if (shape.schema === 'Payment') {
      properties.purpose = [claim.item ?? claim.type];
    } else {
      properties.role = [claim.subtype ?? claim.type];
    }
    return { id: claim.id, schema: shape.schema, properties };
  }
  properties.subject = [claim.source_id];
  properties.object = [claim.target_id];
  properties.role = [what.replace(/_/g, ' ')];
  return { id: claim.id, schema: 'UnknownLink', properties };
}

/**
 * Claims (accepted ones unless `status` says otherwise), the documents they cite and the parties
 * only documents know, as FtM entities.
 */
export async function claimsAsFtm(
  store: Store,
  documents: DocumentStore,
  options: { status?: ReviewStatus[]; entityId?: string } = {},
): Promise<FtmEntity[]> {
  const query: ClaimQuery = { status: options.status ?? ['accepted'], entityId: options.entityId };
  // A negated claim is no link; nor is a claim about a party a reviewer rejected.
  const rejected = await documents.rejectedDocumentEntities();
  const claims = (await documents.listClaims(query)).filter(
    (c) => !c.negated && !rejected.has(c.source_id) && !rejected.has(c.target_id),
  );
  const born = new Map((await documents.listDocumentEntities()).map((e) => [e.id, e]));
  const schemaOf = new Map<string, string | undefined>();
  for (const id of new Set(claims.flatMap((c) => [c.source_id, c.target_id]))) {
    const party = born.get(id);
    schemaOf.set(id, party ? ftmSchemaOfParty(party.schema) : (await store.getEntity(id))?.schema);
  }
  const out: FtmEntity[] = [];
  const docs = new Map<string, { publisher: string | null }>();
  for (const claim of claims) {
    if (!docs.has(claim.document.id)) {
      const doc = await documents.getDocument(claim.document.id);
      docs.set(claim.document.id, { publisher: doc?.publisher ?? null });
      const properties: Record<string, string[]> = {};
      if (claim.document.title) properties.title = [claim.document.title];
      if (claim.document.url) properties.sourceUrl = [claim.document.url];
      if (claim.document.date) properties.date = [claim.document.date];
      if (doc?.publisher) properties.publisher = [doc.publisher];
      out.push({ id: claim.document.id, schema: 'Document', properties });
    }
  }
  const used = new Set(claims.flatMap((c) => [c.source_id, c.target_id]));
  for (const party of born.values()) {
    if (!used.has(party.id)) continue;
    out.push({
      id: party.id,
      schema: ftmSchemaOfParty(party.schema),
      properties: { name: [party.name], proof: [party.first_document_id] },
    });
  }
  for (const claim of claims) {
    out.push(
      claimAsFtm(
        claim,
        schemaOf.get(claim.source_id),
        schemaOf.get(claim.target_id),
        docs.get(claim.document.id)?.publisher,
      ),
    );
  }
  return out;
}
