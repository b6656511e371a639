import { createHash } from 'node:crypto';
import type { Role } from '../domain/roles';

/**
 * The API answers a first screen renders from, asked for by the page itself before its code has
 * arrived: a phone then waits for the code and the data side by side instead of one after the
 * other. The script is fixed (its URLs come from its data attributes), so the content security
 * policy allows it by its hash and still allows no other inline script. The web client takes each
 * answer once, for the same GET (web/src/api/early-data.ts). A ticket's answer also writes the
 * ticket's key and subject into the page's frame (as text): the reader sees which ticket opens
 * while the code still loads.
 */
export const earlyDataScript =
  "(function(){var w=window,d=document,s=d.currentScript,h=s.getAttribute('data-heading');" +
  'w.guichetEarly={at:Date.now(),answers:{}};' +
  "(s.getAttribute('data-urls')||'').split(' ').forEach(function(u){if(!u)return;" +
  "var a=fetch(u,{credentials:'same-origin',headers:{accept:'application/json'}}).catch(function(){return null});" +
  'w.guichetEarly.answers[u]=a;if(u!==h)return;' +
  'a.then(function(r){return r&&r.ok?r.clone().json():null}).then(function(b){var t=b&&b.ticket;if(!t)return;' +
  "var k=d.getElementById('first-kicker'),e=d.getElementById('first-heading');" +
  'if(k)k.textContent=t.key;if(e)e.textContent=t.subject}).catch(function(){})})})()';

export const earlyDataScriptHash = `'sha256-${createHash('sha256').update(earlyDataScript).digest('base64')}'`;

// The lists the portal home and the default queue show, as the web client asks for them (same
// parameters in the same order; web/src/api/early-data.test.ts holds both sides together).
export const homeList = '/api/tickets?status=waiting_customer&sort=updatedAt&order=asc&limit=20';
export const firstQueueList = '/api/tickets?status=open&sort=engagementDueAt&order=asc&limit=50';

/** What a first screen asks the API for, and the answer whose ticket names the page (if any). */
export interface EarlyData {
  urls: string[];
  heading?: string;
}

/** What the first screen at this path asks the API for, as the route loaders of web/src/routes.tsx do. */
export function earlyDataOf(path: string, role: Role | null): EarlyData {
  if (role === null) return { urls: [] };
  const customer = role === 'customer';
  const ticket = /^(\/staff)?\/tickets\/([0-9a-f-]{36})$/.exec(path);
  if (ticket?.[2] && customer !== Boolean(ticket[1])) {
    const base = `/api/tickets/${ticket[2]}`;
    const answers = ['/api/session', `${base}/sla`, base, `${base}/timeline`, `${base}/attachments`];
    // Staff see the ticket in their workspace, laid out differently: only a customer's frame is named.
    return customer ? { urls: [...answers, '/api/sla/commitments'], heading: base } : { urls: answers };
  }
  if (path === '/' && customer) return { urls: ['/api/session', homeList, '/api/request-types'] };
  if (path === '/queues' && !customer) return { urls: ['/api/session', firstQueueList] };
  return { urls: ['/api/session'] };
}

/** The script tag for these URLs, or nothing when there are none. */
export function earlyDataTag({ urls, heading }: EarlyData): string {
  if (urls.length === 0) return '';
  const named = heading ? ` data-heading="${heading}"` : '';
  return `<script data-urls="${urls.join(' ')}"${named}>${earlyDataScript}</script>`;
}
