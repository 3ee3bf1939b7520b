export * from './realtime.module';
export * from './realtime.entities';
export * from './realtime.events';
export * from './rooms';
export * from './chat/chat-message.entity';
export * from './chat/chat.service';
export * from './live/live.entities';
export * from './publisher/redis-realtime-publisher';
