import type { z } from 'zod';
import type { companyPage } from '../../../src/http/schemas/companies';
import { apiGet } from './client';

type CompanyPage = z.infer<typeof companyPage>;
export type CompanyOption = Pick<CompanyPage['items'][number], 'id' | 'name'>;

/** Every company, page after page (the list is short: a vendor's customers). */
export async function allCompanies(maxPages = 20): Promise<CompanyOption[]> {
  const out: CompanyOption[] = [];
  let cursor: string | null = null;
  for (let page = 0; page < maxPages; page++) {
    const query = cursor ? `?cursor=${encodeURIComponent(cursor)}` : '';
    const result: CompanyPage = await apiGet<CompanyPage>(`/api/companies${query}`);
    out.push(...result.items.map(({ id, name }) => ({ id, name })));
    cursor = result.nextCursor;
    if (!cursor) break;
  }
  return out;
}
