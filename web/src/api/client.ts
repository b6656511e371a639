import { takeEarlyAnswer } from './early-data';
import { sessionExpiryArmed, waitForSignIn } from './session-expiry';

/**
 * The one way the web client talks to the API: JSON in and out, same-origin cookies, the
 * anti-forgery header on every request that changes something, and a typed error.
 */

export interface FieldError {
  path: string;
  message: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: FieldError[] = [],
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** Over https the server names it with the __Host- prefix. */
export const csrfToken = (): string | undefined =>
  readCookie('__Host-guichet_csrf') ?? readCookie('guichet_csrf');
const csrfHeader = 'x-csrf-token';

/** Message shown when the server cannot be reached or answers without a readable error. */
let fallbackMessage = (code: 'network' | 'unexpected'): string => code;
export function setFallbackMessages(fn: (code: 'network' | 'unexpected') => string): void {
  fallbackMessage = fn;
}

export function readCookie(name: string): string | undefined {
  if (typeof document === 'undefined') return undefined;
  for (const part of document.cookie.split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return decodeURIComponent(rest.join('='));
  }
  return undefined;
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export function api<T>(method: Method, path: string, body?: unknown): Promise<T> {
  return resumingAfterSignIn(() => sendOnce<T>(method, path, body));
}

async function sendOnce<T>(method: Method, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET') {
    // The server sets the anti-forgery cookie on any request; make one if this is the first.
    if (!csrfToken()) await fetch('/api/session', { credentials: 'same-origin' }).catch(() => {});
    headers[csrfHeader] = csrfToken() ?? '';
  }
  let response: Response;
  try {
    const early = method === 'GET' ? await takeEarlyAnswer(path) : null;
    response =
      early ??
      (await fetch(path, {
        method,
        headers,
        credentials: 'same-origin',
        body: body === undefined ? undefined : JSON.stringify(body),
      }));
  } catch {
    throw new ApiError(0, 'network', fallbackMessage('network'));
  }
  const payload: unknown = await response.json().catch(() => undefined);
  if (!response.ok) throw toApiError(response.status, payload);
  return payload as T;
}

/**
 * Sends a request; if the server refuses it because the session ended while the person worked,
 * sends it again as it was once they have signed in in the dialog (session-expiry.ts).
 */
export async function resumingAfterSignIn<T>(send: () => Promise<T>): Promise<T> {
  try {
    return await send();
  } catch (error) {
    if (
      error instanceof ApiError &&
      error.code === 'not_authenticated' &&
      sessionExpiryArmed() &&
      (await waitForSignIn())
    )
      return resumingAfterSignIn(send);
    throw error;
  }
}

function toApiError(status: number, payload: unknown): ApiError {
  if (payload && typeof payload === 'object' && 'code' in payload && 'message' in payload) {
    const p = payload as {
      code: string;
      message: string;
      fields?: FieldError[];
      details?: Record<string, unknown>;
    };
    return new ApiError(status, p.code, p.message, p.fields ?? [], p.details ?? {});
  }
  return new ApiError(status, 'unexpected', fallbackMessage('unexpected'));
}

export const apiGet = <T>(path: string) => api<T>('GET', path);
export const apiPost = <T>(path: string, body?: unknown) => api<T>('POST', path, body ?? {});
export const apiPut = <T>(path: string, body?: unknown) => api<T>('PUT', path, body ?? {});
export const apiPatch = <T>(path: string, body?: unknown) => api<T>('PATCH', path, body ?? {});
export const apiDelete = <T>(path: string) => api<T>('DELETE', path);
