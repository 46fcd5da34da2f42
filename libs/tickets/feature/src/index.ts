export * from './tickets.error';
export * from './apply-support-events.usecase';
export * from './staff-authenticator';
export * from './get-conversation.query';
export * from './tickets.module';
export * from './apply-diagnostics.usecase';
