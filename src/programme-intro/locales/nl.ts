import type { IntroMessages } from '../messages.js';

export const nl: IntroMessages = {
  label: 'Kennismaking',
  title: (programme) => `Welkom bij ${programme}`,
  about: 'Wat is het?',
  aboutText: {
    wish: 'WIsH is een weerbaarheidstraining in groep 6. Je kind leert een grens aangeven, voor zichzelf opkomen en om hulp vragen. Meisjes en jongens krijgen de lessen apart, van een trainer samen met de leerkracht.',
    kanjer:
      'Kanjertraining leert kinderen hoe je fijn met elkaar omgaat. Vier petten helpen daarbij, en elke pet heeft een sterke kant. Met de witte pet ben je jezelf: een kanjer.',
    pbs: 'Op school leren we samen afspraken over veiligheid, respect en verantwoordelijkheid. We oefenen een afspraak en geven complimenten als het lukt.',
  },
  lessons: 'De lessen',
  where: (current, total) =>
    current === 0
      ? `${total === 1 ? 'Er is 1 les' : `Er zijn ${total} lessen`}. De eerste les komt eraan.`
      : `De klas is nu bij les ${current} van ${total}.`,
  lesson: (n) => `Les ${n}`,
  posted: 'Geweest',
  planned: 'Gepland',
  now: 'Hier is de klas nu',
  home: 'Wat we thuis vragen',
  homeAsks: {
    wish: [
      'Na elke les krijg je een filmpje van de klas. Kijk het samen en praat over de vraag voor thuis.',
      'Oefen de WIsH-stappen thuis, met dezelfde woorden als op school.',
      'Kom naar de laatste les, Samen weerbaar. Je krijgt een uitnodiging.',
    ],
    kanjer: [
      'Na elke les krijg je een bericht met een vraag voor thuis. Praat er samen over.',
      'Let samen op sterke kanten: vertel elkaar wanneer iemand zich als een kanjer gedroeg.',
    ],
    pbs: ['Gebruik thuis dezelfde woorden als op school.', 'Geef een compliment als het lukt, en vertel het de leerkracht.'],
  },
  folder: 'Thuismap: de vier petten',
  folderIntro: 'Elke pet heeft een sterke kant en een lastige kant. Samen oefenen we de witte pet.',
  caps: {
    white: 'Tijger, witte pet: je bent jezelf en te vertrouwen. Dit is het doel: een kanjer.',
    black: 'Pestvogel, zwarte pet: neemt initiatief, is sterk en durft. Lastige kant: speelt soms de baas of pest.',
    red: 'Aap, rode pet: heeft humor, is vrolijk en optimistisch. Lastige kant: lacht soms anderen uit.',
    yellow: 'Konijn, gele pet: vriendelijk, bescheiden, luistert goed en leeft mee. Lastige kant: is soms bang en zegt dan niets.',
  },
  ask: 'Vragen? Je kunt terecht bij',
  roles: { teacher: 'Leerkracht', 'care-coordinator': 'IB’er', 'youth-centre': 'Centrum voor Jeugd en Gezin', other: 'Ook' },
  example: 'Voorbeeldtekst van Samen. De school past deze tekst aan.',
};
