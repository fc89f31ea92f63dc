import type { RequestOptions, SamenAdapter, SamenTopic, Unsubscribe, UploadOptions, WriteInput } from '../core/adapter.js';
import { SAMEN_ERROR_KINDS, SamenError, type SamenErrorKind, type SamenIssue } from '../core/errors.js';
import type { Programme, Viewer } from '../core/schemas.js';
import type { ClassRhythm, LessonClipDraft, UploadedMedia, UploadKind } from '../clip-composer/schemas.js';
import type { ExpectationMatrix, Success } from '../expectation-matrix/schemas.js';
import type { ReactionSummary, Reply } from '../feedback-bar/schemas.js';
import type { Checkin } from '../feelings-checkin/schemas.js';
import type { ClipReach, HomeAnswer, HomeAnswerKind, LessonClip } from '../lesson-clip/schemas.js';
import type { ClassBoard } from '../lesson-clip/board.js';
import type { Award, ChartChoice, RewardChart } from '../reward-chart/schemas.js';
import type { Thread, ThreadKey, ThreadMessage } from '../thread/schemas.js';
import type { ProgrammeOverview, ProgrammeOverviewQuery, UnreachedFamilies } from '../programme-overview/schemas.js';
import type { Meeting, MeetingReplies, Preparation, PreparationInput, Rsvp, RsvpInput } from '../meeting/schemas.js';
import type { ProgrammeIntro } from '../programme-intro/schemas.js';
import type { Evaluation, EvaluationDraft, EvaluationReceipt, EvaluationResponseInput, EvaluationResults } from '../evaluation/schemas.js';
import { checkUpload } from '../clip-composer/upload-check.js';
import { isSafeId } from '../core/policy.js';

export interface HttpAdapterOptions {
  /** Where the contract lives, e.g. `https://api.school-app.example/samen`. Paths as in `openapi.yaml`. */
  baseUrl: string;
  /** The signed-in user's bearer token; called before every request, so it may refresh. */
  getToken?: () => string | undefined | Promise<string | undefined>;
  /** Milliseconds before a request counts as failed (and may be retried). Default 15000. */
  timeoutMs?: number;
  /** Retries after the first attempt, for reads and for writes (which carry an Idempotency-Key). Default 3. */
  retries?: number;
  /** First backoff in ms; doubles per retry, with full jitter. Default 500. */
  backoffMs?: number;
  /** Injected for tests and for hosts with their own fetch. Default `globalThis.fetch`. */
  fetch?: typeof fetch;
  /**
   * Makes the XMLHttpRequest an upload is sent with: its upload events are the progress
   * (a fetch body reports none over HTTP/1.1). Default `new XMLHttpRequest()` where it exists;
   * `false`, or where it doesn't (Node), uploads go through `fetch` and report progress once, at the end.
   */
  xhr?: (() => XMLHttpRequest) | false;
  /**
   * The most topics one event stream asks for; more topics open more streams (a feed of 20
   * lesson clips follows about 50). Default 32, the contract's limit (`GET /events`).
   */
  maxTopicsPerStream?: number;
  /**
   * Milliseconds the event stream waits for the page's subscriptions to settle before it opens
   * (or opens again with new topics): a feed whose cards subscribe one after another opens one
   * stream, once, after its first cards showed, instead of one per card. Default 300.
   */
  streamDelayMs?: number;
}

/** The most ids one batch read asks for (`GET /clips?ids=…`); more ids go in more requests. */
export const BATCH_MAX_IDS = 50;

/** One open (or opening) `GET /events` stream and the topics it asks for. */
interface EventStream {
  readonly topics: Set<string>;
  controller?: AbortController;
}

type Method = 'GET' | 'PUT' | 'POST' | 'DELETE';

const STATUS_KINDS: Record<number, SamenErrorKind> = {
  400: 'invalid-data',
  // Not signed in, or the token expired: signing in again may fix it (never a refusal for good).
  401: 'signed-out',
  403: 'forbidden',
  404: 'not-found',
  409: 'conflict',
  413: 'invalid-data',
  415: 'invalid-data',
  422: 'invalid-data',
};
/** Statuses worth another try: the server or a proxy was briefly unable. */
const TRANSIENT = new Set([408, 425, 429, 500, 502, 503, 504]);

