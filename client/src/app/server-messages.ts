import type { Translate } from './i18n';

/**
 * The API's field messages ("must be between 3 and 200 characters", "type x/y is not
 * allowed") turned into sentences in the UI's language. Unknown ones keep their words, as a
 * sentence.
 */
const PATTERNS: ReadonlyArray<{ match: RegExp; say: (t: Translate, m: RegExpMatchArray) => string }> = [
  { match: /^must be between (\d+) and (\d+) characters$/, say: (t, m) => t('validation.length', { min: m[1]!, max: m[2]! }) },
  { match: /^must be (?:shorter than or equal to|at most) (\d+) characters$/, say: (t, m) => t('validation.maxLength', { max: m[1]! }) },
  { match: /^must not be blank$/, say: (t) => t('validation.required') },
  { match: /^each tag must be/, say: (t) => t('validation.tag') },
  { match: /^must be at most \d+ bytes$/, say: (t) => t('validation.file') },
  { match: /^type .+ is not allowed$/, say: (t) => t('validation.file') },
  { match: /^File is larger than \d+ bytes$/, say: (t) => t('validation.file') },
  { match: /^File type .+ is not allowed$/, say: (t) => t('validation.file') },
];

export function serverMessage(message: string, t: Translate): string {
  const text = message.trim();
  for (const pattern of PATTERNS) {
    const found = text.match(pattern.match);
    if (found) return pattern.say(t, found);
  }
  if (!text) return text;
  const sentence = text[0]!.toUpperCase() + text.slice(1);
  return /[.!?]$/.test(sentence) ? sentence : `${sentence}.`;
}
