import type { Topic } from '@carezone/contract';
import { Hono } from 'hono';
import type { Logger } from 'pino';
import { registerEmbedPages } from '../embed/embed-routes.js';
import { DEFAULT_INBOX_DIR, type InboxFiles, registerInboxPages } from '../inbox/inbox-routes.js';
import { createLogger } from '../logger.js';
import { DEFAULT_TOPICS } from '../session-requests/topics.js';
import type { Storage } from '../storage/storage.js';
import { describeStorageError, isStorageUnavailable } from '../storage/unavailable.js';
import type { ZoneDirectory } from '../zones/zone-directory.js';
import { type AllowedOrigins, resolveAllowedOrigins } from './allowed-origins.js';
import { cacheControl, sendWithETag } from './caching.js';
import { CLIENT_CLOSED_REQUEST, isClientAbort } from './client-abort.js';
import { apiCors } from './cors.js';
import { registerDocs } from './docs.js';
import { buildOpenApiDocument } from './openapi.js';
import { ProblemError, problemResponse, storageUnavailable } from './problem.js';
import { linkOrigin, parsePublicUrl } from './public-origin.js';
import type { RateLimits } from './rate-limits.js';
import { honoPath, type RouteSpec, registerRoutes } from './route-spec.js';
import { lookupRoutes } from './routes/lookup.js';
import { newsRoutes } from './routes/news.js';
import { newsFeedRoutes } from './routes/news-feeds.js';
import { newsStaffRoutes } from './routes/news-staff.js';
import { placeRoutes } from './routes/places.js';
import { serviceRoutes } from './routes/service.js';
import { sessionRequestIntakeRoutes } from './routes/session-request-intake.js';
import { sessionRequestStaffRoutes } from './routes/session-requests-staff.js';
import { staffSessionRoutes } from './routes/staff-session.js';
import { topicRoutes } from './routes/topics.js';
import { zoneRoutes } from './routes/zones.js';
import { staffSessionContext } from './staff-session-cookie.js';
import { registerExampleFiles, registerWidgetFiles, type WidgetFiles } from './static-files.js';

export interface AppDependencies {
  directory: ZoneDirectory;
  storage: Storage;
  logger: Logger;
  version: string;
  /** The built widget bundles served at `/widgets/…`; none: those paths answer 404 problems. */
  widgets?: WidgetFiles | undefined;
  /** A folder of example pages served at `/examples/…` (and `/` redirects there); none: not served. */
  examplesDir?: string | undefined;
  /** The built zone team's inbox served at `/inbox/`; default the `@carezone/inbox` package's build. */
  inbox?: InboxFiles | undefined;
  /** Session topics offered; default `DEFAULT_TOPICS`. */
  topics?: readonly Topic[] | undefined;
  /** Origins whose pages may POST and PATCH; default per `resolveAllowedOrigins` (any in development only). */
  allowedOrigins?: AllowedOrigins | undefined;
  /** Limits on sending session requests; default `DEFAULT_RATE_LIMITS`. */
  rateLimits?: RateLimits | undefined;
  /** Reverse proxies in front whose `X-Forwarded-For` is believed; default 0. */
  trustedProxies?: number | undefined;
  /**
   * The server's public origin (`CAREZONE_PUBLIC_URL`), which absolute links (feeds, docs) are built
   * from; default: the address a request came in on, never its `Host`.
   */
  publicUrl?: string | undefined;
}

/** Every documented operation, in the order of the docs. */
export function apiRoutes(
  deps: Pick<AppDependencies, 'directory' | 'storage'> & Partial<AppDependencies>,
): RouteSpec[] {
  const { directory, storage } = deps;
  const topics = deps.topics ?? DEFAULT_TOPICS;
  return [
    ...zoneRoutes(directory),
    ...placeRoutes(directory),
    ...lookupRoutes(directory),
    ...topicRoutes(topics),
    ...sessionRequestIntakeRoutes({
      directory,
      storage,
      logger: deps.logger ?? createLogger('silent'),
      topics,
      rateLimits: deps.rateLimits ?? {},
      trustedProxies: deps.trustedProxies ?? 0,
    }),
    ...staffSessionRoutes({
      storage,
      logger: deps.logger ?? createLogger('silent'),
      rateLimits: deps.rateLimits ?? {},
      trustedProxies: deps.trustedProxies ?? 0,
    }),
    ...sessionRequestStaffRoutes(storage, topics),
    // The feeds before `/v1/news/{id}`, which would otherwise take `feed.json` for an id.
    ...newsFeedRoutes(directory, storage, linkOrigin(deps.publicUrl)),
    ...newsRoutes(directory, storage),
    ...newsStaffRoutes(directory, storage),
    ...serviceRoutes(directory, storage),
  ];
}