/**
 * Talks JSON over HTTP to the REST contract in `openapi.yaml`. Every request carries
 * the bearer token from `getToken()`; writes carry their client-generated id as
 * `Idempotency-Key`, which is what makes them safe to retry. Transient failures
 * (network, timeout, 408/425/429/5xx) are retried with exponential backoff and full
 * jitter, honouring `Retry-After`; every other status maps to a `SamenError` kind at once
 * (401 to `signed-out`, whatever the body says, so an outbox keeps the write for after sign-in).
 * Request and response bodies are never logged.
 *
 * Composing: `uploadMedia` sends the file as the raw body of `POST /uploads` through
 * XMLHttpRequest, whose upload events are the progress; it is never retried on its own (a
 * person retries, with the same key), and a timeout counts from the last progress, not the
 * start. `publishLessonClip` is a write like the others.
 *
 * Live updates: `subscribe` reads the server's Server-Sent Events stream (`/events`) with
 * `fetch`, so the token goes in a header rather than the URL, and reconnects with backoff; at
 * most `maxTopicsPerStream` topics a stream (the contract's 32), more topics in more streams.
 *
 * @example
 * import { HttpAdapter } from '@samen/widgets/adapters/http';
 * provider.adapter = new HttpAdapter({ baseUrl: '/api/samen', getToken: () => session.accessToken });
 */
export class HttpAdapter implements SamenAdapter {
  private readonly baseUrl: string;
  private readonly timeoutMs: number;
  private readonly retries: number;
  private readonly backoffMs: number;
  private readonly fetchImpl: typeof fetch;
  private readonly makeXhr: (() => XMLHttpRequest) | undefined;
  private readonly maxTopicsPerStream: number;
  private readonly streamDelayMs: number;
  /** The viewer as the server answered for one token: asked once per sign-in, not once per widget. */
  private viewer?: { token: string | undefined; at: number; answer: Promise<Viewer> };
  private readonly topics = new Map<string, Set<() => void>>();
  private readonly streams = new Set<EventStream>();
  /** Streams whose topics changed, re-opened together once the current task is done. */
  private readonly changedStreams = new Set<EventStream>();

