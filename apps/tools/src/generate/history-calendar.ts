import { addDays, type LocalDate } from '@baytaq/domain';

/**
 * The fixed dates of the generated history. They never come from the clock, so a seed gives the
 * same history on any day; the CLI only checks that the registry's today is not before TODAY.
 */
export const FOUNDING_DAY: LocalDate = '2022-09-24';
export const PARTY_REGISTERED: LocalDate = '2022-11-28';
/** Branches must be registered within a year of the party (law as amended in 2022). */
export const BRANCH_REGISTRATION_DEADLINE: LocalDate = '2023-11-27';
/** The congresses of the party after its founding one: the regular one two years on, and an extraordinary one. */
export const PARTY_CONGRESSES: readonly LocalDate[] = [FOUNDING_DAY, '2024-09-21'];
export const EXTRAORDINARY_CONGRESS: LocalDate = '2025-06-28';
/** "Today" of every decision: every effective date of the history lies before it. */
export const HISTORY_TODAY: LocalDate = '2026-11-25';
/** The last day of the history, on which the summary counts members. */
export const HISTORY_LAST_DAY: LocalDate = addDays(HISTORY_TODAY, -1);
/** Terms of elected officers: re-election conferences every two years. */
export const TERM_YEARS = 2;
