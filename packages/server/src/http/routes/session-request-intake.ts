import {
  IDEMPOTENCY_KEY_HEADER,
  IdempotencyKey,
  MIN_FILL_TIME_MS,
  OTHER_TOPIC_ID,
  Problem,
  SessionRequestCreated,
  SessionRequestInput,
  type Topic,
} from '@carezone/contract';
import * as z from 'zod/mini';
import type { Logger } from '../../logger.js';
import { createSessionRequest } from '../../session-requests/create.js';
import { withoutBotFields } from '../../session-requests/stored-input.js';
import type { Storage } from '../../storage/storage.js';
import type { ZoneDirectory } from '../../zones/zone-directory.js';
import { type BotAnswer, botAnswers } from '../bot-answers.js';
import { NO_STORE } from '../caching.js';
import { clientAddress, rateLimitKey } from '../client-address.js';
import { jsonBodyLimit, jsonBodyResponses, readJsonBody, requireJsonContentType } from '../json-body.js';
import { invalidBody, ProblemError } from '../problem.js';
import { DEFAULT_RATE_LIMITS, type RateLimits, rateLimiter } from '../rate-limits.js';
import { defineRoute, type RequestExample, type RouteSpec } from '../route-spec.js';

export interface IntakeDependencies {
  directory: ZoneDirectory;
  storage: Storage;
  logger: Logger;
  topics: readonly Topic[];
  rateLimits: RateLimits;
  /** Reverse proxies in front of the server whose `X-Forwarded-For` is believed (see client-address.ts). */
  trustedProxies: number;
}

const IntakeHeaders = z.object({ [IDEMPOTENCY_KEY_HEADER]: IdempotencyKey });

const EXAMPLE_BODY = {
  organisation: { name: 'OCMW Sint-Gillis', kind: 'municipal-social-service' },
  zone: 'bxl-sud',
  contact: { name: 'Anna Peeters', email: 'anna@example.be' },
  topics: ['diabetes', 'care-pathway'],
  format: 'on-site',
  participants: 20,
  language: 'bilingual',
  locale: 'nl',
  consent: true,
} satisfies SessionRequestInput;

const EXAMPLES: RequestExample[] = [
  {
    method: 'post',
    path: '/v1/session-requests',
    headers: { [IDEMPOTENCY_KEY_HEADER]: '6f1c2b9e4a7d4e0f9b3c5d8a2e1f7c40' },
    body: EXAMPLE_BODY,
  },
  {
    method: 'post',
    path: '/v1/session-requests',
    headers: { [IDEMPOTENCY_KEY_HEADER]: '0d6e3a8b1c2f4a5e8d7c9b0a1e2f3d4c' },
    body: { ...EXAMPLE_BODY, zone: 'atlantis', topics: ['astrology'], consent: false },
  },
];

/** Checks the contract cannot make: the zone is loaded, the topics are offered. */
function checkAgainstData(
  input: SessionRequestInput,
  directory: ZoneDirectory,
  topicIds: ReadonlySet<string>,
) {
  const errors = [];
  if (!directory.zone(input.zone)) {
    errors.push({ path: 'zone', code: 'unknown_zone', message: `no zone "${input.zone}" is loaded` });
  }
  const seen = new Set<string>();
  input.topics.forEach((topic, i) => {
    if (topic !== OTHER_TOPIC_ID && !topicIds.has(topic)) {
      errors.push({ path: `topics.${i}`, code: 'unknown_topic', message: `no topic "${topic}" is offered` });
    } else if (seen.has(topic)) {
      errors.push({ path: `topics.${i}`, code: 'duplicate_topic', message: `"${topic}" is listed twice` });
    }
    seen.add(topic);
  });
  if (seen.has(OTHER_TOPIC_ID) && !input.otherTopic) {
    errors.push({
      path: 'otherTopic',
      code: 'too_small',
      message: `is required when the topics include "${OTHER_TOPIC_ID}"`,
    });
  }
  if (errors.length > 0) throw invalidBody(errors);
}

/**
 * What the bot traps say of a submission: nothing (`undefined`), why it is a bot's, or that it
 * may be a person's whose browser or password manager autofilled the hidden field: the honeypot
 * filled by a form that was open at least the minimum time, with consent given. The widget always
 * sends its fill time, so a filled honeypot without one is a script posting directly.
 */
function botSignal(input: SessionRequestInput): 'honeypot' | 'too-fast' | 'possible-spam' | undefined {
  const { website, fillTimeMs, consent } = input;
  const tooFast = fillTimeMs !== undefined && fillTimeMs < MIN_FILL_TIME_MS;
  if (website !== undefined && website !== '') {
    return fillTimeMs !== undefined && !tooFast && consent === true ? 'possible-spam' : 'honeypot';
  }
  return tooFast ? 'too-fast' : undefined;
}

