import type { Translate } from './i18n';

/** Rules the API enforces, checked before sending so the form can say so under the field. */
export const LIMITS = {
  titleMin: 3,
  titleMax: 200,
  descriptionMax: 20_000,
  messageMax: 20_000,
  tagsMax: 20,
  tagMax: 50,
  uploadMaxBytes: 10 * 1024 * 1024,
} as const;

/** The upload types the API accepts by default: images, PDF, Office and text. */
export const UPLOAD_TYPES = [
  'image/png',
  'image/jpeg',
  'image/gif',
  'image/webp',
  'application/pdf',
  'text/plain',
  'text/csv',
  'application/msword',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.ms-excel',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.ms-powerpoint',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation',
] as const;

/** "Urgent Thing!" -> "urgent-thing": what a tag becomes as it is typed. */
export function normalizeTag(raw: string): string {
  return raw
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9_-]+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^[-_]+/, '')
    .slice(0, LIMITS.tagMax);
}

/** Final form of a tag list: normalised, trailing dashes gone, no empties, each once. */
export function normalizeTags(tags: readonly string[]): string[] {
  const result: string[] = [];
  for (const tag of tags) {
    const clean = normalizeTag(tag).replace(/[-_]+$/, '');
    if (clean && !result.includes(clean)) result.push(clean);
  }
  return result;
}

export function lengthError(value: string, min: number, max: number, t: Translate): string | null {
  const length = value.trim().length;
  if (min > 0 && length === 0) return t('validation.required');
  if (length < min || length > max) return t('validation.length', { min, max });
  return null;
}

export function tagsError(tags: readonly string[], t: Translate): string | null {
  if (tags.length > LIMITS.tagsMax) return t('validation.tagCount', { max: LIMITS.tagsMax });
  return null;
}

/** Why a file cannot be uploaded (size or type), or null. */
export function uploadError(file: { name: string; size: number; type: string }, t: Translate): string | null {
  const type = (file.type || '').toLowerCase();
  const allowed = (UPLOAD_TYPES as readonly string[]).includes(type);
  if (file.size > LIMITS.uploadMaxBytes || !allowed) return t('validation.file');
  return null;
}
