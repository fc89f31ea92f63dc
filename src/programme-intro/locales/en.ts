import type { IntroMessages } from '../messages.js';

export const en: IntroMessages = {
  label: 'Introduction',
  title: (programme) => `Welcome to ${programme}`,
  about: 'What is it?',
  aboutText: {
    wish: 'WIsH is a resilience training in groep 6 (year 6). Your child learns to set a boundary, stand up for themselves and ask for help. Girls and boys have the lessons separately, from a trainer together with the teacher.',
    kanjer:
      'Kanjertraining teaches children how to get on well with each other. Four caps help, and every cap has a strong side. With the white cap you are yourself: a kanjer.',
    pbs: 'At school we learn agreements together about safety, respect and responsibility. We practise an agreement and give compliments when it works.',
  },
  lessons: 'The lessons',
  where: (current, total) =>
    current === 0
      ? `${total === 1 ? 'There is 1 lesson' : `There are ${total} lessons`}. The first lesson is coming soon.`
      : `The class is now at lesson ${current} of ${total}.`,
  lesson: (n) => `Lesson ${n}`,
  posted: 'Done',
  planned: 'Planned',
  now: 'The class is here now',
  home: 'What we ask at home',
  homeAsks: {
    wish: [
      'After every lesson you get a clip from the class. Watch it together and talk about the question for home.',
      'Practise the WIsH steps at home, with the same words as at school.',
      'Come to the last lesson, Samen weerbaar (resilient together). You will get an invitation.',
    ],
    kanjer: [
      'After every lesson you get a post with a question for home. Talk about it together.',
      'Look out for strong sides together: tell each other when someone acted like a kanjer.',
    ],
    pbs: ['Use the same words at home as at school.', 'Give a compliment when it works, and tell the teacher.'],
  },
  folder: 'Home folder: the four caps',
  folderIntro: 'Every cap has a strong side and a hard side. Together we practise the white cap.',
  caps: {
    white: 'Tiger, white cap: you are yourself and someone to trust. This is the goal: a kanjer.',
    black: 'Bully bird, black cap: takes initiative, is strong and brave. Hard side: sometimes acts bossy or bullies.',
    red: 'Monkey, red cap: has humour, is cheerful and optimistic. Hard side: sometimes laughs at others.',
    yellow: 'Rabbit, yellow cap: friendly, modest, listens well and is empathic. Hard side: is sometimes anxious and says nothing.',
  },
  ask: 'Questions? You can ask',
  roles: {
    teacher: 'Teacher',
    'care-coordinator': 'Care coordinator (IB’er)',
    'youth-centre': 'Youth and family centre (CJG)',
    other: 'Also',
  },
  example: 'Example text from Samen. The school adapts this text.',
};
