/**
 * The React typings as a host's strict TypeScript meets them (test/types/typings.test.mjs):
 * every line marked `@ts-expect-error` must be a compile error (the test also checks that it
 * is one without the marker), and everything else must compile.
 */
import { useState } from 'react';
import { SamenLessonClip, SamenProvider, SamenRewardChart, SamenFeelingsCheckin } from '../../src/frameworks/react.js';
import { MemoryAdapter } from '../../src/adapters/memory-adapter.js';

const adapter = new MemoryAdapter();

/** Correct code: props, event props with their detail, the plain tags. */
export function Correct() {
  const [answer, setAnswer] = useState('');
  return (
    <SamenProvider adapter={adapter} locale="nl">
      <SamenLessonClip
        clipId="wish-2"
        view="parent"
        onSamenAnswer={(e) => setAnswer(e.detail.text ?? e.detail.kind)}
        onSamenError={(e) => console.warn(e.detail.kind)}
      />
      <SamenRewardChart chartId="class-wish" view="teacher" onSamenAward={(e) => void e.detail.chartId} />
      <SamenFeelingsCheckin childId="child-1" onSamenCheckin={(e) => void e.detail.feeling} />
      <samen-lesson-clip clipId="wish-2" view="parent" onsamen-answer={(e) => setAnswer(e.detail.kind)} />
      <p>{answer}</p>
    </SamenProvider>
  );
}

export const misspeltEvent = (
  // @ts-expect-error onSamenAnswr: an event prop the component does not have
  <SamenLessonClip clipId="wish-2" onSamenAnswr={() => {}} />
);

export const eventOfAnother = (
  // @ts-expect-error onSamenAward: the lesson clip does not fire samen-award
  <SamenLessonClip clipId="wish-2" onSamenAward={() => {}} />
);

export const misspeltProp = (
  // @ts-expect-error clipID: a property the component does not have
  <SamenLessonClip clipID="wish-2" />
);

export const wrongValue = (
  // @ts-expect-error view: 'principal' is not a view
  <SamenLessonClip clipId="wish-2" view="principal" />
);

export const wrongDetail = (
  <SamenLessonClip
    clipId="wish-2"
    // @ts-expect-error detail.answer: samen-answer's detail has text and kind, no answer
    onSamenAnswer={(e) => void e.detail.answer}
  />
);

export const wrongDetailOnTag = (
  // @ts-expect-error detail.answer on the plain tag: the handler is typed there too
  <samen-lesson-clip clipId="wish-2" onsamen-answer={(e) => void e.detail.answer} />
);

export const wrongPropOnTag = (
  // @ts-expect-error clipID on the plain tag: a camelCase prop is checked
  <samen-lesson-clip clipID="wish-2" />
);

/** What the plain tag can't check: a hyphenated attribute, so a misspelt event compiles. Use the components. */
export const uncheckedOnTag = <samen-lesson-clip clipId="wish-2" onsamen-answr={() => {}} />;