  constructor(private readonly options: HttpAdapterOptions) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
    this.timeoutMs = options.timeoutMs ?? 15_000;
    this.retries = options.retries ?? 3;
    this.backoffMs = options.backoffMs ?? 500;
    this.fetchImpl = options.fetch ?? globalThis.fetch.bind(globalThis);
    this.maxTopicsPerStream = Math.max(1, options.maxTopicsPerStream ?? 32);
    this.streamDelayMs = Math.max(0, options.streamDelayMs ?? 300);
    this.makeXhr =
      options.xhr === false ? undefined : (options.xhr ?? (typeof XMLHttpRequest === 'function' ? () => new XMLHttpRequest() : undefined));
  }

  // ------------------------------------------------------------------ reads

  /**
   * Asked once per token: the widgets of a page (and a card that loads later) share the answer
   * while `getToken()` gives the same token, for a minute; a new token (another sign-in) asks
   * again, and so does a failed answer. Without `getToken` (a cookie session) every call asks.
   */
  async getViewer(options?: RequestOptions): Promise<Viewer> {
    if (!this.options.getToken) return this.request('GET', '/viewer', { options });
    const token = await this.options.getToken();
    const known = this.viewer;
    if (known && known.token === token && Date.now() - known.at < VIEWER_TTL_MS) return withSignal(known.answer, options?.signal);
    // Asked without the caller's signal: another widget may be waiting for the same answer.
    const answer = this.request<Viewer>('GET', '/viewer', {});
    const entry = { token, at: Date.now(), answer };
    this.viewer = entry;
    answer.catch(() => this.viewer === entry && (this.viewer = undefined));
    return withSignal(answer, options?.signal);
  }
  getLessonClip(clipId: string, options?: RequestOptions): Promise<LessonClip> {
    return this.request('GET', `/clips/${enc(clipId)}`, { options });
  }
  async getHomeAnswer(clipId: string, options?: RequestOptions): Promise<HomeAnswer | null> {
    return (await this.request<HomeAnswer | undefined>('GET', `/clips/${enc(clipId)}/answer`, { options })) ?? null;
  }
  getClipReach(clipId: string, options?: RequestOptions): Promise<ClipReach> {
    return this.request('GET', `/clips/${enc(clipId)}/reach`, { options });
  }
  /** The child's choice on a personal chart (issue 24): only an option the adults allowed; idempotent on `id`. */
  chooseChartGoal(
    input: WriteInput & { chartId: string; wordsId?: string; rewardId?: string },
    options?: RequestOptions,
  ): Promise<RewardChart> {
    const { id, chartId, ...body } = input;
    return this.request('POST', `/charts/${enc(chartId)}/choice`, { key: id, body, options });
  }
  /** The options the child chooses from (issue 24), set by a parent or the teacher; idempotent on `id`. */
  setChartChoices(
    input: WriteInput & { chartId: string; words: ChartChoice[]; rewards: ChartChoice[] },
    options?: RequestOptions,
  ): Promise<RewardChart> {
    const { id, chartId, ...body } = input;
    return this.request('PUT', `/charts/${enc(chartId)}/choices`, { key: id, body, options });
  }
  /** The class board (issue 24): counts only, small ones as "few", shared answers without names. */
  getClassBoard(clipId: string, options?: RequestOptions): Promise<ClassBoard> {
    return this.request('GET', `/clips/${enc(clipId)}/board`, { options });
  }
  getReactions(targetId: string, options?: RequestOptions): Promise<ReactionSummary> {
    return this.request('GET', `/reactions/${enc(targetId)}`, { options });
  }

  // ------------------------------------------------------------------ batch reads (issue 23)

  /** `GET /clips?ids=a,b`: one entry per id, `null` for one the server can't give this viewer. */
  getLessonClips(clipIds: string[], options?: RequestOptions): Promise<(LessonClip | null)[]> {
    return this.batch<LessonClip>('/clips', clipIds, options);
  }
  /** `GET /reactions?ids=a,b`: one entry per id, `null` for one the server can't give this viewer. */
  getReactionSummaries(targetIds: string[], options?: RequestOptions): Promise<(ReactionSummary | null)[]> {
    return this.batch<ReactionSummary>('/reactions', targetIds, options);
  }
  /** `GET /answers?ids=a,b`: one entry per id, the carer's own answer or `null` (none yet, or refused). */
  getHomeAnswers(clipIds: string[], options?: RequestOptions): Promise<(HomeAnswer | null)[]> {
    return this.batch<HomeAnswer>('/answers', clipIds, options);
  }

  /** Asks for the safe ids in requests of at most {@link BATCH_MAX_IDS}; an id that is not one is `null` without asking. */
  private async batch<T>(path: string, ids: readonly string[], options?: RequestOptions): Promise<(T | null)[]> {
    const asked = [...new Set(ids.filter((id) => isSafeId(id)))];
    const answers = new Map<string, T | null>();
    const parts: string[][] = [];
    for (let i = 0; i < asked.length; i += BATCH_MAX_IDS) parts.push(asked.slice(i, i + BATCH_MAX_IDS));
    await Promise.all(
      parts.map(async (part) => {
        const values = await this.request<unknown>('GET', `${path}?ids=${enc(part.join(','))}`, { options });
        if (!Array.isArray(values) || values.length !== part.length) throw new SamenError('unavailable', 'malformed batch response');
        part.forEach((id, i) => answers.set(id, (values[i] as T | null | undefined) ?? null));
      }),
    );
    return ids.map((id) => answers.get(id) ?? null);
  }

  // ------------------------------------------------------------------ threads (issue 24)

  /** `GET /threads?about.kind=…&about.id=…&familyId=…`: every field of the key as a query parameter. */
  getThread(query: ThreadKey, options?: RequestOptions): Promise<Thread> {
    return this.request('GET', `/threads?${threadParams(query)}`, { options });
  }
  /** `POST /threads/messages` with the key and `{ text }` as the body (so the Idempotency-Key is bound to the thread). */
  addThreadMessage(input: WriteInput & ThreadKey & { text: string }, options?: RequestOptions): Promise<ThreadMessage> {
    const { id, ...body } = input;
    return this.request('POST', '/threads/messages', { key: id, body, options });
  }
  /** `POST /threads/read` with the key as the body. */
  async markThreadRead(input: WriteInput & ThreadKey, options?: RequestOptions): Promise<void> {
    const { id, ...body } = input;
    await this.request('POST', '/threads/read', { key: id, body, options });
  }
  getRewardChart(chartId: string, options?: RequestOptions): Promise<RewardChart> {
    return this.request('GET', `/charts/${enc(chartId)}`, { options });
  }
  getCheckins(query: { childId: string; from?: string; to?: string }, options?: RequestOptions): Promise<Checkin[]> {
    return this.request('GET', `/children/${enc(query.childId)}/checkins${range(query)}`, { options });
  }
  getClassCheckins(query: { classId: string; from?: string; to?: string }, options?: RequestOptions): Promise<Checkin[]> {
    return this.request('GET', `/classes/${enc(query.classId)}/checkins${range(query)}`, { options });
  }
  getExpectationMatrix(matrixId: string, options?: RequestOptions): Promise<ExpectationMatrix> {
    return this.request('GET', `/matrices/${enc(matrixId)}`, { options });
  }
  getSuccesses(query: { matrixId: string; from?: string }, options?: RequestOptions): Promise<Success[]> {
    return this.request('GET', `/matrices/${enc(query.matrixId)}/successes${range(query)}`, { options });
  }
  /** `GET /overview?programme=wish&classIds=a,b` (issue 25): the aggregates, computed by the server. */
  getProgrammeOverview(query: ProgrammeOverviewQuery, options?: RequestOptions): Promise<ProgrammeOverview> {
    return this.request('GET', `/overview${overviewParams(query)}`, { options });
  }
  /** `GET /overview/unreached?programme=wish&classId=a` (issue 25): the class's teacher only. */
  getUnreachedFamilies(query: ProgrammeOverviewQuery & { classId: string }, options?: RequestOptions): Promise<UnreachedFamilies> {
    return this.request('GET', `/overview/unreached${overviewParams(query)}`, { options });
  }

  // ------------------------------------------------------------------ the programme's course (issue 26)

  /** `GET /meetings/{meetingId}`. */
  getMeeting(meetingId: string, options?: RequestOptions): Promise<Meeting> {
    return this.request('GET', `/meetings/${enc(meetingId)}`, { options });
  }
  /** `GET /meetings/{meetingId}/rsvp`: the signed-in household's reply, `null` (204) before it replied. */
  async getRsvp(meetingId: string, options?: RequestOptions): Promise<Rsvp | null> {
    return (await this.request<Rsvp | undefined>('GET', `/meetings/${enc(meetingId)}/rsvp`, { options })) ?? null;
  }
  /** `PUT /meetings/{meetingId}/rsvp` `{ answer, people }`: creates or replaces the household's reply. */
  saveRsvp(input: WriteInput & RsvpInput, options?: RequestOptions): Promise<Rsvp> {
    const { id, meetingId, answer, people } = input;
    return this.request('PUT', `/meetings/${enc(meetingId)}/rsvp`, { key: id, body: { answer, people }, options });
  }
  /** `GET /meetings/{meetingId}/replies`: the class's teacher's list. */
  getMeetingReplies(meetingId: string, options?: RequestOptions): Promise<MeetingReplies> {
    return this.request('GET', `/meetings/${enc(meetingId)}/replies`, { options });
  }
  /** `GET /meetings/{meetingId}/preparation`: the signed-in household's sheet, `null` (204) before it wrote one. */
  async getPreparation(meetingId: string, options?: RequestOptions): Promise<Preparation | null> {
    return (await this.request<Preparation | undefined>('GET', `/meetings/${enc(meetingId)}/preparation`, { options })) ?? null;
  }
  /** `PUT /meetings/{meetingId}/preparation` `{ keywords, goesWell, talkAbout }`: creates or replaces the household's sheet. */
  savePreparation(input: WriteInput & PreparationInput, options?: RequestOptions): Promise<Preparation> {
    const { id, meetingId, keywords, goesWell, talkAbout } = input;
    return this.request('PUT', `/meetings/${enc(meetingId)}/preparation`, { key: id, body: { keywords, goesWell, talkAbout }, options });
  }
  /** `GET /intros/{introId}`: the introduction with its timeline. */
  getProgrammeIntro(introId: string, options?: RequestOptions): Promise<ProgrammeIntro> {
    return this.request('GET', `/intros/${enc(introId)}`, { options });
  }

  // ------------------------------------------------------------------ evaluations (issue 25)

  /** `GET /evaluations/{id}`: the form for the viewer's audience, with their own answers when they answered. */
  getEvaluation(evaluationId: string, options?: RequestOptions): Promise<Evaluation> {
    return this.request('GET', `/evaluations/${enc(evaluationId)}`, { options });
  }
  /** `PUT /evaluations/{id}/response` with `{ answers }`: one response per respondent (a second replaces the first); idempotent on `id`. */
  submitEvaluationResponse(input: WriteInput & EvaluationResponseInput, options?: RequestOptions): Promise<EvaluationReceipt> {
    const { id, evaluationId, answers } = input;
    return this.request('PUT', `/evaluations/${enc(evaluationId)}/response`, { key: id, body: { answers }, options });
  }
  /** `GET /evaluation-results?programmeRunId=…`: counts computed by the server, none below its minimum group size. */
  getEvaluationResults(query: { programmeRunId: string }, options?: RequestOptions): Promise<EvaluationResults> {
    return this.request('GET', `/evaluation-results?${new URLSearchParams({ programmeRunId: query.programmeRunId })}`, { options });
  }
  /** `PUT /evaluations/{id}` with the draft (the school's own questions, audiences, phase, anonymity); idempotent on `id`. */
  saveEvaluation(input: WriteInput & EvaluationDraft, options?: RequestOptions): Promise<Evaluation> {
    const { id, evaluationId, ...body } = input;
    return this.request('PUT', `/evaluations/${enc(evaluationId)}`, { key: id, body, options });
  }

  // ------------------------------------------------------------------ writes

  saveHomeAnswer(
    input: WriteInput & { clipId: string; kind: HomeAnswerKind; text?: string; shareWithClass?: boolean },
    options?: RequestOptions,
  ): Promise<HomeAnswer> {
    const { id, clipId, ...body } = input;
    return this.request('PUT', `/clips/${enc(clipId)}/answer`, { key: id, body, options });
  }
  async markSeen(input: WriteInput & { clipId: string }, options?: RequestOptions): Promise<void> {
    await this.request('POST', `/clips/${enc(input.clipId)}/seen`, { key: input.id, options });
  }
  setReaction(input: WriteInput & { targetId: string; reaction: string; on: boolean }, options?: RequestOptions): Promise<ReactionSummary> {
    return this.request('PUT', `/reactions/${enc(input.targetId)}/${enc(input.reaction)}`, {
      key: input.id,
      body: { on: input.on },
      options,
    });
  }
  addReply(input: WriteInput & { targetId: string; text: string }, options?: RequestOptions): Promise<Reply> {
    return this.request('POST', `/reactions/${enc(input.targetId)}/replies`, { key: input.id, body: { text: input.text }, options });
  }
  award(
    input: WriteInput & { chartId: string; expectationId?: string; reason?: string; childId?: string },
    options?: RequestOptions,
  ): Promise<Award> {
    const { id, chartId, ...body } = input;
    return this.request('POST', `/charts/${enc(chartId)}/awards`, { key: id, body, options });
  }
  async undoAward(input: WriteInput & { chartId: string; awardId: string }, options?: RequestOptions): Promise<void> {
    await this.request('DELETE', `/charts/${enc(input.chartId)}/awards/${enc(input.awardId)}`, { key: input.id, options });
  }
  redeem(input: WriteInput & { chartId: string; nextGoal?: number; nextReward?: string }, options?: RequestOptions): Promise<RewardChart> {
    const { id, chartId, ...body } = input;
    return this.request('POST', `/charts/${enc(chartId)}/redeem`, { key: id, body, options });
  }
  saveCheckin(input: WriteInput & { checkinId: string } & Omit<Checkin, 'id' | 'childName'>, options?: RequestOptions): Promise<Checkin> {
    const { id, checkinId, ...body } = input;
    return this.request('PUT', `/checkins/${enc(checkinId)}`, { key: id, body, options });
  }
  saveExpectationMatrix(
    input: WriteInput & { matrix: ExpectationMatrix; baseVersion: number },
    options?: RequestOptions,
  ): Promise<ExpectationMatrix> {
    const { id, ...body } = input;
    return this.request('PUT', `/matrices/${enc(input.matrix.id)}`, { key: id, body, options });
  }
  shareSuccess(input: WriteInput & { matrixId: string; expectationId?: string; text: string }, options?: RequestOptions): Promise<Success> {
    const { id, matrixId, ...body } = input;
    return this.request('POST', `/matrices/${enc(matrixId)}/successes`, { key: id, body, options });
  }

  // ------------------------------------------------------------------ composing lesson clips

  /**
   * `POST /uploads?kind=…&name=…` with the file as the body. Checked against `MEDIA_LIMITS`
   * first, so a refused file is never sent.
   */
  async uploadMedia(input: WriteInput & { file: Blob; name: string; kind: UploadKind }, options?: UploadOptions): Promise<UploadedMedia> {
    options?.signal?.throwIfAborted();
    const file = input.file;
    const check = checkUpload({ name: input.name, type: file?.type ?? '', size: file?.size ?? 0 }, input.kind);
    if (!(file instanceof Blob) || !check.ok) {
      throw new SamenError('invalid-data', 'upload refused', [{ path: 'file', message: check.ok ? 'not a file' : check.reason }]);
    }
    const params = new URLSearchParams({ kind: input.kind, name: input.name });
    const url = `${this.baseUrl}/uploads?${params}`;
    const headers = { accept: 'application/json', ...(await this.authHeader()), 'idempotency-key': input.id, 'content-type': check.type };
    const result = this.makeXhr
      ? await this.sendWithXhr<UploadedMedia>(url, headers, file, options)
      : await this.sendWithFetch<UploadedMedia>(url, headers, file, options?.signal);
    options?.onProgress?.(1);
    return result;
  }
  getUploadedMedia(mediaId: string, options?: RequestOptions): Promise<UploadedMedia> {
    return this.request('GET', `/uploads/${enc(mediaId)}`, { options });
  }
  publishLessonClip(input: WriteInput & LessonClipDraft, options?: RequestOptions): Promise<LessonClip> {
    const { id, ...body } = input;
    return this.request('POST', '/clips', { key: id, body, options });
  }
  /** The class's posted and planned lessons of a programme (issue 26): `GET /classes/{classId}/rhythm?programme=`. */
  getClassRhythm(query: { classId: string; programme: Programme }, options?: RequestOptions): Promise<ClassRhythm> {
    return this.request('GET', `/classes/${enc(query.classId)}/rhythm?${new URLSearchParams({ programme: query.programme })}`, { options });
  }

  /** One upload through XMLHttpRequest: progress from its upload events, no retry. */
  private sendWithXhr<T>(url: string, headers: Record<string, string>, body: Blob, options?: UploadOptions): Promise<T> {
    const signal = options?.signal;
    return new Promise<T>((resolve, reject) => {
      const xhr = this.makeXhr!();
      let stalled: ReturnType<typeof setTimeout> | undefined;
      const done = () => {
        clearTimeout(stalled);
        signal?.removeEventListener('abort', onAbort);
      };
      // A big file on a slow line takes minutes: only silence counts as a timeout.
      const alive = () => {
        clearTimeout(stalled);
        stalled = setTimeout(() => (xhr.abort(), done(), reject(new SamenError('unavailable', 'upload stalled'))), this.timeoutMs);
      };
      const onAbort = () => {
        xhr.abort();
        done();
        reject(signal!.reason instanceof DOMException ? signal!.reason : new DOMException('Aborted', 'AbortError'));
      };
      xhr.open('POST', url);
      for (const [name, value] of Object.entries(headers)) xhr.setRequestHeader(name, value);
      xhr.upload.addEventListener('progress', (event) => {
        alive();
        // 1 only once the server has stored it.
        if (event.lengthComputable && event.total > 0) options?.onProgress?.(Math.min(event.loaded / event.total, 0.99));
      });
      xhr.addEventListener('progress', alive);
      xhr.addEventListener('load', () => {
        done();
        const text = typeof xhr.responseText === 'string' ? xhr.responseText : '';
        if (xhr.status >= 200 && xhr.status < 300) {
          try {
            resolve(JSON.parse(text) as T);
          } catch {
            reject(new SamenError('unavailable', 'malformed response'));
          }
        } else {
          reject(errorFromText(xhr.status, text));
        }
      });
      const failed = () => {
        done();
        reject(new SamenError(typeof navigator !== 'undefined' && navigator.onLine === false ? 'offline' : 'unavailable'));
      };
      xhr.addEventListener('error', failed);
      xhr.addEventListener('timeout', failed);
      signal?.addEventListener('abort', onAbort, { once: true });
      alive();
      xhr.send(body);
    });
  }

  /** One upload through fetch (no XMLHttpRequest here): no timeout but the caller's signal, no retry. */
  private async sendWithFetch<T>(url: string, headers: Record<string, string>, body: Blob, signal?: AbortSignal): Promise<T> {
    let response: Response;
    try {
      response = await this.fetchImpl(url, { method: 'POST', headers, body, ...(signal ? { signal } : {}) });
    } catch (error) {
      if (signal?.aborted) throw signal.reason instanceof DOMException ? signal.reason : new DOMException('Aborted', 'AbortError');
      throw error instanceof SamenError
        ? error
        : new SamenError(typeof navigator !== 'undefined' && navigator.onLine === false ? 'offline' : 'unavailable');
    }
    if (!response.ok) throw await errorFrom(response);
    return (await response.json()) as T;
  }

  // ------------------------------------------------------------------ live updates

  subscribe(topic: SamenTopic, listener: () => void): Unsubscribe {
    const set = this.topics.get(topic) ?? new Set();
    set.add(listener);
    if (!this.topics.has(topic)) {
      this.topics.set(topic, set);
      this.place(topic);
    }
    return () => {
      set.delete(listener);
      if (set.size || this.topics.get(topic) !== set) return;
      this.topics.delete(topic);
      this.unplace(topic);
    };
  }

  /** Stops the event streams and forgets every subscription. */
  dispose(): void {
    this.topics.clear();
    clearTimeout(this.reopenTimer);
    this.reopenTimer = undefined;
    for (const stream of this.streams) stream.controller?.abort();
    this.streams.clear();
    this.changedStreams.clear();
  }

  /**
   * A new topic joins a stream with room (or a new one), and only that stream is opened again:
   * cards that come into view one by one never restart the others' streams.
   */
  private place(topic: string): void {
    for (const stream of this.streams) if (stream.topics.has(topic)) return;
    let stream = [...this.streams].find((s) => s.topics.size < this.maxTopicsPerStream);
    if (!stream) this.streams.add((stream = { topics: new Set() }));
    stream.topics.add(topic);
    this.reopen(stream);
  }

  /**
   * A topic nobody follows any more leaves its stream at the next reopening; a stream left
   * without topics closes now. (Until then its changes arrive for no one, harmlessly.)
   */
  private unplace(topic: string): void {
    for (const stream of this.streams) {
      if (!stream.topics.delete(topic)) continue;
      if (!stream.topics.size) {
        stream.controller?.abort();
        this.streams.delete(stream);
        this.changedStreams.delete(stream);
      }
      return;
    }
  }

  /**
   * Re-opens a stream after its topics changed; debounced by `streamDelayMs` (at most four times
   * that after the first change), so the subscriptions of a feed's cards that load one after
   * another open it once. While this adapter's reads are on their way (a page's first cards) it
   * waits for them, at most {@link STREAM_WAIT_MS} after the first change: what the parent sees
   * first comes first. The price: someone else's change made between a card's read and the
   * stream's opening (the reads' time plus `streamDelayMs`) shows with that topic's next change.
   */
  private reopenTimer: ReturnType<typeof setTimeout> | undefined;
  private reopenBy = 0;
  private firstChange = 0;
  private reopen(stream: EventStream): void {
    this.changedStreams.add(stream);
    clearTimeout(this.reopenTimer);
    const now = Date.now();
    if (this.reopenTimer === undefined) {
      this.reopenBy = now + 4 * this.streamDelayMs;
      this.firstChange = now;
    }
    this.reopenTimer = setTimeout(() => this.openChanged(), Math.min(this.streamDelayMs, Math.max(0, this.reopenBy - now)));
  }

  private openChanged(): void {
    if (this.streamDelayMs > 0 && this.reading > 0 && Date.now() - this.firstChange < STREAM_WAIT_MS) {
      this.reopenTimer = setTimeout(() => this.openChanged(), this.streamDelayMs);
      return;
    }
    this.reopenTimer = undefined;
    for (const changed of this.changedStreams) {
      changed.controller?.abort();
      changed.controller = undefined;
      if (!this.streams.has(changed) || !changed.topics.size) continue;
      changed.controller = new AbortController();
      void this.stream([...changed.topics], changed.controller.signal);
    }
    this.changedStreams.clear();
  }

  private async stream(topics: string[], signal: AbortSignal): Promise<void> {
    const tell = (topic: string) => {
      for (const listener of [...(this.topics.get(topic) ?? [])]) listener();
    };
    let connectedBefore = false;
    for (let attempt = 0; !signal.aborted; attempt++) {
      try {
        const response = await this.fetchImpl(`${this.baseUrl}/events?topics=${enc(topics.join(','))}`, {
          headers: { ...(await this.authHeader()), accept: 'text/event-stream' },
          signal,
        });
        if (!response.ok || !response.body) throw new Error(`events: ${response.status}`);
        attempt = 0;
        // Back after a drop: what changed while nobody listened is re-read once (as the
        // reference server's bus does after its own reconnect), so a missed change stays missed
        // only until the stream is back, never until the next change.
        if (connectedBefore) for (const topic of topics) tell(topic);
        connectedBefore = true;
        await readEvents(response.body, signal, tell);
      } catch {
        if (signal.aborted) return;
      }
      await sleep(backoff(attempt, this.backoffMs, 30_000), signal).catch(() => undefined);
    }
  }

  // ------------------------------------------------------------------ plumbing

  private async authHeader(): Promise<Record<string, string>> {
    const token = await this.options.getToken?.();
    return token ? { authorization: `Bearer ${token}` } : {};
  }

  private async request<T>(
    method: Method,
    path: string,
    init: { key?: string; body?: unknown; options?: RequestOptions | undefined },
  ): Promise<T> {
    const outer = init.options?.signal;
    if (method === 'GET') this.reading += 1;
    try {
      return await this.attempts<T>(method, path, init, outer);
    } finally {
      if (method === 'GET') this.reading -= 1;
    }
  }

  /** Reads on their way: the event stream waits for a page's first reads. */
  private reading = 0;

  private async attempts<T>(
    method: Method,
    path: string,
    init: { key?: string; body?: unknown; options?: RequestOptions | undefined },
    outer: AbortSignal | undefined,
  ): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      outer?.throwIfAborted();
      const timeout = new AbortController();
      const timer = setTimeout(() => timeout.abort(), this.timeoutMs);
      const signal = outer ? eitherSignal(outer, timeout.signal) : timeout.signal;
      let failure: SamenError;
      let retryAfterMs: number | undefined;
      try {
        const response = await this.fetchImpl(`${this.baseUrl}${path}`, {
          method,
          signal,
          headers: {
            accept: 'application/json',
            ...(await this.authHeader()),
            ...(init.key ? { 'idempotency-key': init.key } : {}),
            ...(init.body !== undefined ? { 'content-type': 'application/json' } : {}),
          },
          ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
        });
        if (response.ok) return (response.status === 204 ? undefined : await response.json()) as T;
        failure = await errorFrom(response);
        if (!TRANSIENT.has(response.status)) throw failure;
        retryAfterMs = parseRetryAfter(response.headers.get('retry-after'));
      } catch (error) {
        if (outer?.aborted) throw outer.reason instanceof DOMException ? outer.reason : new DOMException('Aborted', 'AbortError');
        if (error instanceof SamenError && !TRANSIENT_KINDS.has(error.kind)) throw error;
        // A network failure or our own timeout: offline if the browser says so.
        failure =
          error instanceof SamenError
            ? error
            : new SamenError(typeof navigator !== 'undefined' && navigator.onLine === false ? 'offline' : 'unavailable');
      } finally {
        clearTimeout(timer);
      }
      if (attempt >= this.retries) throw failure;
      await sleep(retryAfterMs ?? backoff(attempt, this.backoffMs, 60_000), outer);
    }
  }
}

