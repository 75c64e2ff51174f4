import { z } from 'astro/zod';
import { cleanText } from '../lib/sync/plain-text.ts';
import { boardItemSchema } from './board-item.ts';

/** A message stored for readers: one line of safe text. */
const message = z.string().transform((text) => cleanText(text, 500));

/** What one source contributed to the last sync. */
const sourceStatusSchema = z.object({
  /** Repository as `owner/name`. */
  repo: z.string(),
  /** Items taken from this source. */
  items: z.number().int().min(0),
  /** Latest `updatedAt` seen, the watermark for the next incremental sync. */
  watermark: z.iso.datetime({ offset: true }).nullable().default(null),
  /** True when the last sync of this source failed: its items are the last good ones and may be out of date. */
  stale: z.boolean().default(false),
  /** Why the last sync of this source failed, when `stale`; normalised, as it may quote a server. */
  error: message.nullable().default(null),
  /** Why the source was skipped (e.g. a private repository without `includePrivate`). */
  skipped: message.nullable().default(null),
  /** Hash of the source's settings; an incremental sync is only safe while it is unchanged. */
  fingerprint: z.string().nullable().default(null),
  /** Labels that select an issue from this source, so the agenda can list closed ones on GitHub. */
  labels: z.array(z.string().transform((label) => cleanText(label, 100))).default([]),
});

/** What one organisation source contributed to the last sync, and what the next one starts from. */
const orgStatusSchema = z.object({
  /** Organisation login. */
  org: z.string(),
  /** Items taken from its repositories. */
  items: z.number().int().min(0),
  /** Latest issue `updatedAt` seen: the next incremental sync asks for changes from here. */
  watermark: z.iso.datetime({ offset: true }).nullable().default(null),
  /** When every repository was last listed; a day later the list is read again in full. */
  discoveredAt: z.iso.datetime({ offset: true }).nullable().default(null),
  /** Latest repository `updatedAt` seen: renames, visibility changes and new repositories come after it. */
  reposSeenAt: z.iso.datetime({ offset: true }).nullable().default(null),
  /** Repositories the organisation had, all kinds, to notice one deleted or transferred away. */
  repoCount: z.number().int().min(0).default(0),
  /** The repositories read, by node ID (stable through renames) and current name. */
  repos: z.array(z.object({ id: z.string(), name: z.string() })).default([]),
  /** Repositories left out, by reason. */
  skipped: z
    .object({
      private: z.number().int().min(0).default(0),
      archived: z.number().int().min(0).default(0),
      excluded: z.number().int().min(0).default(0),
      noIssues: z.number().int().min(0).default(0),
      listedAsRepo: z.number().int().min(0).default(0),
    })
    .default({ private: 0, archived: 0, excluded: 0, noIssues: 0, listedAsRepo: 0 }),
  stale: z.boolean().default(false),
  error: message.nullable().default(null),
  fingerprint: z.string().nullable().default(null),
  labels: z.array(z.string().transform((label) => cleanText(label, 100))).default([]),
});

/** Board settings carried from sources.yaml so the offline build can use them. */
const settingsSchema = z.object({
  /** An item with no update for this many days is stale. */
  staleAfterDays: z.number().int().min(1).default(30),
  /** Days between sync meetings; the agenda looks back this far by default. */
  cadenceDays: z.number().int().min(1).default(14),
  /** Warn when the snapshot is older than this many hours. */
  maxAgeHours: z.number().int().min(1).default(48),
  /** Closed items and recorded changes are kept this many days, for "resolved since" and "changed since". */
  retentionDays: z.number().int().min(1).default(90),
});

/**
 * The board snapshot (content/board/snapshot.json), written by `npm run sync` and read by the
 * build through a file() loader as a single entry with id `snapshot`.
 */
export const snapshotSchema = z
  .object({
    /** Format version of this file. */
    version: z.literal(1),
    /** When the sync ran; null for an empty snapshot that was never synced. */
    syncedAt: z.iso.datetime({ offset: true }).nullable().default(null),
    /** GraphQL endpoint the sync read from (never credentials); null for sample or never-synced data. */
    apiUrl: z.string().nullable().default(null),
    /** GitHub's web origin every item URL is built from, e.g. `https://github.com`. */
    webUrl: z
      .url({ protocol: /^https$/, error: 'webUrl must be an https:// origin' })
      .refine((url) => new URL(url).origin === url, 'webUrl must be an origin, e.g. https://github.com')
      .default('https://github.com'),
    /** True for the bundled sample data; the board shows a banner. */
    sample: z.boolean().default(false),
    /** Settings used by the board and agenda. */
    settings: settingsSchema.default({
      staleAfterDays: 30,
      cadenceDays: 14,
      maxAgeHours: 48,
      retentionDays: 90,
    }),
    /** Per-repository status of the last sync, for `repo:` sources. */
    sources: z.array(sourceStatusSchema).default([]),
    /** Per-organisation status of the last sync, for `org:` sources. */
    orgs: z.array(orgStatusSchema).default([]),
    /** Open risk and threat items. */
    items: z.array(boardItemSchema).default([]),
    /** Items closed within the retention window, with `closedAt` set; never on the board's lanes. */
    closed: z.array(boardItemSchema).default([]),
  })
  .superRefine((snapshot, ctx) => {
    // Keys compare case-insensitively: GitHub names do, and so do the routes on many file systems.
    const seen = new Set<string>();
    const check = (list: 'items' | 'closed') => (item: Snapshot['items'][number], i: number) => {
      if (seen.has(item.key.toLowerCase())) {
        ctx.addIssue({
          code: 'custom',
          path: [list, i, 'key'],
          message: `duplicate item key "${item.key}"`,
        });
      }
      seen.add(item.key.toLowerCase());
      const origin = URL.parse(item.url)?.origin;
      if (origin !== snapshot.webUrl) {
        ctx.addIssue({
          code: 'custom',
          path: [list, i, 'url'],
          message: `${item.key}: url must be on ${snapshot.webUrl}, got ${origin}`,
        });
      }
      if (list === 'closed' && item.closedAt === null) {
        ctx.addIssue({
          code: 'custom',
          path: [list, i, 'closedAt'],
          message: `${item.key}: a closed item needs closedAt`,
        });
      }
    };
    snapshot.items.forEach(check('items'));
    snapshot.closed.forEach(check('closed'));
  });

export type Snapshot = z.infer<typeof snapshotSchema>;
export type OrgStatus = z.infer<typeof orgStatusSchema>;
export type SnapshotInput = z.input<typeof snapshotSchema>;