/** The HTTP API as a Hono app: usable in-process (`app.request()`) and by the Node server. */
export function createApp(deps: AppDependencies): Hono {
  const { logger, version } = deps;
  const routes = apiRoutes(deps);
  const publicOrigin = deps.publicUrl === undefined ? undefined : parsePublicUrl(deps.publicUrl);
  const linksOf = linkOrigin(publicOrigin);
  const openApiDocument = JSON.stringify(buildOpenApiDocument(routes, { version }));
  const app = new Hono();

  app.use(async (c, next) => {
    const started = performance.now();
    await next();
    c.res.headers.set('x-content-type-options', 'nosniff');
    // Unless a page chose its own (the embed pages post forms to themselves).
    if (!c.res.headers.has('referrer-policy')) c.res.headers.set('referrer-policy', 'no-referrer');
    // The query string is left out on purpose: later endpoints carry personal data in it. Bodies,
    // headers (tokens) and client addresses are never logged either.
    logger.info(
      {
        method: c.req.method,
        path: c.req.path,
        status: c.res.status,
        ms: Math.round(performance.now() - started),
      },
      'request',
    );
  });
  // Reading zone data is public: any site may embed the widgets, so GET is open to every origin;
  // writes only from the allowed origins.
  const allowedOrigins = deps.allowedOrigins ?? resolveAllowedOrigins(undefined);
  app.use('/v1/*', apiCors(allowedOrigins, publicOrigin));
  app.use('/v1/*', staffSessionContext(publicOrigin));
  app.use(cacheControl());

  registerRoutes(app, routes);
  app.get('/openapi.json', (c) => sendWithETag(c, openApiDocument, 'application/json'));
  registerDocs(app, { routes, version, linksOf, publicOrigin });
  // Static files, not API operations: they stay out of the OpenAPI document.
  const widgets = deps.widgets ?? { dir: undefined, version: undefined };
  registerWidgetFiles(app, widgets);
  registerEmbedPages(app, { allowedOrigins, widgets, linksOf });
  registerInboxPages(app, deps.inbox ?? { dir: DEFAULT_INBOX_DIR });
  if (deps.examplesDir) registerExampleFiles(app, deps.examplesDir);

  const knownPaths = new Set([...routes.map((route) => honoPath(route.path)), '/openapi.json', '/docs']);
  for (const path of knownPaths) {
    app.all(path, (c) => {
      throw new ProblemError(405, 'METHOD_NOT_ALLOWED', `${c.req.method} is not allowed on ${c.req.path}`);
    });
  }
  app.notFound((c) =>
    problemResponse(new ProblemError(404, 'NOT_FOUND', `nothing at ${c.req.path}`).toProblem()),
  );
  app.onError((error, c) => {
    if (error instanceof ProblemError) return problemResponse(error.toProblem(c.req.path), error.headers);
    if (isClientAbort(error, c)) {
      // Nothing went wrong here and nobody is left to answer: no stack, no 500.
      logger.info({ method: c.req.method, path: c.req.path }, 'request aborted by the client');
      return new Response(null, { status: CLIENT_CLOSED_REQUEST });
    }
    if (isStorageUnavailable(error)) {
      logger.warn(
        { method: c.req.method, path: c.req.path, error: describeStorageError(error.cause ?? error) },
        'storage unavailable',
      );
      const problem = storageUnavailable(c.req.method);
      return problemResponse(problem.toProblem(c.req.path), problem.headers);
    }
    logger.error({ err: error, method: c.req.method, path: c.req.path }, 'unhandled error');
    return problemResponse(new ProblemError(500, 'INTERNAL', 'an unexpected error occurred').toProblem());
  });
  return app;
}
