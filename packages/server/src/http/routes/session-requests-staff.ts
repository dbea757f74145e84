import {
  Problem,
  type SessionRequest,
  SessionRequestDetail,
  SessionRequestPage,
  SessionRequestPatch,
  SessionRequestsExportQuery,
  type SessionRequestsFilter,
  SessionRequestsQuery,
  type Topic,
} from '@carezone/contract';
import type { Context } from 'hono';
import * as z from 'zod/mini';
import { embedLanguage } from '../../embed/embed-options.js';
import { decodeCursor } from '../../session-requests/cursor.js';
import { deleteFlaggedSessionRequest } from '../../session-requests/delete.js';
import { exportRequestsCsv } from '../../session-requests/export-csv.js';
import {
  getSessionRequest,
  listSessionRequests,
  mailsOfSessionRequest,
  type SessionRequestFilter,
  type StoredSessionRequest,
} from '../../session-requests/read.js';
import { changeSessionRequestStatus, NEXT_STATUSES } from '../../session-requests/status.js';
import type { Storage } from '../../storage/storage.js';
import { NO_STORE } from '../caching.js';
import { jsonBodyLimit, jsonBodyResponses, readJsonBody, requireJsonContentType } from '../json-body.js';
import { invalidBody, invalidQuery, ProblemError } from '../problem.js';
import {
  defineRoute,
  INVALID_ID_OR_BODY_RESPONSE,
  INVALID_ID_RESPONSE,
  type RouteSpec,
} from '../route-spec.js';
import { requireStaffToken, staffNotFoundResponse, staffOf, UNAUTHORIZED_RESPONSE } from '../staff-auth.js';

const SessionRequestParams = z.object({ id: z.uuid() });
const EXAMPLE_ID = '3f9a1c2e-5b7d-4e8f-9a0b-1c2d3e4f5a6b';

/** The contract's shape: the zone is already in `request.zone`. */
function toContract({ zone: _zone, ...request }: StoredSessionRequest): SessionRequest {
  return request;
}

/** One request with the state of its e-mails, as the GET of one and the PATCH answer it. */
async function detailOf(storage: Storage, request: StoredSessionRequest): Promise<SessionRequestDetail> {
  return { ...toContract(request), mails: await mailsOfSessionRequest(storage.db, request.id) };
}

function personal(c: Context, body: unknown): Response {
  return c.json(body, 200, { 'cache-control': NO_STORE });
}

/** What the schema cannot say: a patch changes something, and a note goes with a status change. */
function checkPatch(patch: SessionRequestPatch): void {
  if (patch.status === undefined && patch.possibleSpam === undefined) {
    throw invalidBody([
      { path: 'status', code: 'invalid_type', message: 'is required unless possibleSpam is false' },
    ]);
  }
  if (patch.status === undefined && patch.note) {
    throw invalidBody([
      { path: 'note', code: 'invalid_value', message: 'goes with a status change, for the history' },
    ]);
  }
  for (const flag of ['notifyRequester', 'noteToRequester'] as const) {
    if (patch.status === undefined && patch[flag] !== undefined) {
      throw invalidBody([{ path: flag, code: 'invalid_value', message: 'goes with a status change' }]);
    }
  }
  if (patch.noteToRequester === true && !patch.note) {
    throw invalidBody([
      { path: 'noteToRequester', code: 'invalid_value', message: 'needs a note to send to the requester' },
    ]);
  }
}

/**
 * The filter a staff member may use: a zone token reads its own zone (asking for another is a
 * 403), a network token any zone or all; `from` cannot come after `to`.
 */
function filterOf(staffZone: string | null, query: SessionRequestsFilter): SessionRequestFilter {
  if (staffZone !== null && query.zone !== undefined && query.zone !== staffZone) {
    throw new ProblemError(403, 'FORBIDDEN', `this token may only read the requests of zone "${staffZone}"`);
  }
  if (query.from !== undefined && query.to !== undefined && query.from > query.to) {
    throw invalidQuery([{ path: 'to', code: 'too_small', message: 'must not come before from' }]);
  }
  const { status, spam, topic, from, to, q } = query;
  return { zone: staffZone ?? query.zone, status, spam, topic, from, to, q };
}

