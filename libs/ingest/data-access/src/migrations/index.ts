import { CreateIngestSchema1764417600000 } from './1764417600000-create-ingest-schema';

/** In order. Merged migrations are immutable: change the schema with a new one. */
export const INGEST_MIGRATIONS = [CreateIngestSchema1764417600000];
