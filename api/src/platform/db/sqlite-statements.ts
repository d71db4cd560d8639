/**
 * The driver prepares every statement it runs, which costs as much as running a small read;
 * the values are bound parameters, so the same SQL text recurs and its statement is reused.
 * Keeps `size` prepared statements per connection, by SQL text, least recently used dropped.
 * Self-contained (no outer names): the read workers run its source too (sqlite-readers.ts).
 */
export function keepPreparedStatements(connection: { prepare(sql: string): unknown }, size: number): void {
  const prepare = connection.prepare.bind(connection);
  const kept = new Map<string, unknown>();
  connection.prepare = (sql: string) => {
    let statement = kept.get(sql);
    if (statement) kept.delete(sql);
    else {
      statement = prepare(sql);
      if (kept.size >= size) kept.delete(kept.keys().next().value!);
    }
    kept.set(sql, statement);
    return statement;
  };
}
