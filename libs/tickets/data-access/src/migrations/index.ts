import { CreateTicketSchema1764417600000 } from './1764417600000-create-ticket-schema';

/** In order. Merged migrations are immutable: change the schema with a new one. */
export const TICKET_MIGRATIONS = [CreateTicketSchema1764417600000];
