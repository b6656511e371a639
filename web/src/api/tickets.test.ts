import { describe, expect, it } from 'vitest';
import { exportUrl, ticketKeys, toQuery } from './tickets';

const startsWith = (key: readonly unknown[], prefix: readonly unknown[]) =>
  prefix.every((part, i) => key[i] === part);

describe('ticket query keys', () => {
  it('puts everything about one ticket under that ticket, so one invalidation refreshes it all', () => {
    const id = 't1';
    for (const key of [
      ticketKeys.detail(id),
      ticketKeys.timeline(id),
      ticketKeys.timeline(id, 'de'),
      ticketKeys.attachments(id),
      ticketKeys.sla(id),
      ticketKeys.time(id),
    ]) {
      expect(startsWith(key, ticketKeys.one(id))).toBe(true);
      expect(startsWith(key, ticketKeys.each())).toBe(true);
      expect(startsWith(key, ticketKeys.one('t2'))).toBe(false);
    }
  });

  it('puts every list under the lists, apart from single tickets', () => {
    const key = ticketKeys.list({ status: 'waiting_customer' });
    expect(startsWith(key, ticketKeys.lists())).toBe(true);
    expect(startsWith(key, ticketKeys.each())).toBe(false);
    expect(startsWith(ticketKeys.detail('t1'), ticketKeys.lists())).toBe(false);
  });

  it('keeps the timeline of each language apart, under the one timeline key', () => {
    expect(ticketKeys.timeline('t1', 'fr')).not.toEqual(ticketKeys.timeline('t1', 'de'));
    expect(startsWith(ticketKeys.timeline('t1', 'fr'), ticketKeys.timeline('t1'))).toBe(true);
  });
});

describe('ticket list address', () => {
  it('repeats a parameter for each value, leaves out empty ones and adds the cursor', () => {
    expect(toQuery({ status: ['open', 'in_progress'], q: '', limit: '50' }, 'abc')).toBe(
      'status=open&status=in_progress&limit=50&cursor=abc',
    );
  });

  it('exports the same filters without paging', () => {
    expect(exportUrl({ status: 'open', limit: '50' })).toBe('/api/tickets/export.csv?status=open');
  });
});
