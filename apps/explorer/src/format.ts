import type { Lang } from './i18n';

export type Names = Partial<Record<Lang, string>>;
export interface PersonName {
  surname: string;
  given: string;
  patronymic?: string | null;
}

/** A name in the interface's language, else the first the registry has. */
export function inLang(names: Names | null | undefined, lang: Lang): string {
  if (!names) return '';
  return names[lang] ?? names.ru ?? names.kk ?? names.en ?? '';
}

export function personName(name: PersonName | null | undefined): string {
  if (!name) return '—';
  return [name.surname, name.given, name.patronymic].filter(Boolean).join(' ');
}

/** Dates as written in Kazakhstan: DD.MM.YYYY. */
export function day(date: string | null | undefined): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(date ?? '');
  return match ? `${match[3]}.${match[2]}.${match[1]}` : (date ?? '');
}

/** DD.MM.YYYY as people write it here (YYYY-MM-DD accepted too) to the API's YYYY-MM-DD; empty stays empty. */
export function parseDay(text: string): string | null {
  const trimmed = text.trim();
  if (trimmed === '') return '';
  const local = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(trimmed);
  if (local) return `${local[3]}-${local[2]!.padStart(2, '0')}-${local[1]!.padStart(2, '0')}`;
  return /^\d{4}-\d{2}-\d{2}$/.test(trimmed) ? trimmed : null;
}

/** A moment of the log, to the second, in UTC as the registry records it. */
export function moment(timestamp: string | null | undefined): string {
  if (!timestamp) return '';
  const match = /T(\d{2}:\d{2}:\d{2})/.exec(timestamp);
  return `${day(timestamp)} ${match ? match[1] : ''} UTC`;
}

/** The registry answers a far-future `knownAt` when it read everything it had: not a moment to cite. */
export function isRealMoment(timestamp: string | null | undefined): timestamp is string {
  return !!timestamp && !timestamp.startsWith('9999');
}
