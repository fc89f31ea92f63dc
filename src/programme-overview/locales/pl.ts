import type { OverviewMessages } from '../messages.js';
import { plural } from '../../core/plural.js';

const count = (n: number, one: string, few: string, many: string, other: string) => plural('pl', n, { one, few, many, other });
/** After "z" (out of), a genitive: "z 1 rodziny", "z 24 rodzin". */
const ofFamilies = (n: number, total: number) => `${n} z ${total} ${count(total, 'rodziny', 'rodzin', 'rodzin', 'rodziny')}`;
const ofHouseholds = (n: number, total: number) =>
  `${n} z ${total} ${count(total, 'gospodarstwa', 'gospodarstw', 'gospodarstw', 'gospodarstwa')}`;
const families = (n: number) => `${n} ${count(n, 'rodzina', 'rodziny', 'rodzin', 'rodziny')}`;
export const pl: OverviewMessages = {
  heading: (programme) => `${programme}: jak poszła każda lekcja`,
  show: 'Pokaż',
  measures: {
    seen: 'Obejrzały',
    talked: 'Rozmawiały o tym w domu',
    answered: 'Odpowiedziały',
    reacted: 'Zareagowały',
    'households-seen': 'Obejrzały (gospodarstwa domowe)',
    'households-talked': 'Rozmawiały o tym w domu (gospodarstwa domowe)',
    'households-answered': 'Odpowiedziały (gospodarstwa domowe)',
    'households-reacted': 'Zareagowały (gospodarstwa domowe)',
    views: 'Wyświetlenia',
    likes: 'Polubienia',
    reactions: 'Komentarze',
  },
  measureNote: {
    families: 'Odsetek rodzin z klasy. Każda rodzina liczy się raz.',
    households: 'Odsetek gospodarstw domowych. Dziecko, które mieszka w dwóch domach, liczy się w każdym.',
    count: 'Liczba przy filmiku. Wyświetlenia to nie rodziny: jedna rodzina może oglądać kilka razy.',
  },
  cls: 'Klasa',
  lesson: (n) => `Lekcja ${n}`,
  caption: (measure, minimum) => `${measure} według klasy i lekcji. Brak liczb dla klasy, w której rodzin jest mniej niż ${minimum}.`,
  familiesCount: (n) => families(n),
  lessonsOf: (first, last) => (last === first + 1 ? `Lekcje ${first} i ${last}` : `Lekcje od ${first} do ${last}`),
  lessonsColumn: 'Lekcja',
  postedColumn: 'Opublikowano',
  notPosted: 'nie opublikowano',
  tooFew: 'za mało rodzin',
  unknown: 'nieznane',
  shareOfFamilies: ofFamilies,
  shareOfHouseholds: ofHouseholds,
  postedOn: (date) => `opublikowano ${date}`,
  chartsHeading: 'Przebieg w każdej klasie',
  chartLabel: (cls, measure) => `${measure} w klasie ${cls}, lekcja po lekcji. Liczby są w tabeli.`,
  exportCsv: 'Pobierz tabelę (CSV)',
  exportSvg: 'Pobierz wykresy (SVG)',
  fileName: 'przeglad-programu',
  families: 'Rodziny',
  households: 'Gospodarstwa domowe',
  percentOf: (label) => `${label} (%)`,
  unreachedHeading: 'Jeszcze nie dotarło',
  unreachedNote:
    'Tylko Ty widzisz te nazwiska. Te rodziny nie widziały jeszcze żadnej lekcji tego programu. Osobista wiadomość może pomóc.',
  unreachedNone: 'Dotarło do wszystkich rodzin.',
  unreachedIn: (cls, n) => `${cls}: ${families(n)}`,
  noClasses: 'Nie opublikowano jeszcze żadnej lekcji tego programu.',
  afterColumn: 'Po ostatniej lekcji',
  followUp: (lesson) => `Ciąg dalszy lekcji ${lesson}`,
  repeat: (lesson) => `Powtórka lekcji ${lesson}`,
  repeatIn: (lesson, cls) => `Powtórka lekcji ${lesson} w ${cls}`,
  plannedOn: (date) => `zaplanowano ${date}`,
  noFollowUp: 'Jeszcze nic',
};
