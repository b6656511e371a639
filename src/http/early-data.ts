import { createHash } from 'node:crypto';
import type { Role } from '../domain/roles';

/**
 * The API answers a first screen renders from, asked for by the page itself before its code has
 * arrived: a phone then waits for the code and the data side by side instead of one after the
 * other. The script is fixed (its URLs come from its data attribute), so the content security
 * policy allows it by its hash and still allows no other inline script. The web client takes each
 * answer once, for the same GET (web/src/api/early-data.ts).
 */
export const earlyDataScript =
  '(function(){var w=window,s=document.currentScript;w.guichetEarly={at:Date.now(),answers:{}};' +
  "(s.getAttribute('data-urls')||'').split(' ').forEach(function(u){if(u)w.guichetEarly.answers[u]=" +
  "fetch(u,{credentials:'same-origin',headers:{accept:'application/json'}}).catch(function(){return null})})})()";

export const earlyDataScriptHash = `'sha256-${createHash('sha256').update(earlyDataScript).digest('base64')}'`;

// The lists the portal home and the default queue show, as the web client asks for them (same
// parameters in the same order; web/src/api/early-data.test.ts holds both sides together).
export const homeList = '/api/tickets?status=waiting_customer&sort=updatedAt&order=asc&limit=20';
export const firstQueueList = '/api/tickets?status=open&sort=engagementDueAt&order=asc&limit=50';

/** What the first screen at this path asks the API for, as the route loaders of web/src/routes.tsx do. */
export function earlyDataOf(path: string, role: Role | null): string[] {
  if (role === null) return [];
  const customer = role === 'customer';
  const ticket = /^(\/staff)?\/tickets\/([0-9a-f-]{36})$/.exec(path);
  if (ticket?.[2] && customer !== Boolean(ticket[1])) {
    const base = `/api/tickets/${ticket[2]}`;
    const answers = ['/api/session', `${base}/sla`, base, `${base}/timeline`, `${base}/attachments`];
    return customer ? [...answers, '/api/sla/commitments'] : answers;
  }
  if (path === '/' && customer) return ['/api/session', homeList, '/api/request-types'];
  if (path === '/queues' && !customer) return ['/api/session', firstQueueList];
  return ['/api/session'];
}

/** The script tag for these URLs, or nothing when there are none. */
export function earlyDataTag(urls: string[]): string {
  if (urls.length === 0) return '';
  return `<script data-urls="${urls.join(' ')}">${earlyDataScript}</script>`;
}
