import { Transform } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsBoolean, IsInt, IsOptional, IsString, IsUUID, Matches, MaxLength, Min } from 'class-validator';
import { IsHumanText, IsMultilineText } from '@pendamping/platform';

/** Longest chat message or question, in characters. */
export const MAX_BODY_LENGTH = 2000;
// Something other than whitespace and invisible format characters (a zero-width space, a joiner): an
// empty-looking message or poll option is a mistake, not one.
const VISIBLE = /[^\s\p{Cf}]/u;

/**
 * An id as stored (lower case), as ParseIdPipe makes a path's: one sent in capitals would otherwise be
 * stored and told to the room as sent, and the others' clients could not match it.
 */
const StoredId = () => Transform(({ value }) => (typeof value === 'string' ? value.toLowerCase() : value));

export class ConsultationRef {
  @IsUUID()
  @StoredId()
  consultationId: string;
}

export class JoinConsultationDto extends ConsultationRef {
  /** The newest message this client already has; the ack carries what came after it. */
  @IsOptional()
  @IsUUID()
  @StoredId()
  since?: string;
}

export class SendMessageDto extends ConsultationRef {
  @IsString()
  @Matches(/^[A-Za-z0-9._:-]{1,64}$/, { message: 'clientMessageId must be 1-64 letters, digits or ._:-' })
  clientMessageId: string;

  @IsString()
  @MaxLength(MAX_BODY_LENGTH)
  @Matches(VISIBLE, { message: 'body must not be empty' })
  @IsMultilineText('body')
  body: string;
}

export class ReadDto extends ConsultationRef {
  @IsUUID()
  @StoredId()
  messageId: string;
}

export class SessionRef {
  @IsUUID()
  @StoredId()
  sessionId: string;
}

export class AskDto extends SessionRef {
  @IsString()
  @MaxLength(MAX_BODY_LENGTH)
  @Matches(VISIBLE, { message: 'body must not be empty' })
  @IsMultilineText('body')
  body: string;
}

export class QuestionRef {
  @IsUUID()
  @StoredId()
  questionId: string;
}

export class AnsweredDto extends QuestionRef {
  @IsOptional()
  @IsBoolean()
  answered?: boolean;
}

export class HandDto extends SessionRef {
  @IsBoolean()
  raised: boolean;
}

export class OpenPollDto extends SessionRef {
  @IsString()
  @MaxLength(500)
  @Matches(VISIBLE, { message: 'question must not be empty' })
  @IsHumanText('question')
  question: string;

  @IsString({ each: true })
  @MaxLength(200, { each: true })
  @Matches(VISIBLE, { each: true, message: 'options must not be empty' })
  @IsHumanText('each option', { each: true })
  @ArrayMinSize(2)
  @ArrayMaxSize(10)
  options: string[];
}

export class PollRef {
  @IsUUID()
  @StoredId()
  pollId: string;
}

export class PollVoteDto extends PollRef {
  /** The chosen option's index in `options`, from 0. */
  @IsInt()
  @Min(0)
  option: number;
}
