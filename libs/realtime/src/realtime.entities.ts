import { ChatMessage, ChatReadState } from './chat/chat-message.entity';
import { LivePoll, LivePollVote, LiveQuestion, LiveQuestionVote } from './live/live.entities';

/** Every entity of this lib, for the schema (libs/database) and TypeOrmModule.forFeature. */
export const realtimeEntities = [ChatMessage, ChatReadState, LiveQuestion, LiveQuestionVote, LivePoll, LivePollVote];
