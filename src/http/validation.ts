import { IANAZone } from 'luxon';
import { z } from 'zod';

/** Limits and field formats shared by every route, so the same rule reads the same everywhere. */
export const timeZoneSchema = z.string().refine((zone) => IANAZone.isValidZone(zone), { message: 'is not a known IANA time zone (e.g. Europe/Warsaw)' });
export const countrySchema = z
  .string()
  .regex(/^[A-Za-z]{2}$/, 'must be an ISO 3166-1 alpha-2 code such as PL')
  .transform((c) => c.toUpperCase());
export const localeSchema = z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'must be a language tag such as pl or pt-BR');
export const e164Schema = z.string().regex(/^\+[1-9]\d{6,14}$/, 'must be an E.164 number such as +48221234567');
export const idSchema = z.string().uuid('must be a UUID');
export const idParams = z.object({ id: idSchema });
export const dateOnlySchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date such as 2026-01-31');
export const commaList = z
  .string()
  .transform((s) => s.split(',').map((x) => x.trim()).filter(Boolean));
