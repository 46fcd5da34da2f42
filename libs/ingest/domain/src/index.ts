export * from './api-key';
export * from './ingest.error';
export * from './open-conversation.request';
export * from './report-batch.request';
export * from './send-message.request';
export * from './custom-fields';
export * from './add-attachment.request';
export * from './identity-verification';
