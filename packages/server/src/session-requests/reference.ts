import { randomInt } from 'node:crypto';

/**
 * Letters and digits nobody misreads over the phone: no 0/O, 1/I/L, or U (which reads as V).
 * 30 symbols, 8 of them: 6.5 × 10^11 references, so a collision is rare and simply retried.
 */
const ALPHABET = '23456789ABCDEFGHJKMNPQRSTVWXYZ';

/** A short reference a requester can quote: `CZ-7KQM-4TXA`. */
export function newReference(): string {
  let symbols = '';
  for (let i = 0; i < 8; i++) symbols += ALPHABET[randomInt(ALPHABET.length)];
  return `CZ-${symbols.slice(0, 4)}-${symbols.slice(4)}`;
}

export const REFERENCE_PATTERN = /^CZ-[2-9A-HJKMNP-TV-Z]{4}-[2-9A-HJKMNP-TV-Z]{4}$/;
