// The elements are defined before React renders them. The parent's card uses the React
// components (@samen/widgets/react, made with @lit/react): every prop and event prop is
// type-checked, `onSamenAnswer` included. The teacher's card is the plain tag with the JSX
// typings: React 19 sets `adapter`, `clipId` and `view` as properties and turns `onsamen-*`
// props into listeners, but TypeScript does not check a hyphenated name.
import '@samen/widgets/provider';
import '@samen/widgets/lesson-clip';
import { SamenLessonClip, SamenProvider } from '@samen/widgets/react';
import { MemoryAdapter } from '@samen/widgets/adapters/memory';
import { useState } from 'react';

// One store seen by two people: the parent's answer shows up live for the teacher.
// A real host passes its own adapter, e.g. new HttpAdapter({ baseUrl, getToken }).
const parentAdapter = new MemoryAdapter({ locale: 'en' });
const teacherAdapter = parentAdapter.forViewer('teacher-1');

export function App() {
  const [lastAnswer, setLastAnswer] = useState('none yet');

  return (
    <main>
      <h1>Samen in a React 19 app</h1>
      <section>
        <h2>Parent</h2>
        <SamenProvider adapter={parentAdapter} locale="en">
          <SamenLessonClip clipId="wish-2" view="parent" onSamenAnswer={(e) => setLastAnswer(e.detail.text ?? e.detail.kind)} />
        </SamenProvider>
        <p id="last-answer" role="status">
          Last answer: {lastAnswer}
        </p>
      </section>
      <section>
        <h2>Teacher</h2>
        <samen-provider adapter={teacherAdapter} locale="en">
          <samen-lesson-clip clipId="wish-2" view="teacher" />
        </samen-provider>
      </section>
    </main>
  );
}
