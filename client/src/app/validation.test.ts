import { describe, expect, it } from 'vitest';
import { translate } from './i18n';
import { serverMessage } from './server-messages';
import { normalizeTag, normalizeTags, uploadError } from './validation';

const t = (key: Parameters<typeof translate>[1], params?: Record<string, string | number>) => translate('en', key, params);

describe('tags as they are typed', () => {
  it('becomes lowercase words joined by dashes', () => {
    expect(normalizeTag('Urgent Thing')).toBe('urgent-thing');
    expect(normalizeTag('  Café  au lait!')).toBe('cafe-au-lait-');
    expect(normalizeTag('--VIP')).toBe('vip');
    expect(normalizeTags(['Urgent Thing', 'urgent-thing', 'ok-', ' '])).toEqual(['urgent-thing', 'ok']);
  });
});

describe('uploads before sending', () => {
  it('refuses big files and unknown types with one sentence', () => {
    expect(uploadError({ name: 'a.png', size: 1000, type: 'image/png' }, t)).toBeNull();
    expect(uploadError({ name: 'a.png', size: 11 * 1024 * 1024, type: 'image/png' }, t)).toBe('Files up to 10 MB: images, PDF, Office and text.');
    expect(uploadError({ name: 'a.exe', size: 10, type: 'application/x-msdownload' }, t)).toBe('Files up to 10 MB: images, PDF, Office and text.');
  });
});

describe('server messages', () => {
  it('become sentences', () => {
    expect(serverMessage('must be between 3 and 200 characters', t)).toBe('Use 3 to 200 characters.');
    expect(serverMessage('File is larger than 10485760 bytes', t)).toBe('Files up to 10 MB: images, PDF, Office and text.');
    expect(serverMessage('must be an http or https URL', t)).toBe('Must be an http or https URL.');
  });
});
