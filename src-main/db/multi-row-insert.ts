/*
 * Multi-row INSERTs: one statement per hundreds of rows instead of one per row, which is most of
 * what bulk writes cost in better-sqlite3 (a call and a VDBE run per statement).
 */
import type Database from 'better-sqlite3';

type Statement = Database.Statement<unknown[]>;

/**
 * `head VALUES tuple, tuple, …` for a given number of tuples, prepared once per count: bulk writes
 * use one full size and a shorter tail. Keep `rows × parameters per tuple` under SQLite's 32,766.
 */
export function multiRowInsert(
  sqlite: Database.Database,
  head: string,
  tuple: string,
): (rows: number) => Statement {
  const prepared = new Map<number, Statement>();
  return (rows) => {
    let stmt = prepared.get(rows);
    if (!stmt) {
      stmt = sqlite.prepare<unknown[]>(`${head} VALUES ${Array(rows).fill(tuple).join(', ')}`);
      prepared.set(rows, stmt);
    }
    return stmt;
  };
}

/** Inserts `params` (tuples of `width` values, one after the other) `perStatement` tuples at a time. */
export function insertTuples(
  insert: (rows: number) => Statement,
  params: readonly unknown[],
  width: number,
  perStatement: number,
): void {
  const step = width * perStatement;
  for (let at = 0; at < params.length; at += step) {
    const part = params.slice(at, at + step);
    insert(part.length / width).run(part);
  }
}
