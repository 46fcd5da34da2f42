export * from './api-key';
export * from './deterministic-id';
export * from './ingest.error';
export * from './open-conversation.request';
