import { afterEach, describe, expect, it, vi } from 'vitest';
import { firstQueueList, homeList } from '../../../src/http/early-data';
import { QUEUE_FILTERS } from '../pages/staff/queues';
import { takeEarlyAnswer } from './early-data';
import { toQuery, waitingForCustomer } from './tickets';

const answer = (body: string) => Promise.resolve(new Response(body));

afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

describe('answers the page asked for early', () => {
  it('are handed out once, to a GET of the same URL', async () => {
    vi.stubGlobal('window', {
      guichetEarly: { at: Date.now(), answers: { '/api/session': answer('{"user":null}') } },
    });
    expect(takeEarlyAnswer('/api/tickets')).toBeUndefined();
    const early = await takeEarlyAnswer('/api/session');
    expect(await early?.json()).toEqual({ user: null });
    expect(takeEarlyAnswer('/api/session')).toBeUndefined();
  });

  it('are not used once the page is older than ten seconds: the app asks again', () => {
    vi.useFakeTimers({ now: new Date('2026-12-03T10:00:00Z') });
    vi.stubGlobal('window', { guichetEarly: { at: Date.now(), answers: { '/api/session': answer('{}') } } });
    vi.advanceTimersByTime(10_001);
    expect(takeEarlyAnswer('/api/session')).toBeUndefined();
  });

  it('are none outside a browser page', () => {
    expect(takeEarlyAnswer('/api/session')).toBeUndefined();
  });

  it('name the lists exactly as the portal home and the default queue ask for them', () => {
    expect(homeList).toBe(`/api/tickets?${toQuery(waitingForCustomer)}`);
    expect(firstQueueList).toBe(`/api/tickets?${toQuery({ ...QUEUE_FILTERS.toQualify, limit: '50' })}`);
  });
});
