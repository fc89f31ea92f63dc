/**
 * Compile-time checks of the generated React and Vue typings (`npm run typecheck`): each
 * `@ts-expect-error` line must be an error, so a typing that got looser fails the build.
 */
import type { JSX } from 'react';
import type { GlobalComponents } from 'vue';
import type {} from '../../src/frameworks/react.js';
import type {} from '../../src/frameworks/vue.js';
import type { SamenAnswerDetail } from '../../src/core/events.js';

type Props<T extends keyof JSX.IntrinsicElements> = JSX.IntrinsicElements[T];

export const clip: Props<'samen-lesson-clip'> = {
  clipId: 'wish-2',
  view: 'parent',
  'onsamen-answer': (event) => {
    const detail: SamenAnswerDetail = event.detail;
    void detail.clipId;
  },
};

// @ts-expect-error a view that does not exist
export const badView: Props<'samen-lesson-clip'> = { view: 'principal' };

// @ts-expect-error a prop the element does not have
export const badProp: Props<'samen-reward-chart'> = { clipId: 'wish-2' };

// @ts-expect-error an event the element does not fire
export const badEvent: Props<'samen-reward-chart'> = { 'onsamen-answer': () => {} };

export const matrix: Props<'samen-expectation-matrix'> = { matrixId: 'matrix-school', layout: 'list', poster: true };

// Vue: every element is a global component in templates.
export type VueTags = keyof GlobalComponents & `samen-${string}`;
export const vueTags: VueTags[] = [
  'samen-lesson-clip',
  'samen-feedback-bar',
  'samen-reward-chart',
  'samen-feelings-checkin',
  'samen-expectation-matrix',
  'samen-provider',
];
