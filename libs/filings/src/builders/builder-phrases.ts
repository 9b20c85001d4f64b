import { type FilingLang } from '../filing-document';
import { type Localized } from '../labels';

/**
 * Text the builders write into cells and headings, already in the document's language. The
 * column labels and enumerations the renderers translate live in `labels.ts`; these are the
 * words a builder composes with data (an ending's reason, a meeting's kind, the law's minimums).
 */
export const TENURE_END_REASON_TEXT: Readonly<Record<string, Localized>> = {
  resigned: { ru: 'Сложение полномочий', kk: 'Өкілеттікті өз еркімен тапсыру', en: 'Resigned' },
  dismissed: { ru: 'Освобождение от должности', kk: 'Лауазымынан босату', en: 'Dismissed' },
  term_expired: { ru: 'Истечение срока полномочий', kk: 'Өкілеттік мерзімінің өтуі', en: 'Term expired' },
  died: { ru: 'Смерть', kk: 'Қайтыс болуы', en: 'Died' },
  post_abolished: { ru: 'Упразднение должности', kk: 'Лауазымның қысқартылуы', en: 'Post abolished' },
  membership_ended: { ru: 'Прекращение членства', kk: 'Мүшеліктің тоқтатылуы', en: 'Membership ended' },
  other: { ru: 'Иное', kk: 'Басқа', en: 'Other' },
};

export const MEETING_KIND_TEXT: Readonly<Record<string, Localized>> = {
  congress: { ru: 'Съезд', kk: 'Съезд', en: 'Congress' },
  conference: { ru: 'Конференция', kk: 'Конференция', en: 'Conference' },
  general_meeting: { ru: 'Общее собрание', kk: 'Жалпы жиналыс', en: 'General meeting' },
  council_session: { ru: 'Заседание совета', kk: 'Кеңес отырысы', en: 'Council session' },
  other: { ru: 'Собрание', kk: 'Жиналыс', en: 'Meeting' },
};

export const BUILDER_TEXT = {
  acting: { ru: 'временно исполняющий обязанности', kk: 'міндетін уақытша атқарушы', en: 'acting' },
  present: { ru: 'присутствовало: {count}', kk: 'қатысқандар: {count}', en: 'present: {count}' },
  lawBefore2022: {
    ru: 'Закон РК «О политических партиях» в редакции до изменений 2022 года',
    kk: '«Саяси партиялар туралы» ҚР Заңы, 2022 жылғы өзгерістерге дейінгі редакциясы',
    en: 'Law of the RK "On Political Parties" as before the 2022 amendment',
  },
  lawAfter2022: {
    ru: 'Закон РК «О политических партиях» с изменениями 2022 года',
    kk: '«Саяси партиялар туралы» ҚР Заңы, 2022 жылғы өзгерістермен',
    en: 'Law of the RK "On Political Parties" as amended in 2022',
  },
  partyMinimum: {
    ru: '{law}: инициативная группа не менее {initiative} граждан, не менее {party} членов партии и не менее {region} членов в каждом регионе',
    kk: '{law}: бастамашыл топ кемінде {initiative} азамат, партия мүшелері кемінде {party}, әр өңірде кемінде {region} мүше',
    en: '{law}: an initiative group of at least {initiative} citizens, at least {party} party members and at least {region} members in every region',
  },
  regions: {
    ru: 'Численность членов по регионам (регионов на дату: {count})',
    kk: 'Өңірлер бойынша мүшелер саны (күнге өңірлер саны: {count})',
    en: 'Members by region (regions on the date: {count})',
  },
  belowMinimum: {
    ru: 'Регионы с численностью ниже минимума: {count}',
    kk: 'Мүшелер саны ең аз саннан төмен өңірлер: {count}',
    en: 'Regions below the minimum: {count}',
  },
  lateBranches: {
    ru: 'Регионы, филиал которых не зарегистрирован в течение {months} мес. со дня регистрации партии ({registered}; срок — {deadline}): {count}',
    kk: 'Филиалы партия тіркелген күннен ({registered}) бастап {months} ай ішінде тіркелмеген өңірлер (мерзімі — {deadline}): {count}',
    en: "Regions whose branch was not registered within {months} months of the party's registration ({registered}; deadline {deadline}): {count}",
  },
  partyNotRegistered: {
    ru: 'Партия не зарегистрирована на {date}: срок регистрации филиалов не исчисляется',
    kk: '{date} күні партия тіркелмеген: филиалдарды тіркеу мерзімі есептелмейді',
    en: 'The party is not registered by {date}: no branch registration deadline runs yet',
  },
  withSubBranches: {
    ru: '{name}, включая нижестоящие филиалы',
    kk: '{name}, төменгі филиалдарымен қоса',
    en: '{name}, including its sub-branches',
  },
} as const satisfies Record<string, Localized>;

export function builderText(
  key: keyof typeof BUILDER_TEXT,
  lang: FilingLang,
  blanks: Readonly<Record<string, string | number>> = {},
): string {
  return BUILDER_TEXT[key][lang].replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.hasOwn(blanks, name) ? String(blanks[name]) : whole,
  );
}

/** A label of the table, or the code itself for a code the table does not know (never silently empty). */
export function textOf(table: Readonly<Record<string, Localized>>, code: string, lang: FilingLang): string {
  return Object.hasOwn(table, code) ? table[code]![lang] : code;
}
