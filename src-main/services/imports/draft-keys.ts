/*
 * Which leads of a draft import share an email key or a LinkedIn URL.
 *
 * Leads have no index on those columns: for every staged row it cost a
 * random-key insert into two large indexes, most of the time of staging
 * 100k rows. A draft's keys are looked up only after an edit or a bulk
 * action, so the first lookup in a draft reads all its keys once (one scan
 * of the import's rows) and keeps them in maps; later lookups are map hits.
 *
 * A draft's keys change only through `core.store` (which calls `moved`) and
 * undo (which calls `forget`); a failed `core.write` forgets every map.
 * Another connection's commit (the CLI beside the app) shows in PRAGMA
 * data_version and drops every map, so a map never outlives a change it did
 * not see.
 */
import type Database from 'better-sqlite3';
import { dataVersion as dataVersionOf } from './versions';

export type KeyKind = 'email' | 'linkedin';

interface KeyMaps {
  email: Map<string, number[]>;
  linkedin: Map<string, number[]>;
}

/** The keys of one lead as stored: `email_key` and `linkedin_url`. */
export interface LeadKeys {
  email_key: string | null;
  linkedin_url: string | null;
}

/** Keeps each key's ids ascending: a lead's id follows from its row number, so that is row order. */
function add(map: Map<string, number[]>, key: string | null, id: number): void {
  if (key === null) return;
  const ids = map.get(key);
  if (!ids) map.set(key, [id]);
  else if (id > (ids[ids.length - 1] as number)) ids.push(id);
  else {
    let at = ids.length;
    while (at > 0 && (ids[at - 1] as number) > id) at--;
    ids.splice(at, 0, id);
  }
}

function remove(map: Map<string, number[]>, key: string | null, id: number): void {
  if (key === null) return;
  const ids = map.get(key);
  if (!ids) return;
  const at = ids.indexOf(id);
  if (at >= 0) ids.splice(at, 1);
  if (ids.length === 0) map.delete(key);
}

export function createDraftKeys(sqlite: Database.Database) {
  const keysOf = sqlite
    .prepare<[number], [number, string | null, string | null]>(
      'SELECT id, email_key, linkedin_url FROM leads WHERE import_id = ?',
    )
    .raw();
  const keysInWindow = sqlite
    .prepare<[number, number, number], [number, string | null, string | null]>(
      'SELECT id, email_key, linkedin_url FROM leads WHERE id >= ? AND id < ? AND +import_id = ?',
    )
    .raw();
  // A cached statement: `sqlite.pragma()` compiles its statement on every call, and every lookup asks.
  const dataVersion = (): number => dataVersionOf(sqlite);

  const maps = new Map<number, KeyMaps>();
  let seenVersion = dataVersion();
  /** Bumped by every change this connection reports: a read spread over several turns checks it. */
  let changes = 0;

  /** Drops every map when another connection committed since they were read. */
  function catchUp(version: number): void {
    if (version === seenVersion) return;
    maps.clear();
    seenVersion = version;
  }

  function fill(m: KeyMaps, rows: Iterable<[number, string | null, string | null]>): KeyMaps {
    for (const [id, email, linkedin] of rows) {
      add(m.email, email, id);
      add(m.linkedin, linkedin, id);
    }
    return m;
  }

  function mapsOf(importId: number): KeyMaps {
    catchUp(dataVersion());
    let m = maps.get(importId);
    if (!m) {
      m = fill({ email: new Map(), linkedin: new Map() }, keysOf.iterate(importId));
      maps.set(importId, m);
    }
    return m;
  }

  return {
    /** Ids of the import's leads whose `kind` key is `key`, ascending (empty for a null key). */
    leadsWith(importId: number, kind: KeyKind, key: string | null): readonly number[] {
      if (key === null) return [];
      return mapsOf(importId)[kind].get(key) ?? [];
    },
    /**
     * Reads an import's keys ahead, a window of its ids per event-loop turn, so the first lookup after
     * a change does not read every row in one block (~0.4 s at 100k rows). Nothing is kept when the
     * leads changed meanwhile: the next lookup reads them itself.
     */
    async warm(
      importId: number,
      windows: AsyncIterable<readonly [from: number, to: number, ...rest: number[]]>,
    ): Promise<void> {
      if (maps.has(importId) && dataVersion() === seenVersion) return;
      const version = dataVersion();
      const before = changes;
      const m: KeyMaps = { email: new Map(), linkedin: new Map() };
      for await (const [from, to] of windows) fill(m, keysInWindow.all(from, to, importId));
      if (changes !== before || dataVersion() !== version) return;
      catchUp(version);
      maps.set(importId, m);
    },
    /** A lead's keys were rewritten from `before` to `after` by this connection. */
    moved(importId: number, leadId: number, before: LeadKeys, after: LeadKeys): void {
      changes++;
      const m = maps.get(importId);
      if (!m) return;
      if (before.email_key !== after.email_key) {
        remove(m.email, before.email_key, leadId);
        add(m.email, after.email_key, leadId);
      }
      if (before.linkedin_url !== after.linkedin_url) {
        remove(m.linkedin, before.linkedin_url, leadId);
        add(m.linkedin, after.linkedin_url, leadId);
      }
    },
    /** The import's leads changed in bulk (staging, undo, commit, delete): read them again when next asked. */
    forget(importId: number): void {
      changes++;
      maps.delete(importId);
    },
    /** A transaction failed: its `moved` calls may describe changes it rolled back. */
    forgetAll(): void {
      changes++;
      maps.clear();
    },
  };
}

export type DraftKeys = ReturnType<typeof createDraftKeys>;
