import type { DataSource, EntityManager } from 'typeorm';

/**
 * Moves a row's timestamps back to when the demo says it happened (the services stamp "now"). Only when the
 * first column is still later, so a second run changes nothing; answers whether it changed the row. Table
 * and column names come from the seeders' code, never from input.
 */
export async function backdate(db: DataSource | EntityManager, table: string, where: Record<string, string>, columns: Record<string, Date>): Promise<boolean> {
  const names = Object.keys(columns);
  const keys = Object.keys(where);
  const sql =
    `UPDATE \`${table}\` SET ${names.map((c) => `\`${c}\` = ?`).join(', ')}` +
    ` WHERE ${keys.map((k) => `\`${k}\` = ?`).join(' AND ')} AND (\`${names[0]}\` IS NULL OR \`${names[0]}\` > ?)`;
  const result = await db.query(sql, [...Object.values(columns), ...Object.values(where), columns[names[0]]]);
  return Number(result?.affectedRows ?? 0) > 0;
}
