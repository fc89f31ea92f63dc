import { html, nothing, svg, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { SamenError } from '../core/errors.js';
import { dateFormat } from '../core/i18n.js';
import { inLanguage } from '../core/in-language.js';
import { parseOrThrow } from '../core/parse.js';
import { SamenParentPreviewElement } from '../core/parent-preview-element.js';
import { SamenElement } from '../core/samen-element.js';
import type { Viewer } from '../core/schemas.js';
import { introMessages, type Cap, type IntroMessages, type KnownProgramme } from './messages.js';
import { introTopic, programmeIntroSchema, timelinePosition, type IntroLesson, type ProgrammeIntro } from './schemas.js';
import { programmeIntroStyles } from './programme-intro.styles.js';

interface IntroData {
  introId: string;
  view: 'parent' | 'teacher';
  viewer: Viewer;
  intro: ProgrammeIntro;
}

const CAPS: readonly { cap: Cap; colour: string }[] = [
  { cap: 'white', colour: '#ffffff' },
  { cap: 'black', colour: '#1d2430' },
  { cap: 'red', colour: '#c62828' },
  { cap: 'yellow', colour: '#f9c80e' },
];

const isKnown = (programme: string): programme is KnownProgramme => programme === 'wish' || programme === 'kanjer' || programme === 'pbs';

/**
 * The card a teacher posts before lesson 1 of a programme (issue 26): what the programme is, its
 * lessons and their goals as a timeline with where the class is now, what parents will be asked to
 * do at home, for Kanjertraining the home folder with the four caps (each with its strong and its
 * hard side), and who to ask (the teacher, the IB'er, the local youth and family centre, as the
 * school configures). Where the school sent no words of its own, the card shows Samen's starting
 * texts; the teacher's view marks them as examples the school adapts.
 *
 * @summary The programme's introduction: what it is, the lessons as a timeline, what we ask at home, who to ask.
 * @tagname samen-programme-intro
 *
 * @fires {CustomEvent<SamenErrorDetail>} samen-error - Loading failed.
 *
 * @csspart base - The card.
 * @csspart badge - The programme's name.
 * @csspart title - The card's title.
 * @csspart about - What the programme is.
 * @csspart timeline - The lessons, in order.
 * @csspart lesson - Each lesson on the timeline.
 * @csspart current - The lesson the class is at now.
 * @csspart home - What parents are asked to do at home.
 * @csspart folder - The home folder (Kanjertraining: the four caps), a `<details>` parents open.
 * @csspart contacts - Who to ask.
 * @csspart example-note - "Example text" beside a starting text of Samen's (teacher).
 * @csspart preview-bar - The "Preview as parent" switch above the teacher view (teacher).
 * @csspart preview-toggle - The switch button itself (`aria-pressed`).
 * @csspart preview-note - The note above the preview.
 * @csspart error - The error state.
 * @csspart retry - The retry button in the error state.
 *
 * @cssprop [--samen-color-surface=#ffffff] - Background of the card and buttons. Dark: `#1b1f27`.
 * @cssprop [--samen-color-surface-raised=#f3f5f8] - Background of inner panels. Dark: `#252a34`.
 * @cssprop [--samen-color-text=#1d2430] - Text colour. Dark: `#eef1f5`.
 * @cssprop [--samen-color-muted=#4f5a69] - Secondary text colour. Dark: `#b3bcc9`.
 * @cssprop [--samen-color-border=#c9d0da] - Borders. Dark: `#444c5a`.
 * @cssprop [--samen-color-accent=#1a6b58] - Buttons, bars and highlights. Dark: `#7fdcc3`.
 * @cssprop [--samen-intro-badge-color=var(--samen-color-accent)] - Background of the programme badge.
 * @cssprop [--samen-color-on-accent=#ffffff] - Text on the accent colour. Dark: `#0d1f1a`.
 * @cssprop [--samen-color-danger=#b3261e] - Error accents. Dark: `#ff9c92`.
 * @cssprop [--samen-color-focus=#1558b0] - Focus ring. Dark: `#9ecbff`.
 * @cssprop [--samen-radius=12px] - Corner radius.
 * @cssprop [--samen-space=16px] - Base spacing.
 * @cssprop [--samen-font-family=inherit] - Font; inherits the host app's by default.
 * @cssprop [--samen-touch-target=44px] - Minimum size of buttons.
 * @cssprop [--samen-placeholder-height=auto] - Height of the card while it loads, or while it waits below the fold (`loading="lazy"`) until it comes near the screen.
 */
export class SamenProgrammeIntro extends SamenParentPreviewElement {
  protected override messageSections = [introMessages];

  private get m(): IntroMessages {
    return introMessages.get(this.resolvedLocale);
  }

  static override styles = [...SamenElement.styles, programmeIntroStyles];

  /** Which introduction. */
  @property({ attribute: 'intro-id', reflect: true }) introId = '';

  /** A `parent` reads the card; a `teacher` also sees which texts are Samen's examples, and can preview as a parent. */
  @property({ reflect: true }) view: 'parent' | 'teacher' = 'parent';

  private readonly loader = this.useData({
    port: 'intro',
    // Its render formats dates or numbers with Intl: Intl's first format is made while the reads are out.
    formatsWithIntl: () => true,
    args: () => [this.introId, this.view] as const,
    load: async ({ adapter, viewer, args: [introId, view], signal }): Promise<IntroData> => {
      if (!introId) throw new SamenError('invalid-data', 'missing intro-id', [{ path: 'intro-id', message: 'required' }]);
      const [who, raw] = await Promise.all([viewer, adapter.getProgrammeIntro(introId, { signal })]);
      this.requireTeacherRole(view, who);
      const intro = parseOrThrow(programmeIntroSchema, raw, 'intro');
      intro.lessons.sort((a, b) => a.number - b.number);
      return { introId, view, viewer: who, intro };
    },
    topics: ({ introId }) => [introTopic(introId)],
  });

  protected override render(): TemplateResult {
    return this.renderData(this.loader, (data) => {
      const card = this.renderCard(data);
      if (this.view !== 'teacher') return card;
      return this.renderWithPreview(
        card,
        () =>
          html`<samen-programme-intro
            intro-id=${this.introId}
            view="parent"
            preview
            locale=${this.resolvedLocale}
            theme=${ifDefined(this.theme)}
          ></samen-programme-intro>`,
      );
    });
  }

  /** The programme's name: ours for the known ones, the school's label for its own. */
  private programmeName(intro: ProgrammeIntro): string {
    return intro.programme === 'custom' ? (intro.programmeLabel ?? this.t.programmes.custom) : this.t.programmes[intro.programme];
  }

  private renderCard({ intro, view }: IntroData): TemplateResult {
    const m = this.m;
    const school = this.schoolText(intro.lang);
    const name = this.programmeName(intro);
    const known = isKnown(intro.programme) ? intro.programme : undefined;
    const teacher = view === 'teacher';
    const about = intro.about ?? (known ? m.aboutText[known] : undefined);
    const homeAsks = intro.homeAsks ?? (known ? m.homeAsks[known] : []);
    const example = html`<p class="example" part="example-note">${m.example}</p>`;
    return html`<article class="card intro" part="base" aria-labelledby="title" lang=${this.resolvedLocale} dir=${this.languageDir}>
      <header class="header">
        <p class="eyebrow">
          <span part="badge" class="badge" ${inLanguage(intro.programme === 'custom' && intro.programmeLabel ? school : {})}>${name}</span>
          <span class="label">${m.label}</span>
          ${intro.classLabel ? html`<span class="label" ${inLanguage(school)}>${intro.classLabel}</span>` : nothing}
        </p>
        <h2 id="title" part="title">${m.title(name)}</h2>
      </header>
      ${
        about
          ? html`<section part="about" aria-labelledby="about-heading">
              <h3 id="about-heading">${m.about}</h3>
              <p ${inLanguage(intro.about ? school : {})}>${about}</p>
              ${teacher && !intro.about ? example : nothing}
            </section>`
          : nothing
      }
      ${this.renderTimeline(intro.lessons, school)}
      ${
        homeAsks.length
          ? html`<section part="home" aria-labelledby="home-heading">
              <h3 id="home-heading">${m.home}</h3>
              <ul>
                ${homeAsks.map((ask) => html`<li ${inLanguage(intro.homeAsks ? school : {})}>${ask}</li>`)}
              </ul>
              ${teacher && !intro.homeAsks ? example : nothing}
            </section>`
          : nothing
      }
      ${intro.programme === 'kanjer' ? this.renderFolder(teacher ? example : nothing) : nothing} ${this.renderContacts(intro, school)}
    </article>`;
  }

  private renderTimeline(lessons: readonly IntroLesson[], school: ReturnType<SamenElement['schoolText']>): TemplateResult | typeof nothing {
    if (!lessons.length) return nothing;
    const m = this.m;
    const { current, total } = timelinePosition(lessons);
    const date = dateFormat(this.resolvedLocale, { day: 'numeric', month: 'long' });
    return html`<section aria-labelledby="lessons-heading">
      <h3 id="lessons-heading">${m.lessons}</h3>
      <p class="where">${m.where(current, total)}</p>
      <ol part="timeline" class="timeline">
        ${lessons.map((lesson) => {
          const here = lesson.number === current;
          return html`<li
            part=${here ? 'lesson current' : 'lesson'}
            class="lesson ${lesson.status}${here ? ' here' : ''}"
            aria-current=${ifDefined(here ? 'step' : undefined)}
          >
            <span class="dot" aria-hidden="true"></span>
            <p class="lesson-head">
              <span class="number">${m.lesson(lesson.number)}</span>
              <strong ${inLanguage(school)}>${lesson.title}</strong>
            </p>
            ${lesson.goal ? html`<p class="goal" ${inLanguage(school)}>${lesson.goal}</p>` : nothing}
            <p class="status">
              ${lesson.status === 'posted' ? m.posted : m.planned}${lesson.date ? html` · <time datetime=${lesson.date}>${date.format(new Date(lesson.date))}</time>` : nothing}${here ? html` · <strong>${m.now}</strong>` : nothing}
            </p>
          </li>`;
        })}
      </ol>
    </section>`;
  }

  private renderFolder(note: TemplateResult | typeof nothing): TemplateResult {
    const m = this.m;
    // A folder to open: the card stays short on a phone, the caps are one tap away.
    return html`<details part="folder" class="folder">
      <summary><h3 id="folder-heading">${m.folder}</h3></summary>
      <p>${m.folderIntro}</p>
      <ul class="caps" aria-labelledby="folder-heading">
        ${CAPS.map(({ cap, colour }) => html`<li class="cap">${capIcon(colour)}<span>${m.caps[cap]}</span></li>`)}
      </ul>
      ${note}
    </details>`;
  }

  private renderContacts(intro: ProgrammeIntro, school: ReturnType<SamenElement['schoolText']>): TemplateResult | typeof nothing {
    if (!intro.contacts.length) return nothing;
    const m = this.m;
    return html`<section part="contacts" class="contacts" aria-labelledby="contacts-heading">
      <h3 id="contacts-heading">${m.ask}</h3>
      <ul>
        ${intro.contacts.map(
          (c) =>
            html`<li>
              <span class="role">${m.roles[c.role]}</span>
              <strong ${inLanguage(school)}>${c.name}</strong>
              ${c.how ? html`<span class="how" ${inLanguage(school)}>${c.how}</span>` : nothing}
            </li>`,
        )}
      </ul>
    </section>`;
  }
}

/** A cap in its colour, outlined so the white one shows; the words beside it name it (colour is never the only cue). */
function capIcon(colour: string): TemplateResult {
  return html`<svg class="cap-icon" viewBox="0 0 32 24" width="32" height="24" aria-hidden="true" focusable="false">
    ${svg`<path d="M4 18 C4 8 10 3 17 3 C24 3 28 9 28 16 L30 18 Z" fill=${colour} stroke="currentColor" stroke-width="1.5" stroke-linejoin="round" />`}
    ${svg`<path d="M2 18 H31" stroke="currentColor" stroke-width="2" stroke-linecap="round" />`}
  </svg>`;
}