/** The longest the event stream waits for a page's first reads. */
const STREAM_WAIT_MS = 10_000;

/** How long one token's viewer is shared. */
const VIEWER_TTL_MS = 60_000;

const TRANSIENT_KINDS = new Set<SamenErrorKind>(['unavailable', 'offline']);

const enc = encodeURIComponent;

/**
 * A thread's key as query parameters, every field of it: nested fields by their dotted path
 * (`about.kind=answer&about.id=wish-2&familyId=fam-01`), so a field added to the key travels
 * without a change here.
 */
function threadParams(key: object): string {
  const params = new URLSearchParams();
  const add = (value: unknown, path: string): void => {
    if (value === undefined || value === null) return;
    if (typeof value === 'object') for (const [name, item] of Object.entries(value)) add(item, path ? `${path}.${name}` : name);
    else if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') params.append(path, String(value));
  };
  add(key, '');
  return params.toString();
}

/** `promise`, given up on (rejected with the abort reason) when `signal` aborts; the work itself goes on for others. */
function withSignal<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return promise;
  if (signal.aborted) return Promise.reject(abortReason(signal));
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(abortReason(signal));
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => (signal.removeEventListener('abort', onAbort), resolve(value)),
      (error: unknown) => (signal.removeEventListener('abort', onAbort), reject(error)),
    );
  });
}

