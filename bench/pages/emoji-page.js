/**
 * Bench page for the feelings check-in's peer, emoji-picker-element. Its emoji data comes
 * from this server (copied to bench/.build/ by the build), never from its default CDN;
 * `emoji-version` is set because the bench machines have no colour emoji font, and without
 * it the picker shows "your browser does not support color emoji" instead of the grid.
 */
import 'emoji-picker-element';
import { installHarness } from './harness.js';

const dataSource = new URL('/build/emoji-data.json', location.href).href;

installHarness({
  kinds: {
    'emoji-picker': { tag: 'emoji-picker', attrs: () => ({ 'emoji-version': '15.0' }), props: () => ({ dataSource }) },
  },
  // The first category's grid is on screen (the tab panel is hidden while the database loads).
  loaded: (el) => !!el.shadowRoot?.querySelector('.tabpanel:not(.gone) [role="menuitem"]'),
  failed: (el) => {
    const message = el.shadowRoot?.querySelector('.message:not(.gone)')?.textContent ?? '';
    return /could not load|does not support/i.test(message) ? message : undefined;
  },
});
