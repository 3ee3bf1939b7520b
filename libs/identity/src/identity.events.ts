import type { DomainEvent } from '@pendamping/platform';

/**
 * A person's tokens issued before `tokenVersion` have ended (password changed, roles changed, account
 * disabled). The realtime gateway subscribes, to disconnect their sockets that still hold an older token.
 */
export interface TokensRevoked extends DomainEvent {
  type: 'identity.tokens_revoked';
  userId: string;
  tokenVersion: number;
}

export type IdentityDomainEvent = TokensRevoked;

export const identityEvent = <E extends IdentityDomainEvent>(event: E): E => event;