const jsonHeaders = { 'content-type': 'application/json', 'cache-control': NO_STORE };

/** A stored (or made-up) answer; a replay says so in `Idempotent-Replayed`. */
function answered({ body, replayed }: BotAnswer, status = 201): Response {
  return new Response(body, {
    status,
    headers: replayed ? { ...jsonHeaders, 'idempotent-replayed': 'true' } : jsonHeaders,
  });
}

export function sessionRequestIntakeRoutes(deps: IntakeDependencies): RouteSpec[] {
  const { directory, storage, logger, rateLimits } = deps;
  const topicIds = new Set(deps.topics.map((topic) => topic.id));
  // Counted in PostgreSQL when the processes share one, so the limits hold across them.
  const store = { postgresPool: storage.postgresPool, logger };
  const limitAddress = rateLimiter(rateLimits.perAddress, DEFAULT_RATE_LIMITS.perAddress, {
    name: 'address',
    what: 'from this address',
    store,
  });
  const limitZone = rateLimiter(rateLimits.perZone, DEFAULT_RATE_LIMITS.perZone, {
    name: 'zone',
    what: 'for this zone',
    store,
  });
  const botAnswer = botAnswers();

  return [
    defineRoute({
      method: 'post',
      path: '/v1/session-requests',
      operationId: 'createSessionRequest',
      tag: 'Session requests',
      summary: 'Ask a zone team for an information session',
      description:
        'Answers 201 only once the request, its history and the e-mails it queues are stored durably. ' +
        'Send a new random `Idempotency-Key` per filled-in form and reuse it on every retry: the same key ' +
        'with the same body replays the first answer (`Idempotent-Replayed: true`), with another body it ' +
        'is a 409. A filled-in `website` from a form open long enough may be autofill: such a request is ' +
        'stored flagged as possible spam and mails no one until staff confirm it. Browsers may send it ' +
        'only from the origins the deployment allows (`CAREZONE_ALLOWED_ORIGINS`). Limited per client ' +
        'address and per zone.',
      headers: IntakeHeaders,
      body: {
        description:
          'The filled-in form; `website` must stay empty and `fillTimeMs` is the time it was open.',
        schema: SessionRequestInput,
      },
      responses: {
        201: { description: 'Stored (or replayed): quote the `reference`.', schema: SessionRequestCreated },
        400: {
          description:
            '`INVALID_QUERY`: the `Idempotency-Key` header is missing or malformed. `VALIDATION_FAILED`: the ' +
            'body is not JSON.',
          schema: Problem,
        },
        403: {
          description: '`FORBIDDEN`: sent from a page of an origin that is not allowed.',
          schema: Problem,
        },
        409: {
          description: '`CONFLICT`: the `Idempotency-Key` was used with another body.',
          schema: Problem,
        },
        ...jsonBodyResponses(),
        422: {
          description:
            '`VALIDATION_FAILED`: the body breaks a rule, or names a zone or topic that does not exist; ' +
            '`errors` lists each field.',
          schema: Problem,
        },
        429: {
          description: '`RATE_LIMITED`: too many requests; wait `Retry-After` seconds.',
          schema: Problem,
        },
      },
      examples: EXAMPLES,
      middleware: [
        async (c, next) => {
          await limitAddress(rateLimitKey(clientAddress(c, deps.trustedProxies)));
          await next();
        },
        requireJsonContentType(),
        jsonBodyLimit(),
      ],
      handler: async (c, { headers }) => {
        const idempotencyKey = headers[IDEMPOTENCY_KEY_HEADER];
        const input = await readJsonBody(c, SessionRequestInput);
        checkAgainstData(input, directory, topicIds);

        const bot = botSignal(input);
        if (bot === 'honeypot' || bot === 'too-fast') {
          // Answered like a success so the bot learns nothing; no field of the form is logged.
          logger.info({ reason: bot }, 'session request from a bot dropped');
          return answered(botAnswer(idempotencyKey));
        }

        await limitZone(input.zone);
        const possibleSpam = bot === 'possible-spam';
        const outcome = await createSessionRequest(storage, {
          input: withoutBotFields(input),
          idempotencyKey,
          possibleSpam,
        });
        switch (outcome.kind) {
          case 'created':
            if (possibleSpam) {
              // Stored, not mailed: the staff confirm or delete it. The id says which, never a field.
              logger.info({ id: outcome.created.id }, 'session request stored as possible spam');
            }
            return answered({ body: outcome.answer.body, replayed: false });
          case 'replayed':
            return answered({ body: outcome.answer.body, replayed: true }, outcome.answer.status);
          case 'conflict':
            throw new ProblemError(
              409,
              'CONFLICT',
              `this ${IDEMPOTENCY_KEY_HEADER} was already used with another body: use a new key for a new request`,
            );
        }
      },
    }),
  ];
}
