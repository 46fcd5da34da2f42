import { CreateAnalyticsSchema1796100000000 } from './1796100000000-create-analytics-schema';

/** In order. Merged migrations are immutable: change the schema with a new one. */
export const ANALYTICS_MIGRATIONS = [CreateAnalyticsSchema1796100000000];
