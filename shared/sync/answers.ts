import { z } from 'zod';
import { ORGANISATION_TYPES } from '../model/organisation';
import { purgeSchema, recordRefSchema, type PullPage, type PushResult } from './protocol';

// The sync server's answers as schemas, for its OpenAPI description. Each is typed by the protocol's own types, so
// a change there that these do not follow fails to compile.

export const errorAnswerSchema = z.object({
  error: z.string(),
  /** Set where a client must act on the answer, e.g. DEVICE_REVOKED_CODE. */
  code: z.string().optional(),
});

/** The organisation a user signs in as: its name and type (a government body or not decides what it may change). */
export const signedInOrganisationSchema = z.object({ name: z.string(), type: z.enum(ORGANISATION_TYPES) });
export type SignedInOrganisation = z.infer<typeof signedInOrganisationSchema>;

/** `organisation` is optional so that a client still signs in to a server from before it was added. */
export const loginAnswerSchema = z.object({ token: z.string(), organisation: signedInOrganisationSchema.optional() });

export const logoutAnswerSchema = z.object({});

const pushResultSchema: z.ZodType<PushResult> = z.object({
  hlc: z.string(),
  field: z.string(),
  status: z.enum(['applied', 'duplicate', 'rejected']),
  author: z.string().optional(),
  reason: z.string().optional(),
});

export const pushAnswerSchema = z.object({ results: z.array(pushResultSchema) });

export const pullAnswerSchema: z.ZodType<PullPage> = z.object({
  changes: z.array(z.unknown().meta({ description: 'a change: see the SyncChange schema; the client checks each on its own' })),
  purges: z.array(purgeSchema),
  cursor: z.string().nullable(),
  more: z.boolean(),
  own: z.array(recordRefSchema).optional(),
});
