export * from './classify-sdk-events.usecase';
