import { describe, expect, it } from 'vitest';
import { tokenAreaOf } from './token-areas';

describe('token areas of routes', () => {
  it('ticket routes are the tickets area, read or written', () => {
    expect(tokenAreaOf('GET', '/api/tickets/:id')).toBe('tickets');
    expect(tokenAreaOf('POST', '/api/tickets/:id/messages')).toBe('tickets');
  });

  it('the catalogue is read for tickets and changed as administration', () => {
    expect(tokenAreaOf('GET', '/api/request-types')).toBe('tickets');
    expect(tokenAreaOf('POST', '/api/request-types')).toBe('admin');
    expect(tokenAreaOf('GET', '/api/companies/:companyId/projects')).toBe('tickets');
    expect(tokenAreaOf('GET', '/api/companies/:id')).toBe('admin');
  });

  it('sessions, profile and tokens themselves need a signed-in person', () => {
    expect(tokenAreaOf('POST', '/api/session')).toBe('none');
    expect(tokenAreaOf('GET', '/api/api-tokens')).toBe('none');
    expect(tokenAreaOf('POST', '/api/profile/password')).toBe('none');
  });

  it('a parent path matches only on a segment boundary, and unknown routes are closed', () => {
    expect(tokenAreaOf('GET', '/api/ticketsx')).toBe('none');
    expect(tokenAreaOf('GET', '/api/something-new')).toBe('none');
    expect(tokenAreaOf('POST', '/api/inbound/mail')).toBe('own');
  });
});
