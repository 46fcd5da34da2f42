import { DataSource } from 'typeorm';
import { CustomFieldDefinition } from '@sieve/ingest-domain';
import { CustomFieldEntity } from './entities/custom-field.entity';

/** The custom issue fields of each app. */
export class CustomFieldsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** The app's fields, in the order the SDK shows them. */
  async fieldsOf(appId: string): Promise<CustomFieldDefinition[]> {
    const rows = await this.dataSource.getRepository(CustomFieldEntity).find({ where: { appId }, order: { position: 'ASC', key: 'ASC' } });
    return rows.map(({ key, type, label, required, options }) => ({ key, type, label, required, ...(options ? { options } : {}) }));
  }

  /** Replaces all of an app's fields, in one transaction. */
  async replaceFields(appId: string, fields: readonly CustomFieldDefinition[]): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const repository = manager.getRepository(CustomFieldEntity);
      await repository.delete({ appId });
      await repository.insert(fields.map((field, position) => ({ appId, ...field, options: field.options ?? null, position })));
    });
  }
}
