import { randomUUID } from 'node:crypto';
import type { SessionRequestCreated } from '@carezone/contract';
import { newReference } from '../session-requests/reference.js';

export interface BotAnswer {
  body: string;
  /** A retry with a key already answered: sent with `Idempotent-Replayed`, as for a stored request. */
  replayed: boolean;
}

/**
 * The made-up answers given to bots (honeypot filled, form sent too fast), by idempotency key: a
 * bot that retries gets the same answer and the same replay header a person's retry would, so
 * nothing tells a dropped request from a stored one. Per process and bounded (the oldest key is
 * forgotten first): a bot retrying after that many others gets a fresh answer, which is harmless.
 */
export function botAnswers(max = 1000): (idempotencyKey: string) => BotAnswer {
  const answers = new Map<string, string>();
  return (idempotencyKey) => {
    const known = answers.get(idempotencyKey);
    if (known !== undefined) return { body: known, replayed: true };
    const created: SessionRequestCreated = {
      id: randomUUID(),
      reference: newReference(),
      status: 'received',
      createdAt: new Date().toISOString(),
    };
    const body = JSON.stringify(created);
    answers.set(idempotencyKey, body);
    if (answers.size > max) answers.delete(answers.keys().next().value as string);
    return { body, replayed: false };
  };
}
