import { ApiError, csrfToken, resumingAfterSignIn } from './client';

/**
 * A multipart form through XMLHttpRequest, the one browser API that reports upload progress;
 * same cookies, anti-forgery header and error shape as the JSON client. `onProgress` gets the
 * share sent (0–1).
 */
export function sendForm<T>(
  path: string,
  fields: Record<string, unknown>,
  files: File[],
  onProgress?: (share: number) => void,
): Promise<T> {
  return resumingAfterSignIn(() => sendFormOnce<T>(path, fields, files, onProgress));
}

async function sendFormOnce<T>(
  path: string,
  fields: Record<string, unknown>,
  files: File[],
  onProgress?: (share: number) => void,
): Promise<T> {
  if (!csrfToken()) await fetch('/api/session', { credentials: 'same-origin' }).catch(() => {});
  const form = new FormData();
  for (const [key, value] of Object.entries(fields)) {
    if (value !== undefined && value !== null && value !== '') form.append(key, String(value));
  }
  for (const file of files) form.append('file', file, file.name);
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', path);
    xhr.withCredentials = true;
    xhr.setRequestHeader('accept', 'application/json');
    xhr.setRequestHeader('x-csrf-token', csrfToken() ?? '');
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && onProgress) onProgress(event.loaded / event.total);
    };
    xhr.onerror = () => reject(new ApiError(0, 'network', 'network'));
    xhr.onload = () => {
      let payload: unknown;
      try {
        payload = JSON.parse(xhr.responseText);
      } catch {
        payload = undefined;
      }
      if (xhr.status >= 200 && xhr.status < 300) {
        resolve(payload as T);
        return;
      }
      const p = (payload ?? {}) as {
        code?: string;
        message?: string;
        fields?: { path: string; message: string }[];
        details?: Record<string, unknown>;
      };
      reject(
        new ApiError(
          xhr.status,
          p.code ?? 'unexpected',
          p.message ?? 'unexpected',
          p.fields ?? [],
          p.details ?? {},
        ),
      );
    };
    xhr.send(form);
  });
}
