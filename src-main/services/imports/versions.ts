/*
 * What a lead's verdict reads from outside its import, as version strings that change whenever it
 * changes, from this process or the CLI beside it: the suppression list and the committed imports. And
 * the database's own counters of what was written.
 */
import type Database from 'better-sqlite3';
import { cachedStatement } from '../../queue/sql';

/** Suppression ids are never reused (AUTOINCREMENT): any addition or removal changes the count or the highest id. */
export function suppressionListVersion(sqlite: Database.Database): string {
  const v = cachedStatement(sqlite, 'SELECT count(*) AS n, max(id) AS top FROM suppressions').get() as
    { n: number; top: number | null } | undefined;
  return `${v?.n ?? 0}:${v?.top ?? 0}`;
}

/** A commit adds an import id and a commit time; a rollback takes an id away. */
export function committedImportsVersion(sqlite: Database.Database): string {
  const v = cachedStatement(
    sqlite,
    `SELECT count(*) AS n, coalesce(sum(id), 0) AS ids, coalesce(max(committed_at), 0) AS last
       FROM imports WHERE status = 'committed'`,
  ).get() as { n: number; ids: number; last: number };
  return `${v.n}:${v.ids}:${v.last}`;
}

/** Both of the above: everything outside an import that a verdict reads. */
export function outsideVersion(sqlite: Database.Database): string {
  return `${suppressionListVersion(sqlite)}/${committedImportsVersion(sqlite)}`;
}

/** Moves whenever another connection (the CLI beside the app) commits; this connection's writes leave it. */
export function dataVersion(sqlite: Database.Database): number {
  return (cachedStatement(sqlite, 'SELECT data_version AS v FROM pragma_data_version').get() as { v: number })
    .v;
}

/** Moves with every row written on this connection and every commit of another one. */
export function writesVersion(sqlite: Database.Database): string {
  const changes = (cachedStatement(sqlite, 'SELECT total_changes() AS n').get() as { n: number }).n;
  return `${changes}:${dataVersion(sqlite)}`;
}
