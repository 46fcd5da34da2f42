export * from './ingest-data-source';
export * from './entities/app.entity';
export * from './entities/api-key.entity';
export * from './app-credentials.repository';
export * from './deduplication.store';
export * from './rate-limiter';
export * from './country-locator';
