import { describe, expect, it } from 'vitest';
import { automaticReason } from './loops';

const person = { address: 'claire@client.example', name: 'Claire' };
const mail = (headers: Record<string, string[]> = {}, subject = 'Re: [SUP-1] Export', from = person) => ({
  headers,
  subject,
  from,
});

describe('automatic mail detection', () => {
  it("lets a person's reply through", () => {
    expect(automaticReason(mail())).toBeNull();
    expect(automaticReason(mail({ 'auto-submitted': ['no'] }))).toBeNull();
    expect(automaticReason(mail({ precedence: ['normal'] }))).toBeNull();
  });

  it.each([
    [{ 'auto-submitted': ['auto-replied'] }, 'auto_submitted'],
    [{ 'auto-submitted': ['auto-generated; type=oof'] }, 'auto_submitted'],
    [{ precedence: ['bulk'] }, 'precedence'],
    [{ precedence: ['junk'] }, 'precedence'],
    [{ precedence: ['list'] }, 'precedence'],
    [{ 'x-autoreply': ['yes'] }, 'autoreply_header'],
    [{ 'x-autorespond': ['yes'] }, 'autoreply_header'],
    [{ 'list-id': ['<team.lists.example>'] }, 'mailing_list'],
    [{ 'return-path': ['<>'] }, 'bounce'],
    [{ 'content-type': ['multipart/report; report-type=delivery-status'] }, 'bounce'],
  ])('recognises %o as %s', (headers, reason) => {
    expect(automaticReason(mail(headers))).toBe(reason);
  });

  it.each([
    'Automatic reply: [SUP-1] Export',
    'Réponse automatique : [SUP-1] Export',
    'Abwesenheitsnotiz: [SUP-1] Export',
    'Out of Office: [SUP-1] Export',
    'Undeliverable: [SUP-1] Export',
  ])('recognises the auto-reply subject "%s"', (subject) => {
    expect(automaticReason(mail({}, subject))).toBe('autoreply_subject');
  });

  it.each([
    'MAILER-DAEMON@mx.example',
    'postmaster@client.example',
    'noreply@client.example',
    'no-reply@x.example',
  ])('recognises the robot sender %s', (address) => {
    expect(automaticReason(mail({}, 'Re: x', { address: address.toLowerCase(), name: '' }))).toBe(
      'system_sender',
    );
  });
});
