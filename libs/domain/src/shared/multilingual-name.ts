import { cleanText } from './clean-text';
import { domainError, type Result } from './domain-error';

/** A name in the registry's three languages. */
export interface MultilingualName {
  kk?: string;
  ru?: string;
  en?: string;
}

const MAX_LENGTH = 300;

/**
 * Filings to the Ministry of Justice are in Kazakh or Russian, so one of those two is
 * required; English is optional.
 */
export function parseMultilingualName(input: MultilingualName, field = 'name'): Result<MultilingualName> {
  const out: MultilingualName = {};
  for (const lang of ['kk', 'ru', 'en'] as const) {
    const value = input?.[lang];
    // A blank form is a form not given.
    if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '')) continue;
    const text = cleanText(value, `${field}.${lang}`, { max: MAX_LENGTH, blankCode: 'name.invalid' });
    if (!text.ok) return text;
    out[lang] = text.value;
  }
  if (out.kk === undefined && out.ru === undefined) {
    return {
      ok: false,
      error: domainError('name.invalid', `${field} needs a Kazakh (kk) or Russian (ru) form`, { field }),
    };
  }
  return { ok: true, value: out };
}
