export * from './app-authenticator';
export * from './open-conversation.usecase';
export * from './ingest.module';
export * from './report-batch.usecase';
export * from './send-message.usecase';
export * from './app-configurations';
export * from './add-attachment.usecase';
export * from './agent-replies';
