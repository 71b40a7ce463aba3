import { z } from 'zod';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected an ISO date YYYY-MM-DD');

/** Another document that amended or replaced a registry document, as far as the sources tell. */
export const relatedDocumentSchema = z
  .object({
    number: z.string().min(3),
    docType: z.string().optional(),
    title: z.string().optional(),
    issuedDate: isoDate.optional(),
    effectiveDate: isoDate.optional(),
    /** Articles of the registry document it changed, when the source names them. */
    articles: z.array(z.string().regex(/^\d+[a-zđ]?$/u)).optional(),
    source: z.string().min(3),
  })
  .strict();

/** One line of `corpus/registry/documents.jsonl`: the reviewed identity of a corpus document. */
export const registryRecordSchema = z
  .object({
    kind: z.literal('document'),
    id: z.string().min(3),
    title: z.string().min(2),
    number: z.string().min(3).optional(),
    docType: z.string().min(2),
    issuer: z.string().min(2).optional(),
    signer: z.string().min(2).optional(),
    issuedDate: isoDate.optional(),
    effectiveDate: isoDate.optional(),
    expiryDate: isoDate.optional(),
    status: z.enum(['in_force', 'expired', 'partly_expired', 'not_yet_in_force', 'unknown']),
    amendedBy: z.array(relatedDocumentSchema).optional(),
    replacedBy: z.array(relatedDocumentSchema).optional(),
    source: z.string().min(3),
    notes: z.string().optional(),
  })
  .strict();

export type RelatedDocument = z.infer<typeof relatedDocumentSchema>;
export type RegistryRecord = z.infer<typeof registryRecordSchema>;
