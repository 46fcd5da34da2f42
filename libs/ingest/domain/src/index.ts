export * from './api-key';
export * from './ingest.error';
export * from './open-conversation.request';
