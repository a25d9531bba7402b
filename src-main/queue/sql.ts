import type Database from 'better-sqlite3';

const cache = new WeakMap<Database.Database, Map<string, Database.Statement>>();

/**
 * The connection's prepared statement for `sql`, compiled once. Hot paths (claims, job results, run
 * progress) run thousands of times per run; preparing costs more than many of the statements do.
 * A statement that is plucked must always be used plucked (the mode sticks to the cached statement).
 */
export function cachedStatement(sqlite: Database.Database, sql: string): Database.Statement {
  let byText = cache.get(sqlite);
  if (!byText) {
    byText = new Map();
    cache.set(sqlite, byText);
  }
  let stmt = byText.get(sql);
  if (!stmt) {
    stmt = sqlite.prepare(sql);
    byText.set(sql, stmt);
  }
  return stmt;
}
