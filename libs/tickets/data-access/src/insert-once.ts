import { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';

/** Rows per INSERT statement: well below PostgreSQL's 65,535 bind parameters for any table here. */
const ROWS_PER_STATEMENT = 1_000;

/**
 * Inserts rows, each unless one with its primary key (or another unique key) exists: how every
 * consumer sink here stays idempotent when an event comes again. Many rows go in few statements.
 */
export async function insertOnce<T extends ObjectLiteral>(manager: EntityManager, entity: EntityTarget<T>, rows: QueryDeepPartialEntity<T> | QueryDeepPartialEntity<T>[]): Promise<void> {
  const all = Array.isArray(rows) ? rows : [rows];
  for (let i = 0; i < all.length; i += ROWS_PER_STATEMENT) {
    await manager.createQueryBuilder().insert().into(entity).values(all.slice(i, i + ROWS_PER_STATEMENT)).orIgnore().execute();
  }
}
