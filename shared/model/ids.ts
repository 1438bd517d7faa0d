import { z } from 'zod';

/** Record ids are UUIDs, or for imported records a UUID-shaped digest of what identifies them in their source. */
export const idSchema = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/, 'expected a record id');

/** ISO 3166-1 alpha-2, upper case. */
export const iso2Schema = z.string().regex(/^[A-Z]{2}$/, 'expected an ISO 3166-1 alpha-2 code such as VN');
