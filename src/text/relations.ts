import type { DocumentMeta, ExtractedRelation } from './extraction.js';
import type { DocumentAnalysis } from './mentions.js';
export function extractRelations(_doc: DocumentAnalysis, _ids: Map<number, string>, _meta: DocumentMeta): ExtractedRelation[] {
  return [];
}
