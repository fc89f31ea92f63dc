import type { IntroMessages } from '../messages.js';

export const pl: IntroMessages = {
  label: 'Wprowadzenie',
  title: (programme) => `Witamy w programie ${programme}`,
  about: 'Co to jest?',
  aboutText: {
    wish: 'WIsH to trening odporności w klasie groep 6. Dziecko uczy się stawiać granice, bronić siebie i prosić o pomoc. Dziewczynki i chłopcy mają lekcje osobno, z trenerem i nauczycielem.',
    kanjer:
      'Kanjertraining uczy dzieci, jak dobrze się ze sobą dogadywać. Pomagają w tym cztery czapki, a każda ma swoją mocną stronę. W białej czapce jesteś sobą: to kanjer.',
    pbs: 'W szkole uczymy się wspólnych zasad: bezpieczeństwa, szacunku i odpowiedzialności. Ćwiczymy zasadę i chwalimy, gdy się udaje.',
  },
  lessons: 'Lekcje',
  where: (current, total) =>
    current === 0 ? `Liczba lekcji: ${total}. Pierwsza lekcja już wkrótce.` : `Klasa jest teraz na lekcji ${current} z ${total}.`,
  lesson: (n) => `Lekcja ${n}`,
  posted: 'Odbyła się',
  planned: 'Zaplanowana',
  now: 'Tu jest teraz klasa',
  home: 'O co prosimy w domu',
  homeAsks: {
    wish: [
      'Po każdej lekcji dostaniesz filmik z klasy. Obejrzyjcie go razem i porozmawiajcie o pytaniu na dom.',
      'Ćwiczcie w domu kroki WIsH, tymi samymi słowami co w szkole.',
      'Przyjdź na ostatnią lekcję, Samen weerbaar. Dostaniesz zaproszenie.',
    ],
    kanjer: [
      'Po każdej lekcji dostaniesz wiadomość z pytaniem na dom. Porozmawiajcie o nim razem.',
      'Zwracajcie uwagę na mocne strony: mówcie sobie, kiedy ktoś zachował się jak kanjer.',
    ],
    pbs: ['Używajcie w domu tych samych słów co w szkole.', 'Pochwal dziecko, gdy się uda, i powiedz o tym nauczycielowi.'],
  },
  folder: 'Teczka domowa: cztery czapki',
  folderIntro: 'Każda czapka ma mocną stronę i trudną stronę. Razem ćwiczymy białą czapkę.',
  caps: {
    white: 'Tygrys, biała czapka: jesteś sobą i można ci ufać. To jest cel: kanjer.',
    black: 'Ptak-dręczyciel, czarna czapka: ma inicjatywę, jest silny i odważny. Trudna strona: czasem rządzi innymi albo dokucza.',
    red: 'Małpa, czerwona czapka: ma poczucie humoru, jest wesoła i optymistyczna. Trudna strona: czasem śmieje się z innych.',
    yellow: 'Królik, żółta czapka: przyjazny, skromny, dobrze słucha i współczuje. Trudna strona: czasem się boi i nic nie mówi.',
  },
  ask: 'Pytania? Możesz zwrócić się do',
  roles: {
    teacher: 'Nauczyciel',
    'care-coordinator': 'Koordynator wsparcia (IB’er)',
    'youth-centre': 'Centrum dla młodzieży i rodziny (CJG)',
    other: 'Także',
  },
  example: 'Przykładowy tekst od Samen. Szkoła dostosowuje ten tekst.',
};
