import { randomBytes } from 'node:crypto';
import type { AttachmentData } from '../../conversation/__tests__/conversation.fixture.js';

/** Plain HTTP helpers for POST /uploads and GET /attachments/:id, the way a browser would call them. */

export interface UploadResult {
  status: number;
  body: (AttachmentData & { errors?: undefined }) | { errors: Array<{ message: string; extensions: { code: string; fields?: Record<string, string[]> } }> };
}

export async function upload(url: string, token: string | undefined, bytes: Uint8Array, filename = 'notes.txt', type = 'text/plain'): Promise<UploadResult> {
  const form = new FormData();
  form.append('file', new Blob([bytes], { type }), filename);
  const response = await fetch(`${url}/uploads`, {
    method: 'POST',
    body: form,
    headers: token ? { authorization: `Bearer ${token}` } : {},
  });
  return { status: response.status, body: (await response.json()) as UploadResult['body'] };
}

/** Uploads and expects 201; returns the created attachment. */
export async function uploadOk(url: string, token: string, bytes: Uint8Array, filename?: string, type?: string): Promise<AttachmentData> {
  const result = await upload(url, token, bytes, filename, type);
  if (result.status !== 201 || result.body.errors) throw new Error(`upload failed: ${result.status} ${JSON.stringify(result.body)}`);
  return result.body as AttachmentData;
}

export interface Download {
  status: number;
  headers: Headers;
  bytes: Buffer;
}

export async function download(url: string, token: string, path: string): Promise<Download> {
  const response = await fetch(`${url}${path}`, { headers: { authorization: `Bearer ${token}` } });
  return { status: response.status, headers: response.headers, bytes: Buffer.from(await response.arrayBuffer()) };
}

/** A small PNG-looking binary payload (random bytes after the signature, so any re-encoding shows). */
export function pngBytes(size = 600): Buffer {
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([signature, randomBytes(size - signature.length)]);
}

export const textBytes = (text: string): Buffer => Buffer.from(text, 'utf8');
