import { type OrganisationKind, type TenureMethod } from '@baytaq/domain';
import { type FilingKind, type FilingLang } from './filing-document';

export type Localized = Readonly<Record<FilingLang, string>>;

export const KIND_TITLES: Readonly<Record<FilingKind, Localized>> = {
  structure: {
    ru: 'Сведения о структуре партии',
    kk: 'Партия құрылымы туралы мәліметтер',
    en: 'Structure of the party',
  },
  'leadership-changes': {
    ru: 'Сведения об изменениях в руководстве',
    kk: 'Басшылықтағы өзгерістер туралы мәліметтер',
    en: 'Changes of leadership',
  },
  'membership-compliance': {
    ru: 'Соответствие численности членов партии минимуму, установленному законом',
    kk: 'Партия мүшелері санының заңда белгіленген ең аз санға сәйкестігі',
    en: 'Membership against the statutory minimums',
  },
  'member-list': {
    ru: 'Список членов партии',
    kk: 'Партия мүшелерінің тізімі',
    en: 'List of party members',
  },
};

export const COLUMN_LABELS = {
  rowNumber: { ru: '№', kk: '№', en: 'No.' },
  organisation: { ru: 'Организация', kk: 'Ұйым', en: 'Organisation' },
  kind: { ru: 'Вид', kk: 'Түрі', en: 'Kind' },
  region: { ru: 'Регион', kk: 'Өңір', en: 'Region' },
  registrationAuthority: { ru: 'Регистрирующий орган', kk: 'Тіркеуші орган', en: 'Registration authority' },
  registrationNumber: { ru: 'Регистрационный номер', kk: 'Тіркеу нөмірі', en: 'Registration number' },
  bin: { ru: 'БИН', kk: 'БСН', en: 'BIN' },
  registrationDate: { ru: 'Дата регистрации', kk: 'Тіркелген күні', en: 'Registration date' },
  head: { ru: 'Руководитель', kk: 'Басшы', en: 'Head' },
  since: { ru: 'В должности с', kk: 'Қызметке кіріскен күні', en: 'Since' },
  memberCount: { ru: 'Число членов', kk: 'Мүшелер саны', en: 'Member count' },
  post: { ru: 'Должность', kk: 'Лауазым', en: 'Post' },
  previousHolder: { ru: 'Предшественник', kk: 'Алдыңғы лауазым иесі', en: 'Previous holder' },
  nextHolder: { ru: 'Преемник', kk: 'Жаңа лауазым иесі', en: 'Next holder' },
  effectiveDate: { ru: 'Дата вступления в силу', kk: 'Күшіне енген күні', en: 'Effective date' },
  method: { ru: 'Способ', kk: 'Тәсілі', en: 'Method' },
  basis: { ru: 'Основание', kk: 'Негіздеме', en: 'Basis' },
  meeting: { ru: 'Собрание', kk: 'Жиналыс', en: 'Meeting' },
  place: { ru: 'Место проведения', kk: 'Өткізілген орны', en: 'Place' },
  protocolNumber: { ru: 'Номер протокола', kk: 'Хаттама нөмірі', en: 'Minutes number' },
  votesFor: { ru: 'За', kk: 'Жақтағандар', en: 'For' },
  votesAgainst: { ru: 'Против', kk: 'Қарсы болғандар', en: 'Against' },
  votesAbstained: { ru: 'Воздержались', kk: 'Қалыс қалғандар', en: 'Abstained' },
  members: { ru: 'Численность членов', kk: 'Мүшелер', en: 'Members' },
  minimum: { ru: 'Минимум по закону', kk: 'Заң бойынша ең аз саны', en: 'Statutory minimum' },
  shortfall: { ru: 'Недостаёт', kk: 'Жетіспейді', en: 'Shortfall' },
  deadline: { ru: 'Срок регистрации', kk: 'Тіркеу мерзімі', en: 'Deadline' },
  daysOverdue: { ru: 'Просрочено, дней', kk: 'Кешіктірілген күндер', en: 'Days overdue' },
  quorum: { ru: 'Кворум', kk: 'Кворум', en: 'Quorum' },
  fullName: { ru: 'Фамилия, имя, отчество', kk: 'Тегі, аты, әкесінің аты', en: 'Full name' },
  iin: { ru: 'ИИН', kk: 'ЖСН', en: 'IIN' },
  admissionDate: { ru: 'Дата вступления в партию', kk: 'Партияға кірген күні', en: 'Admission date' },
  cardNumber: { ru: 'Номер партийного билета', kk: 'Партия билетінің нөмірі', en: 'Card number' },
  total: { ru: 'Итого', kk: 'Барлығы', en: 'Total' },
} as const satisfies Record<string, Localized>;
export type ColumnLabelKey = keyof typeof COLUMN_LABELS;

