import type { SessionRequest, SessionRequestInput } from '@carezone/contract';

/** What is stored of a form: everything but the bot traps, which say nothing about the request. */
export type StoredSessionRequestInput = SessionRequest['request'];

export function withoutBotFields(input: SessionRequestInput): StoredSessionRequestInput {
  const { website: _website, fillTimeMs: _fillTimeMs, ...stored } = input;
  return stored;
}