function notFound(id: string): ProblemError {
  return new ProblemError(404, 'NOT_FOUND', `no session request "${id}"`);
}

/** The Brussels day of `now`, `YYYY-MM-DD`, for an export's file name. */
function brusselsToday(now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Brussels' }).format(now);
}

/**
 * The staff routes of session requests. `topics` label the topics of the CSV export (the
 * deployment's, `CAREZONE_TOPICS`), as `carezone requests export` labels them.
 */
export function sessionRequestStaffRoutes(storage: Storage, topics?: readonly Topic[]): RouteSpec[] {
  const authenticate = requireStaffToken(storage.db);
  return [
    defineRoute({
      method: 'get',
      path: '/v1/session-requests',
      operationId: 'listSessionRequests',
      tag: 'Staff',
      summary: 'Session requests, newest first',
      description:
        'A zone token lists its own zone (asking for another zone is a 403); a network token lists every ' +
        'zone, or the one in `zone`. Requests flagged as possible spam are left out: `spam=only` lists ' +
        'them alone, `spam=include` with the others. `topic` keeps the requests that asked for a topic; ' +
        '`from` and `to` (both inclusive) the ones received between two days, in Brussels time; `q` the ' +
        'ones whose organisation name, contact name or e-mail holds every word of it, whatever the case ' +
        'and accents. Pass `nextCursor` back as `cursor` for the next page, with the same filters.',
      query: SessionRequestsQuery,
      security: 'bearer',
      responses: {
        200: { description: 'One page of requests.', schema: SessionRequestPage },
        400: {
          description: '`INVALID_QUERY`: a malformed parameter or cursor, or `from` after `to`.',
          schema: Problem,
        },
        401: UNAUTHORIZED_RESPONSE,
        403: { description: '`FORBIDDEN`: the token belongs to another zone.', schema: Problem },
      },
      examples: [
        '/v1/session-requests?zone=bxl-sud&status=received',
        '/v1/session-requests?spam=only',
        '/v1/session-requests?topic=diabetes&from=2026-03-01&to=2026-03-31&q=sint%20gillis',
      ],
      middleware: [authenticate],
      handler: async (c, { query }) => {
        const staff = staffOf(c);
        const after = query.cursor === undefined ? undefined : decodeCursor(query.cursor);
        if (query.cursor !== undefined && after === undefined) {
          throw invalidQuery([
            { path: 'cursor', code: 'invalid_cursor', message: 'is not a nextCursor of this list' },
          ]);
        }
        const page = await listSessionRequests(storage.db, {
          ...filterOf(staff.zone, query),
          after,
          limit: query.limit,
        });
        return personal(c, {
          data: page.data.map(toContract),
          nextCursor: page.nextCursor,
        } satisfies SessionRequestPage);
      },
    }),
    defineRoute({
      method: 'get',
      path: '/v1/session-requests/export',
      operationId: 'exportSessionRequests',
      tag: 'Staff',
      summary: 'Session requests as a CSV file for a spreadsheet',
      description:
        'The requests of the same filters as the list (`zone`, `status`, `spam`, `topic`, `from`, `to`, ' +
        '`q`; no paging), oldest first, as `carezone requests export` writes them: a UTF-8 file with a ' +
        'byte order mark, a header row and labels (statuses, kinds, topics, languages) in `lang` ' +
        '(default: the first of nl, fr, en, de in `Accept-Language`, else nl), and every cell a ' +
        'spreadsheet would run as a formula (starting with `=`, `+`, `-`, `@`, …) made text. ' +
        '`delimiter=;` suits Excel in a Belgian locale. Answered as an attachment, never cached.',
      query: SessionRequestsExportQuery,
      security: 'bearer',
      responses: {
        200: { description: 'The CSV file (`text/csv; charset=utf-8`).', mediaType: 'text/csv' },
        400: {
          description: '`INVALID_QUERY`: a malformed parameter, or `from` after `to`.',
          schema: Problem,
        },
        401: UNAUTHORIZED_RESPONSE,
        403: { description: '`FORBIDDEN`: the token belongs to another zone.', schema: Problem },
      },
      examples: [
        '/v1/session-requests/export?zone=bxl-sud&status=planned&lang=fr',
        '/v1/session-requests/export?topic=diabetes&from=2026-03-01&to=2026-03-31&delimiter=%3B',
      ],
      middleware: [authenticate],
      handler: async (c, { query }) => {
        const staff = staffOf(c);
        const filter = filterOf(staff.zone, query);
        const language = embedLanguage(query.lang, c.req.header('accept-language'));
        const { csv } = await exportRequestsCsv(storage.db, {
          ...filter,
          delimiter: query.delimiter,
          language,
          topics,
        });
        const filename = `carezone-requests-${filter.zone ?? 'all-zones'}-${brusselsToday()}.csv`;
        return c.body(csv, 200, {
          'content-type': 'text/csv; charset=utf-8',
          'content-disposition': `attachment; filename="${filename}"`,
          'cache-control': NO_STORE,
          vary: 'Accept-Language',
        });
      },
    }),
    defineRoute({
      method: 'get',
      path: '/v1/session-requests/{id}',
      operationId: 'getSessionRequest',
      tag: 'Staff',
      summary: 'One session request with its history and the state of its e-mails',
      description:
        'The request as entered, its `history` (each change with its note and `by`, the label of the ' +
        'staff token that made it), and `mails`: each e-mail it queued (the zone team’s, the ' +
        'requester’s confirmation, news of a status change) as `queued`, `sent` or `failing` (with ' +
        '`lastError` and `attempts`; failing ones are retried with backoff).',
      params: SessionRequestParams,
      security: 'bearer',
      responses: {
        200: { description: 'The request.', schema: SessionRequestDetail },
        400: INVALID_ID_RESPONSE,
        401: UNAUTHORIZED_RESPONSE,
        404: staffNotFoundResponse('request'),
      },
      examples: [`/v1/session-requests/${EXAMPLE_ID}`],
      middleware: [authenticate],
      handler: async (c, { params: { id } }) => {
        const { zone } = staffOf(c);
        const request = await getSessionRequest(storage.db, id);
        // Another zone's request is "not found": a zone token must not learn that it exists.
        if (!request || (zone !== null && request.zone !== zone)) throw notFound(id);
        return personal(c, await detailOf(storage, request));
      },
    }),
    defineRoute({
      method: 'patch',
      path: '/v1/session-requests/{id}',
      operationId: 'updateSessionRequest',
      tag: 'Staff',
      summary: 'Move a session request on (received → planned → done, or declined), or confirm it',
      description:
        'A request can go from `received` to `planned` or `declined`, and from `planned` to `done` or ' +
        '`declined`. Each change is added to its `history` with the optional `note` and the label of ' +
        'the token (`by`). A change to `planned` or `declined` e-mails the requester, in the language ' +
        'of the form; another change does with `notifyRequester: true`. The note stays with the team ' +
        'unless `noteToRequester: true` puts it into that e-mail. The e-mail is queued with the change ' +
        'and retried until delivered: its state is in `mails`. ' +
        '`possibleSpam: false` confirms a request flagged as possible spam: it joins the list and its ' +
        "e-mails (the zone team's, the requester's confirmation) are sent; confirming again changes " +
        'nothing. A flagged request changes status only once confirmed, in the same patch or before.',
      params: SessionRequestParams,
      body: {
        description:
          'The new status with an optional note (and whether to tell the requester, and send the note), ' +
          '`possibleSpam: false`, or both.',
        schema: SessionRequestPatch,
      },
      security: 'bearer',
      responses: {
        200: { description: 'The request as changed, with its e-mails.', schema: SessionRequestDetail },
        400: INVALID_ID_OR_BODY_RESPONSE,
        401: UNAUTHORIZED_RESPONSE,
        404: staffNotFoundResponse('request'),
        409: {
          description:
            '`CONFLICT`: the request cannot move from its status to that one, or is flagged as possible ' +
            'spam and not confirmed.',
          schema: Problem,
        },
        ...jsonBodyResponses(),
        422: {
          description:
            '`VALIDATION_FAILED`: an unknown status, a note that is too long, no `status` nor ' +
            '`possibleSpam`, a note, `notifyRequester` or `noteToRequester` without a status, or ' +
            '`noteToRequester: true` without a note.',
          schema: Problem,
        },
      },
      examples: [
        {
          method: 'patch',
          path: `/v1/session-requests/${EXAMPLE_ID}`,
          headers: { Authorization: 'Bearer cz_your_staff_token' },
          body: { status: 'planned', note: 'Tuesday 14 March, 10:00, in their meeting room' },
        },
        {
          method: 'patch',
          path: `/v1/session-requests/${EXAMPLE_ID}`,
          headers: { Authorization: 'Bearer cz_your_staff_token' },
          body: {
            status: 'done',
            note: 'Thank you for having us; the slides are on our website.',
            notifyRequester: true,
            noteToRequester: true,
          },
        },
        {
          method: 'patch',
          path: `/v1/session-requests/${EXAMPLE_ID}`,
          headers: { Authorization: 'Bearer cz_your_staff_token' },
          body: { possibleSpam: false },
        },
      ],
      middleware: [authenticate, requireJsonContentType(), jsonBodyLimit()],
      handler: async (c, { params: { id } }) => {
        const { zone, id: by } = staffOf(c);
        const patch = await readJsonBody(c, SessionRequestPatch);
        checkPatch(patch);
        const outcome = await changeSessionRequestStatus(storage, {
          id,
          status: patch.status,
          note: patch.note,
          confirm: patch.possibleSpam === false,
          visibleZone: zone,
          by,
          notifyRequester: patch.notifyRequester,
          noteToRequester: patch.noteToRequester,
        });
        switch (outcome.kind) {
          case 'changed':
            return personal(c, await detailOf(storage, outcome.request));
          case 'not-found':
            throw notFound(id);
          case 'unconfirmed':
            throw new ProblemError(
              409,
              'CONFLICT',
              'this request is flagged as possible spam: confirm it with "possibleSpam": false, or delete it',
            );
          case 'invalid-transition': {
            const next = NEXT_STATUSES[outcome.from];
            const options =
              next.length > 0 ? `it can become ${next.join(' or ')}` : 'it cannot change any more';
            throw new ProblemError(
              409,
              'CONFLICT',
              `a ${outcome.from} request cannot become ${outcome.to}: ${options}`,
            );
          }
        }
      },
    }),
    defineRoute({
      method: 'delete',
      path: '/v1/session-requests/{id}',
      operationId: 'deleteSessionRequest',
      tag: 'Staff',
      summary: 'Delete a session request flagged as possible spam',
      description:
        'Only a request flagged as possible spam (`possibleSpam: true`) can be deleted, with its history: ' +
        'it was never mailed to anyone. Any other request is kept; `declined` is how staff turn one down.',
      params: SessionRequestParams,
      security: 'bearer',
      responses: {
        204: { description: 'Deleted.' },
        400: INVALID_ID_RESPONSE,
        401: UNAUTHORIZED_RESPONSE,
        404: staffNotFoundResponse('request'),
        409: { description: '`CONFLICT`: the request is not flagged as possible spam.', schema: Problem },
      },
      examples: [
        {
          method: 'delete',
          path: `/v1/session-requests/${EXAMPLE_ID}`,
          headers: { Authorization: 'Bearer cz_your_staff_token' },
        },
      ],
      middleware: [authenticate],
      handler: async (c, { params: { id } }) => {
        const outcome = await deleteFlaggedSessionRequest(storage, { id, visibleZone: staffOf(c).zone });
        switch (outcome.kind) {
          case 'deleted':
            return c.body(null, 204, { 'cache-control': NO_STORE });
          case 'not-found':
            throw notFound(id);
          case 'not-flagged':
            throw new ProblemError(
              409,
              'CONFLICT',
              'only a request flagged as possible spam can be deleted: decline this one instead',
            );
        }
      },
    }),
  ];
}
