export * from './app-authenticator';
export * from './open-conversation.usecase';
export * from './ingest.module';
