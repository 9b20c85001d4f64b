import { createContext } from 'preact';
import { useContext } from 'preact/hooks';

export type Lang = 'kk' | 'ru' | 'en';
export const LANGS: readonly Lang[] = ['kk', 'ru', 'en'];

/** The interface's words; names of organisations and posts come from the registry in each language. */
const WORDS = {
  title: { kk: 'Байтақ тізілімі', ru: 'Реестр «Байтақ»', en: 'Baytaq Registry' },
  structure: { kk: 'Құрылым', ru: 'Структура', en: 'Structure' },
  search: { kk: 'Іздеу', ru: 'Поиск', en: 'Search' },
  statistics: { kk: 'Статистика', ru: 'Статистика', en: 'Statistics' },
  staff: { kk: 'Қызметкерлерге', ru: 'Сотрудникам', en: 'Staff' },
  language: { kk: 'Тіл', ru: 'Язык', en: 'Language' },
  asOf: { kk: 'Күні', ru: 'На дату', en: 'As of' },
  knownAt: { kk: 'Белгілі болған сәт', ru: 'По сведениям на', en: 'As known at' },
  dayFormat: { kk: 'КК.АА.ЖЖЖЖ', ru: 'ДД.ММ.ГГГГ', en: 'DD.MM.YYYY' },
  latest: { kk: 'соңғы', ru: 'последние', en: 'latest' },
  apply: { kk: 'Қолдану', ru: 'Применить', en: 'Apply' },
  answered: { kk: 'Жауап', ru: 'Ответ', en: 'Answered' },
  citeLink: { kk: 'Осы көрініске сілтеме', ru: 'Ссылка на этот вид', en: 'Link to exactly this view' },
  loading: { kk: 'Жүктелуде…', ru: 'Загрузка…', en: 'Loading…' },
  notFound: { kk: 'Табылмады', ru: 'Не найдено', en: 'Not found' },
  head: { kk: 'Басшы', ru: 'Руководитель', en: 'Head' },
  noHead: { kk: 'басшы жоқ', ru: 'нет руководителя', en: 'no head' },
  members: { kk: 'Мүшелер', ru: 'Члены', en: 'Members' },
  membersWithin: { kk: 'барлығы', ru: 'всего', en: 'in all' },
  emptyTree: { kk: 'Бұл күні ұйым жоқ', ru: 'На эту дату организаций нет', en: 'No organisation on this date' },
  posts: { kk: 'Лауазымдар', ru: 'Должности', en: 'Posts' },
  holders: { kk: 'Иелері', ru: 'Занимающие', en: 'Holders' },
  vacant: { kk: 'бос', ru: 'вакантна', en: 'vacant' },
  children: { kk: 'Бөлімшелер', ru: 'Подразделения', en: 'Units' },
  history: { kk: 'Тарих', ru: 'История', en: 'History' },
  meetings: { kk: 'Жиналыстар', ru: 'Собрания', en: 'Meetings' },
  retracted: { kk: 'Қайтарылды', ru: 'Отозвано', en: 'Retracted' },
  reason: { kk: 'себебі', ru: 'причина', en: 'reason' },
  basis: { kk: 'Негіз', ru: 'Основание', en: 'Basis' },
  recordedAt: { kk: 'Жазылды', ru: 'Записано', en: 'Recorded' },
  effective: { kk: 'Күшіне енді', ru: 'Действует с', en: 'Effective' },
  actor: { kk: 'Кім', ru: 'Кем', en: 'By' },
  entry: { kk: 'Жазба', ru: 'Запись', en: 'Entry' },
  succession: { kk: 'Мирасқорлық', ru: 'Преемственность', en: 'Succession' },
  vacancy: { kk: 'Бос орын', ru: 'Вакансия', en: 'Vacancy' },
  predecessor: { kk: 'Алдыңғы', ru: 'Предшественник', en: 'Predecessor' },
  successor: { kk: 'Кейінгі', ru: 'Преемник', en: 'Successor' },
  from: { kk: 'Бастап', ru: 'С', en: 'From' },
  to: { kk: 'Дейін', ru: 'По', en: 'To' },
  now: { kk: 'қазір', ru: 'по н. в.', en: 'present' },
  method: { kk: 'Тәсіл', ru: 'Способ', en: 'Method' },
  endReason: { kk: 'Аяқталу себебі', ru: 'Причина окончания', en: 'End reason' },
  person: { kk: 'Тұлға', ru: 'Лицо', en: 'Person' },
  positions: { kk: 'Лауазымдары', ru: 'Должности', en: 'Positions' },
  post: { kk: 'Лауазым', ru: 'Должность', en: 'Post' },
  organisation: { kk: 'Ұйым', ru: 'Организация', en: 'Organisation' },
  meeting: { kk: 'Жиналыс', ru: 'Собрание', en: 'Meeting' },
  agenda: { kk: 'Күн тәртібі', ru: 'Повестка дня', en: 'Agenda' },
  decisions: { kk: 'Шешімдер', ru: 'Решения', en: 'Decisions' },
  date: { kk: 'Күні', ru: 'Дата', en: 'Date' },
  place: { kk: 'Орны', ru: 'Место', en: 'Place' },
  attendance: { kk: 'Қатысқаны', ru: 'Присутствовало', en: 'Attendance' },
  searchLabel: { kk: 'Аты-жөні', ru: 'Имя или фамилия', en: 'Name' },
  searchHint: { kk: 'кирилл немесе латын', ru: 'кириллицей или латиницей', en: 'Cyrillic or Latin' },
  find: { kk: 'Табу', ru: 'Найти', en: 'Find' },
  more: { kk: 'Тағы', ru: 'Ещё', en: 'More' },
  noMatches: { kk: 'Ешкім табылмады', ru: 'Никого не найдено', en: 'Nobody found' },
  byRegion: { kk: 'Өңірлер бойынша мүшелер', ru: 'Члены по регионам', en: 'Members by region' },
  region: { kk: 'Өңір', ru: 'Регион', en: 'Region' },
  count: { kk: 'Саны', ru: 'Число', en: 'Count' },
  total: { kk: 'Барлығы', ru: 'Всего', en: 'Total' },
  apiKey: { kk: 'API кілті', ru: 'API-ключ', en: 'API key' },
  keyKept: {
    kk: 'Кілт тек осы қойындының сессиясында сақталады',
    ru: 'Ключ хранится только в сессии этой вкладки',
    en: 'The key is kept in this tab’s session only',
  },
  useKey: { kk: 'Кілтті қолдану', ru: 'Использовать ключ', en: 'Use key' },
  forgetKey: { kk: 'Кілтті ұмыту', ru: 'Забыть ключ', en: 'Forget key' },
  keySet: { kk: 'Кілт берілді', ru: 'Ключ задан', en: 'A key is set' },
  filings: { kk: 'Есептер', ru: 'Отчёты', en: 'Filings' },
  kind: { kk: 'Түрі', ru: 'Вид', en: 'Kind' },
  preview: { kk: 'Алдын ала қарау', ru: 'Предпросмотр', en: 'Preview' },
  download: { kk: 'Жүктеп алу', ru: 'Скачать', en: 'Download' },
  issue: { kk: 'Шығару', ru: 'Выпустить', en: 'Issue' },
  issued: { kk: 'Шығарылды', ru: 'Выпущен', en: 'Issued' },
  pending: { kk: 'Есепке кірмеген өзгерістер', ru: 'Изменения без отчёта', en: 'Pending changes' },
  import: { kk: 'Мүшелерді жүктеу', ru: 'Загрузка членов', en: 'Member import' },
  file: { kk: 'CSV файлы', ru: 'Файл CSV', en: 'CSV file' },
  dryRun: { kk: 'Тек тексеру', ru: 'Только проверка', en: 'Dry run (validate only)' },
  start: { kk: 'Бастау', ru: 'Начать', en: 'Start' },
  progress: { kk: 'Барысы', ru: 'Ход', en: 'Progress' },
  rejectedRows: { kk: 'Қабылданбаған жолдар', ru: 'Отклонённые строки', en: 'Rejected rows' },
  row: { kk: 'Жол', ru: 'Строка', en: 'Row' },
  field: { kk: 'Өріс', ru: 'Поле', en: 'Field' },
  error: { kk: 'Қате', ru: 'Ошибка', en: 'Error' },
  needsKey: { kk: 'Бұл бөлімге кілт керек', ru: 'Для этого раздела нужен ключ', en: 'This part needs an API key' },
  logBadge: { kk: 'Журналды тексеру', ru: 'Проверка по журналу', en: 'Log verification' },
  logChecking: { kk: 'Журнал бойынша тексерілуде…', ru: 'Проверяется по журналу…', en: 'Checking against the log…' },
  logFailed: { kk: 'Тексеруден өтпеді', ru: 'Проверка не пройдена', en: 'Not verified' },
  logVerified: { kk: 'Тексерілді:', ru: 'Проверено:', en: 'Verified:' },
  logEvents: {
    kk: 'оқиға осы браузерде қол қойылған бақылау нүктесімен салыстырылды, өлшемі',
    ru: 'событий проверены в этом браузере по подписанной контрольной точке размера',
    en: 'events checked in this browser against the signed checkpoint of size',
  },
  logRoot: { kk: 'түбірі', ru: 'корень', en: 'root' },
  logSigned: {
    kk: 'Ed25519 қолтаңбасы осы кілтпен тексерілді:',
    ru: 'Подпись Ed25519 проверена ключом:',
    en: 'Ed25519 signature checked with the key:',
  },
  logSignatureUnchecked: {
    kk: 'Бұл браузер Ed25519 қолтаңбасын тексере алмайды; кілт:',
    ru: 'Этот браузер не умеет проверять подпись Ed25519: подпись НЕ проверена; ключ:',
    en: 'This browser cannot check Ed25519: the signature was NOT checked; key:',
  },
  logCite: {
    kk: 'Осы бақылау нүктесіне сілтеме:',
    ru: 'Ссылка с этой контрольной точкой:',
    en: 'Link citing checkpoint',
  },
  erasedOn: { kk: 'Дербес деректер жойылды:', ru: 'Персональные данные удалены:', en: 'Personal data erased on' },
  erasedKept: {
    kk: 'Тек лауазым иесінің жария аты мен қызмет мерзімдері сақталған.',
    ru: 'Сохранены только публичное имя должностного лица и сроки полномочий.',
    en: "Only an officer's public name and tenures are kept.",
  },
} as const;

export type Word = keyof typeof WORDS;
export type Translate = (word: Word) => string;

export function translator(lang: Lang): Translate {
  return (word) => WORDS[word][lang];
}

/** The browser's first language the explorer speaks, else Russian. */
export function browserLang(languages: readonly string[]): Lang {
  for (const tag of languages) {
    const base = tag.toLowerCase().split('-')[0] as Lang;
    if (LANGS.includes(base)) return base;
  }
  return 'ru';
}

export const LangContext = createContext<{ lang: Lang; t: Translate }>({ lang: 'ru', t: translator('ru') });
export const useLang = () => useContext(LangContext);
