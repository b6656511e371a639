import { z } from 'zod';
import { text } from './common';
import { contractSchema } from './contracts';
import { userSchema } from './users';

/** A mail domain such as 'acme.ch' (lower case). */
export const mailDomainSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(253)
  .regex(/^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z0-9-]{2,63}$/);

export const companySummarySchema = z.object({
  id: z.uuid(),
  name: z.string(),
  mailDomains: z.array(z.string()),
  /** A maintenance contract is active today (R1): the company may open tickets. */
  maintenanceActive: z.boolean(),
  flexActive: z.boolean(),
  userCount: z.number().int(),
  createdAt: z.string(),
});

export const companyPage = z.object({
  items: z.array(companySummarySchema),
  /** Pass as `cursor` for the next page; null on the last page. */
  nextCursor: z.string().nullable(),
});

export const companyDetailSchema = companySummarySchema.extend({
  contracts: z.array(contractSchema),
  users: z.array(userSchema),
});

export const companiesQuery = z.object({
  search: z.string().trim().max(200).optional(),
  cursor: z.string().max(1000).optional(),
});

export const createCompanyBody = z.object({
  name: text(200),
  mailDomains: z.array(mailDomainSchema).max(50).default([]),
});

export const updateCompanyBody = z.object({
  name: text(200).optional(),
  mailDomains: z.array(mailDomainSchema).max(50).optional(),
});
