export * from './conversation-classifier';
