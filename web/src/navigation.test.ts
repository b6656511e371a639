import { describe, expect, it } from 'vitest';
import type { Me } from './api/session';
import { navigation, navigationFor } from './navigation';

const user = (over: Partial<Me>): Me => ({
  id: '00000000-0000-4000-8000-000000000000',
  name: 'Test',
  email: 't@example.test',
  role: 'customer',
  isManager: false,
  companyId: null,
  language: 'fr',
  hasFlex: false,
  ...over,
});

const ids = (u: Me) => navigationFor(u).map((i) => i.id);

describe('navigation', () => {
  it('never links a page that does not exist yet', () => {
    const all = navigation.map((i) => ({ ...i, ready: true }));
    const admin = user({ role: 'admin' });
    expect(navigationFor(admin, all).map((i) => i.id)).toContain('admin');
    const adminNotReady = navigation.map((i) => (i.id === 'admin' ? { ...i, ready: false } : i));
    expect(navigationFor(admin, adminNotReady).map((i) => i.id)).not.toContain('admin');
  });

  it('offers the Flex page only to customers of a company with a Flex contract', () => {
    expect(ids(user({ role: 'customer', hasFlex: true }))).toContain('flex');
    expect(ids(user({ role: 'customer', hasFlex: false }))).not.toContain('flex');
    expect(ids(user({ role: 'agent' }))).not.toContain('flex');
  });

  it('shows account requests to staff and managers only', () => {
    expect(ids(user({ role: 'customer' }))).not.toContain('accountRequests');
    expect(ids(user({ role: 'customer', isManager: true }))).toContain('accountRequests');
    expect(ids(user({ role: 'agent' }))).toContain('accountRequests');
  });

  it('fits each role once pages exist', () => {
    const all = navigation.map((i) => ({ ...i, ready: true }));
    const of = (u: Me) => navigationFor(u, all).map((i) => i.id);
    expect(of(user({ role: 'customer' }))).toEqual(
      expect.arrayContaining(['tickets', 'newTicket', 'escalation', 'help', 'profile']),
    );
    expect(of(user({ role: 'customer' }))).not.toContain('queues');
    expect(of(user({ role: 'agent' }))).toEqual(expect.arrayContaining(['queues', 'dashboard']));
    expect(of(user({ role: 'agent' }))).not.toContain('admin');
    expect(of(user({ role: 'agent' }))).not.toContain('tickets');
  });
});
