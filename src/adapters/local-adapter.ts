import { openDB, type IDBPDatabase } from 'idb';
import { createDemoState, type DemoState } from './demo-data.js';
import { hardenState } from './demo-scopes.js';
import { MemoryAdapter, type MemoryAdapterOptions, type MemoryStore } from './memory-adapter.js';

const STORE = 'state';
// Bumped when the demo state's shape changes, so a device re-seeds instead of showing old data as invalid
// (v4: every role of the policy, owners of charts, matrices, awards and uploads, dated idempotency keys;
// v5: home answers per carer, with the carer's viewer id; v6: households, threads, the class board's
// shared answers, the chart's choices, the programme's introductions, meetings, replies and sheets;
// v7: the WIsH run's evaluations and their responses, issue 25).
const KEY = 'v7';

export interface LocalAdapterOptions extends MemoryAdapterOptions {
  /** IndexedDB database name; one per demo. Default `samen-local`. */
  dbName?: string;
}

/**
 * The embedded default adapter: the demo data, persisted on this device in
 * IndexedDB, so what a parent did survives a reload. Seeded on first use.
 * Falls back to memory when IndexedDB is unavailable (some private modes).
 */
export class LocalAdapter extends MemoryAdapter {
  private readonly dbName: string;
  private loading?: Promise<void>;
  private db?: IDBPDatabase | undefined;

  constructor(options: LocalAdapterOptions = {}, store?: MemoryStore) {
    super(options, store);
    this.dbName = options.dbName ?? 'samen-local';
    if (store) this.loading = Promise.resolve();
  }

  override forViewer(viewerId: string): LocalAdapter {
    const view = new LocalAdapter({ viewerId, latency: this.latency, uploadMs: this.uploadMs, dbName: this.dbName }, this.store);
    view.loading = this.ready().then(() => {
      view.db = this.db;
    });
    return view;
  }

  /** Closes the database (tests, page teardown); the next call opens it again. */
  async close(): Promise<void> {
    await this.loading?.catch(() => undefined);
    this.db?.close();
    this.db = undefined;
    this.loading = undefined;
  }

  /** Forgets everything stored on this device and starts again from the seed. */
  async reset(options: MemoryAdapterOptions = {}): Promise<void> {
    await this.ready();
    this.store.state = createDemoState({ locale: options.locale ?? 'nl', seed: options.seed ?? 7, now: new Date() });
    await this.persist();
  }

  protected override ready(): Promise<void> {
    this.loading ??= this.load();
    return this.loading;
  }

  protected override async persist(): Promise<void> {
    try {
      await this.db?.put(STORE, this.store.state, KEY);
    } catch {
      // Quota or a closed database: the state is still in memory for this visit.
    }
  }

  private async load(): Promise<void> {
    try {
      this.db = await openDB(this.dbName, 1, {
        upgrade(db) {
          db.createObjectStore(STORE);
        },
      });
      const saved = (await this.db.get(STORE, KEY)) as DemoState | undefined;
      // IndexedDB gives plain objects back: its records become null-prototype again before use.
      if (saved && typeof saved === 'object' && saved.clips) this.store.state = hardenState(saved);
      else await this.persist();
    } catch {
      this.db = undefined;
    }
  }
}
