import { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';

/**
 * Inserts a row unless one with its primary key (or another unique key) exists: how every
 * consumer sink here stays idempotent when an event comes again.
 */
export async function insertOnce<T extends ObjectLiteral>(manager: EntityManager, entity: EntityTarget<T>, row: QueryDeepPartialEntity<T>): Promise<void> {
  await manager.createQueryBuilder().insert().into(entity).values(row).orIgnore().execute();
}
