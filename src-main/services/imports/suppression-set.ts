/*
 * The suppression list as `isSuppressed` reads it, from the database: for generation and push, for the
 * re-checks of draft leads, and for the entries a change adds or removes.
 */
import type Database from 'better-sqlite3';
import { suppressionSetOf, type SuppressionSet } from '../../../src-shared/import/suppression';
import { cachedStatement } from '../../queue/sql';
import { suppressionListVersion } from './versions';

const loaded = new WeakMap<Database.Database, { version: string; set: SuppressionSet }>();

/** Entries of the list (all of it, or those just added or removed) as `isSuppressed` reads them. */
export function entriesAsSet(entries: Iterable<{ kind: string; value: string }>): SuppressionSet {
  const emails: string[] = [];
  const domains: string[] = [];
  for (const e of entries) (e.kind === 'email' ? emails : domains).push(e.value);
  return suppressionSetOf(emails, domains);
}

/**
 * The whole list as `isSuppressed` takes it, read when a run is planned or a push checks its leads:
 * either may come long after the leads were classified. Kept between calls (the Generate screen asks
 * for an estimate at every change) while its version stays the same.
 */
export function loadSuppressionSet(sqlite: Database.Database): SuppressionSet {
  const version = suppressionListVersion(sqlite);
  const hit = loaded.get(sqlite);
  if (hit?.version === version) return hit.set;
  const set = entriesAsSet(
    cachedStatement(sqlite, 'SELECT kind, value FROM suppressions').iterate() as Iterable<{
      kind: string;
      value: string;
    }>,
  );
  loaded.set(sqlite, { version, set });
  return set;
}
