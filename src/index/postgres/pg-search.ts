import { setTimeout as sleep } from 'node:timers/promises';
import type { Embeddings } from '@langchain/core/embeddings';
import pg from 'pg';
import { openPostgresDatabase } from '../../db/postgres-database.js';
import type { CorpusIndex } from '../corpus-index.js';
import { currentBuild, PgIndex, type PublishedBuild } from './pg-index.js';
import type { PgRetrievalOptions } from './pg-retrieval-corpus.js';
import { BUILD_CHANNEL, publishBuild, type PublishOptions, type PublishReport } from './publish-build.js';

export interface PgSearchOptions {
  /** The primary: builds are published there and announced with NOTIFY. */
  url: string;
  /** A streaming replica: searches and build loads read from it when given. */
  replicaUrl?: string;
  /** Connections for searches in this process (each search runs a few queries at once). */
  poolSize?: number;
  /** The query embedder for builds not made with LSA. */
  embedder?: Embeddings;
  retrieval?: PgRetrievalOptions;
  /** How long to wait for the replica to have a build the primary announced. */
  replicaWaitMs?: number;
}

/**
 * A node's link to the builds published in PostgreSQL: loads the newest one (from the replica
 * when configured), publishes new ones (to the primary) and hears of builds other nodes publish
 * (LISTEN on the primary, since a standby delivers no notifications).
 */
export class PgSearch {
  readonly read: pg.Pool;
  private readonly primary: pg.Pool;
  private migrated?: Promise<void>;

  constructor(private readonly o: PgSearchOptions) {
    this.primary = new pg.Pool({ connectionString: o.url, max: 2 });
    this.read = o.replicaUrl ? new pg.Pool({ connectionString: o.replicaUrl, max: o.poolSize ?? 10 }) : new pg.Pool({ connectionString: o.url, max: o.poolSize ?? 10 });
    // An idle client that loses its server emits 'error'; without a listener that would crash the process.
    this.primary.on('error', () => undefined);
    this.read.on('error', () => undefined);
  }

  /** The newest published build as announced by the primary, or undefined when none has been published. */
  async latest(): Promise<PublishedBuild | undefined> {
    await this.migrate();
    return currentBuild(this.primary);
  }

  /** Applies pending migrations once (`search_builds` comes with them; a fresh database has none). */
  migrate(): Promise<void> {
    return (this.migrated ??= openPostgresDatabase(this.o.url).then((d) => d.close()));
  }

  /** Loads a build (the newest when `id` is omitted), waiting for the replica to catch up with the primary. */
  async load(id?: number): Promise<PgIndex | undefined> {
    const want = id ?? (await this.latest())?.id;
    if (want === undefined) return undefined;
    const deadline = Date.now() + (this.o.replicaWaitMs ?? 60_000);
    for (;;) {
      const row = await this.read.query<PublishedBuild>('select id, schema, manifest, params from search_builds where id = $1', [want]).then(
        (r) => r.rows[0],
        (e: unknown) => {
          // A replica behind a fresh database may not have it, or its tables, yet.
          if ((e as { code?: string }).code === '3D000' || (e as { code?: string }).code === '42P01') return undefined;
          throw e;
        },
      );
      if (row) return PgIndex.load(this.read, row, { ...(this.o.embedder ? { embedder: this.o.embedder } : {}), ...(this.o.retrieval ? { retrieval: this.o.retrieval } : {}) });
      if (Date.now() > deadline) throw new Error(`build ${want} has not reached the replica after ${this.o.replicaWaitMs ?? 60_000} ms`);
      await sleep(200);
    }
  }

  /** Publishes a loaded build folder (see {@link publishBuild}). */
  async publish(index: CorpusIndex, options: PublishOptions): Promise<PublishReport> {
    await this.migrate();
    return publishBuild(this.primary, index, options);
  }

  /** Publishes a build folder unless it is the newest published build already (same manifest). */
  async publishIfNew(index: CorpusIndex, options: PublishOptions): Promise<PublishReport | undefined> {
    const latest = await this.latest();
    if (latest && latest.manifest.createdAt === index.manifest.createdAt && latest.manifest.buildMs === index.manifest.buildMs) return undefined;
    return this.publish(index, options);
  }

  /**
   * Calls `onBuild` with the id of each build newer than `since` that is published: LISTEN on a
   * dedicated connection, re-established when it drops, with a poll every `pollMs` for notices
   * missed meanwhile. Returns a function that stops listening.
   */
  listen(since: number, onBuild: (id: number) => void, pollMs: number, onError: (error: unknown) => void = () => undefined): () => Promise<void> {
    let stopped = false;
    let client: pg.Client | undefined;
    let last = since;
    const seen = (id: number) => {
      if (id > last) {
        last = id;
        onBuild(id);
      }
    };
    const connect = async (): Promise<void> => {
      while (!stopped) {
        const c = new pg.Client({ connectionString: this.o.url });
        try {
          c.on('notification', (m) => m.channel === BUILD_CHANNEL && m.payload && seen(Number(m.payload)));
          c.on('error', (e) => onError(e));
          c.on('end', () => {
            if (!stopped) void sleep(1000).then(connect);
          });
          await c.connect();
          await c.query(`listen ${BUILD_CHANNEL}`);
          client = c;
          return;
        } catch (e) {
          onError(e);
          await c.end().catch(() => undefined);
          await sleep(1000);
        }
      }
    };
    void connect();
    const timer =
      pollMs > 0
        ? setInterval(() => {
            this.latest().then((b) => b && seen(b.id), onError);
          }, pollMs)
        : undefined;
    timer?.unref();
    return async () => {
      stopped = true;
      if (timer) clearInterval(timer);
      await client?.end().catch(() => undefined);
    };
  }

  async close(): Promise<void> {
    await Promise.all([this.primary.end(), this.read === this.primary ? undefined : this.read.end()]);
  }
}