function abortReason(signal: AbortSignal): unknown {
  return signal.reason instanceof DOMException ? signal.reason : new DOMException('Aborted', 'AbortError');
}

function range(query: { from?: string; to?: string }): string {
  const params = new URLSearchParams();
  if (query.from) params.set('from', query.from);
  if (query.to) params.set('to', query.to);
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** The overview's query as parameters: the run, and the classes comma-separated (a safe id has no comma). */
function overviewParams(query: ProgrammeOverviewQuery & { classId?: string }): string {
  const params = new URLSearchParams();
  for (const name of ['programme', 'programmeRunId', 'schoolYear', 'classId'] as const) {
    const value = query[name];
    if (value !== undefined) params.set(name, value);
  }
  if (query.classIds) params.set('classIds', query.classIds.join(','));
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** The server's error kind when it sent a valid one, else one derived from the status. */
async function errorFrom(response: Response): Promise<SamenError> {
  return errorFromText(response.status, await response.text().catch(() => ''));
}

function errorFromText(status: number, text: string): SamenError {
  let kind: SamenErrorKind = STATUS_KINDS[status] ?? 'unavailable';
  let issues: SamenIssue[] = [];
  try {
    const body = JSON.parse(text) as { error?: { kind?: unknown; issues?: unknown } };
    const sent = body.error?.kind;
    // A 401 is `signed-out` whatever kind the body names (servers often say `forbidden`): the
    // status is what tells that signing in again helps.
    if (status !== 401 && typeof sent === 'string' && (SAMEN_ERROR_KINDS as readonly string[]).includes(sent))
      kind = sent as SamenErrorKind;
    if (Array.isArray(body.error?.issues)) {
      issues = (body.error.issues as ({ path?: unknown; message?: unknown } | null)[]).filter(
        (i): i is SamenIssue => !!i && typeof i.path === 'string' && typeof i.message === 'string',
      );
    }
  } catch {
    // Not JSON (a proxy's error page): the status decides.
  }
  return new SamenError(kind, `HTTP ${status}`, issues);
}

/** `Retry-After` as seconds or an HTTP date, capped at a minute. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const seconds = Number(value);
  const ms = Number.isFinite(seconds) ? seconds * 1000 : Date.parse(value) - now;
  return Number.isFinite(ms) ? Math.min(Math.max(ms, 0), 60_000) : undefined;
}

/** Exponential backoff with full jitter: a random wait up to base·2^attempt, capped. */
export function backoff(attempt: number, baseMs: number, capMs: number): number {
  return Math.random() * Math.min(capMs, baseMs * 2 ** attempt);
}

/** Aborts when either aborts (AbortSignal.any, for WebViews older than Chromium 116). */
function eitherSignal(a: AbortSignal, b: AbortSignal): AbortSignal {
  const controller = new AbortController();
  const abort = (signal: AbortSignal) => () => controller.abort(signal.reason);
  for (const signal of [a, b]) {
    if (signal.aborted) controller.abort(signal.reason);
    else signal.addEventListener('abort', abort(signal), { once: true });
  }
  return controller.signal;
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => (clearTimeout(timer), reject(signal.reason)), { once: true });
  });
}

/** Reads `event: change` / `data: {"topic": …}` blocks from an SSE body until it ends. */
async function readEvents(body: ReadableStream<Uint8Array>, signal: AbortSignal, onTopic: (topic: string) => void): Promise<void> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  signal.addEventListener('abort', () => void reader.cancel().catch(() => undefined), { once: true });
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buffer += decoder.decode(value, { stream: true });
    let end: number;
    while ((end = buffer.search(/\r?\n\r?\n/)) >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end).replace(/^\r?\n\r?\n/, '');
      const data = block
        .split(/\r?\n/)
        .filter((line) => line.startsWith('data:'))
        .map((line) => line.slice(5).trimStart())
        .join('\n');
      if (!data) continue;
      try {
        const topic = (JSON.parse(data) as { topic?: unknown }).topic;
        if (typeof topic === 'string') onTopic(topic);
      } catch {
        // A malformed event is skipped; the next one may be fine.
      }
    }
  }
}
