import type { z } from 'zod';
import type { userPage } from '../../../src/http/schemas/users';
import { ROLES } from '../../../src/http/schemas/vocabulary';
import { apiGet } from './client';

type UserPage = z.infer<typeof userPage>;
const staffRoles = ROLES.filter((role) => role !== 'customer');

/** Active staff, every page of them: who may be given a ticket, or mentioned in a note. */
export async function staffUsers() {
  const byRole = await Promise.all(staffRoles.map(everyOfRole));
  return byRole.flat().filter((u) => u.active);
}

async function everyOfRole(role: (typeof staffRoles)[number]) {
  const people: UserPage['items'] = [];
  let cursor: string | null = null;
  do {
    const after: string = cursor ? `&cursor=${encodeURIComponent(cursor)}` : '';
    const page: UserPage = await apiGet<UserPage>(`/api/users?role=${role}${after}`);
    people.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return people;
}
