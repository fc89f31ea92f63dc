/** Types of scripts/widgets.mjs (the one widget catalogue) for the TypeScript that reads it: tests and stories. */
export type Port = 'clip' | 'feedback' | 'reward' | 'feelings' | 'matrix' | 'composer';

export interface WidgetStories {
  /** The story file's `title`. */
  title: string;
  /** The story file, from the repository root. */
  file: string;
  /** The story that shows the widget's main flow (checked in every language by test/a11y/audit*.test.ts). */
  main: string;
  /** The story that shows it in Arabic, right to left (test/a11y/rtl.test.ts, docs/screenshots/ar/<folder>.png). */
  arabic: string;
}

export interface Widget {
  tag: string;
  /** The widget's folder under src/. */
  folder: string;
  /** The define entry, from the repository root. */
  entry: string;
  /** The adapter port it needs (issue 19). */
  port: Port;
  /** Its `view` values; a widget without a `view` property has the one view it is for. */
  views: readonly string[];
  /** Whether it has a `view` property (the attribute is then part of every sample). */
  viewProperty: boolean;
  /** The signed-in viewer (a seeded viewer id of demo-data.ts) for each view. */
  viewers: Readonly<Record<string, string>>;
  /** The attributes that load the demo data, per view (without `view`). */
  attributes: Readonly<Record<string, Readonly<Record<string, string>>>>;
  stories: WidgetStories;
}

export const WIDGETS: readonly Widget[];
export const WIDGET_TAGS: readonly string[];
export const WIDGET_SELECTOR: string;
export function widget(tag: string): Widget;
export function sampleAttributes(tag: string, view?: string): Record<string, string>;
