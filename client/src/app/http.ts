import type { TokenRefresher } from './token-refresh';

/**
 * Plain HTTP calls outside GraphQL (uploads, attachment downloads) with the same
 * Authorization header, refreshed like the GraphQL link does: before expiry, and once more
 * after a 401.
 */
let refresher: TokenRefresher | null = null;

/** Called by the Apollo setup so these requests share its (single-flight) token refresh. */
export function setHttpTokenRefresher(next: TokenRefresher): void {
  refresher = next;
}

async function withToken<T extends { status: number }>(send: (authorization: string | undefined) => Promise<T>): Promise<T> {
  const session = await refresher?.getValidSession();
  const token = session?.accessToken;
  const first = await send(token ? `Bearer ${token}` : undefined);
  if (first.status !== 401 || !token || !refresher) return first;
  const renewed = await refresher.refreshAfterRejection(token);
  return renewed ? send(`Bearer ${renewed.accessToken}`) : first;
}

export function fetchWithAuth(url: string, init: RequestInit = {}): Promise<Response> {
  return withToken((authorization) => {
    const headers = new Headers(init.headers);
    if (authorization) headers.set('authorization', authorization);
    return fetch(url, { ...init, headers });
  });
}

/** What POST /uploads answers. */
export interface UploadedAttachment {
  id: string;
  filename: string;
  contentType: string;
  size: number;
  url: string;
}

export class UploadError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
    this.name = 'UploadError';
  }
}

interface XhrAnswer {
  status: number;
  body: unknown;
}

function postWithProgress(url: string, file: File, authorization: string | undefined, onProgress: (fraction: number) => void, signal?: AbortSignal): Promise<XhrAnswer> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    if (authorization) xhr.setRequestHeader('Authorization', authorization);
    xhr.responseType = 'json';
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) onProgress(event.loaded / event.total);
    };
    xhr.onload = () => resolve({ status: xhr.status, body: xhr.response as unknown });
    xhr.onerror = () => reject(new TypeError('Failed to fetch'));
    xhr.onabort = () => reject(new DOMException('Upload cancelled', 'AbortError'));
    signal?.addEventListener('abort', () => xhr.abort(), { once: true });
    const form = new FormData();
    form.append('file', file);
    xhr.send(form);
  });
}

/** Uploads one file (multipart field `file`), reporting progress from 0 to 1. */
export async function uploadFile(file: File, onProgress: (fraction: number) => void, signal?: AbortSignal): Promise<UploadedAttachment> {
  const answer = await withToken((authorization) => postWithProgress('/uploads', file, authorization, onProgress, signal));
  if (answer.status === 201 && answer.body && typeof answer.body === 'object') {
    onProgress(1);
    return answer.body as UploadedAttachment;
  }
  const message = (answer.body as { errors?: Array<{ message?: string }> } | null)?.errors?.[0]?.message;
  throw new UploadError(message ?? `HTTP ${answer.status}`, answer.status);
}

/** Downloads an attachment with the Authorization header and saves it under its file name. */
export async function downloadAttachment(url: string, filename: string): Promise<void> {
  const response = await fetchWithAuth(url);
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  const blobUrl = URL.createObjectURL(await response.blob());
  try {
    const link = document.createElement('a');
    link.href = blobUrl;
    link.download = filename;
    document.body.appendChild(link);
    link.click();
    link.remove();
  } finally {
    window.setTimeout(() => URL.revokeObjectURL(blobUrl), 10_000);
  }
}
