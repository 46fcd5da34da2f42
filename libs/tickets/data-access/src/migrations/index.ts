import { CreateTicketSchema1764417600000 } from './1764417600000-create-ticket-schema';
import { CreateDataKeys1796000000000 } from './1796000000000-create-data-keys';
import { EncryptTicketData1796000100000 } from './1796000100000-encrypt-ticket-data';
import { CreateAgentApiTables1796000200000 } from './1796000200000-create-agent-api-tables';
import { OrderMessagesByPosition1796000300000 } from './1796000300000-order-messages-by-position';
import { AddMessagePiiTags1796000400000 } from './1796000400000-add-message-pii-tags';
import { SealOutboxEvents1796000500000 } from './1796000500000-seal-outbox-events';
import { SealCustomFields1796000600000 } from './1796000600000-seal-custom-fields';
import { CreateRedactionJobs1796000700000 } from './1796000700000-create-redaction-jobs';
import { DropDataKeys1796000900000 } from './1796000900000-drop-data-keys';

/** In order. Merged migrations are immutable: change the schema with a new one. */
export const TICKET_MIGRATIONS = [CreateTicketSchema1764417600000, CreateDataKeys1796000000000, EncryptTicketData1796000100000, CreateAgentApiTables1796000200000, OrderMessagesByPosition1796000300000, AddMessagePiiTags1796000400000, SealOutboxEvents1796000500000, SealCustomFields1796000600000, CreateRedactionJobs1796000700000, DropDataKeys1796000900000];
