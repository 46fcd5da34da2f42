import { CreateIngestSchema1764417600000 } from './1764417600000-create-ingest-schema';
import { CreateCustomFields1795900000000 } from './1795900000000-create-custom-fields';
import { AddAppIdentitySecret1795900100000 } from './1795900100000-add-app-identity-secret';

/** In order. Merged migrations are immutable: change the schema with a new one. */
export const INGEST_MIGRATIONS = [CreateIngestSchema1764417600000, CreateCustomFields1795900000000, AddAppIdentitySecret1795900100000];
