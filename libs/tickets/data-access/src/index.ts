export * from './tickets-data-source';
export * from './entities/tenant.entity';
export * from './entities/staff-credential.entity';
export * from './entities/conversation.entity';
export * from './entities/message.entity';
export * from './entities/processed-event.entity';