export const ORGANISATION_KIND_LABELS: Readonly<Record<OrganisationKind, Localized>> = {
  party: { ru: 'Партия', kk: 'Партия', en: 'Party' },
  regional_branch: { ru: 'Региональный филиал', kk: 'Өңірлік филиал', en: 'Regional branch' },
  city_branch: { ru: 'Городской филиал', kk: 'Қалалық филиал', en: 'City branch' },
  district_branch: { ru: 'Районный филиал', kk: 'Аудандық филиал', en: 'District branch' },
  primary_branch: { ru: 'Первичная партийная организация', kk: 'Бастауыш партия ұйымы', en: 'Primary branch' },
  body: { ru: 'Коллегиальный орган', kk: 'Алқалы орган', en: 'Collegial body' },
};

export const TENURE_METHOD_LABELS: Readonly<Record<TenureMethod, Localized>> = {
  elected: { ru: 'Избрание', kk: 'Сайлау', en: 'Elected' },
  appointed: { ru: 'Назначение', kk: 'Тағайындау', en: 'Appointed' },
  co_opted: { ru: 'Кооптация', kk: 'Кооптация', en: 'Co-opted' },
  acting: { ru: 'Временное исполнение обязанностей', kk: 'Міндетін уақытша атқару', en: 'Acting' },
};

/** Enumerations a column may declare; the domain's unions key them, so a new code fails to compile. */
export const ENUMERATION_LABELS = {
  organisationKind: ORGANISATION_KIND_LABELS,
  tenureMethod: TENURE_METHOD_LABELS,
} as const satisfies Record<string, Readonly<Record<string, Localized>>>;
export type EnumerationKey = keyof typeof ENUMERATION_LABELS;

/** Phrases with blanks, filled by the renderers: word order differs between the languages. */
export const PHRASES = {
  asOf: { ru: 'По состоянию на {date}', kk: '{date} жағдай бойынша', en: 'As of {date}' },
  knownAt: {
    ru: 'по данным реестра на {time}',
    kk: 'тізілімнің {time} кезіндегі деректері бойынша',
    en: 'as known at {time}',
  },
  period: { ru: 'Период: {from} — {to}', kk: 'Кезең: {from} — {to}', en: 'Period: {from} – {to}' },
  page: { ru: 'Страница {page} из {pages}', kk: '{pages} беттің {page}-беті', en: 'Page {page} of {pages}' },
  dataHash: { ru: 'SHA-256 данных: {hash}', kk: 'Деректердің SHA-256 хеші: {hash}', en: 'SHA-256 of the data: {hash}' },
  logCheckpoint: {
    ru: 'Журнал реестра: размер дерева {size}, корень {root}',
    kk: 'Тізілім журналы: ағаш өлшемі {size}, түбірі {root}',
    en: 'Registry log: tree size {size}, root {root}',
  },
  noRows: { ru: 'Записей нет', kk: 'Жазбалар жоқ', en: 'No entries' },
} as const satisfies Record<string, Localized>;
export type PhraseKey = keyof typeof PHRASES;

export function kindTitle(kind: FilingKind, lang: FilingLang): string {
  return KIND_TITLES[kind][lang];
}

export function columnLabel(key: ColumnLabelKey, lang: FilingLang): string {
  return COLUMN_LABELS[key][lang];
}

/** The label of an enumeration code, or undefined when the code is not one of the enumeration's. */
export function enumerationLabel(enumeration: EnumerationKey, code: string, lang: FilingLang): string | undefined {
  const labels: Readonly<Record<string, Localized>> = ENUMERATION_LABELS[enumeration];
  return Object.hasOwn(labels, code) ? labels[code]![lang] : undefined;
}

export function phrase(key: PhraseKey, lang: FilingLang, blanks: Readonly<Record<string, string | number>>): string {
  return PHRASES[key][lang].replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.hasOwn(blanks, name) ? String(blanks[name]) : whole,
  );
}
