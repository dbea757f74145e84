/**
 * @carezone/sdk: a typed client of the Carezone API v1, for browsers and Node ≥ 20.
 * Lists without pagination resolve to plain arrays; single resources to the contract's types.
 */
export type {
  Ambiguity,
  AmbiguityReason,
  Certainty,
  Confidence,
  ErrorCode,
  FieldError,
  LangMap,
  Language,
  Layer,
  LookupChoice,
  LookupChoiceQuery,
  LookupResult,
  Match,
  MatchedBy,
  MatchPlace,
  MunicipalityRef,
  NewsItem,
  NewsPage,
  OrganisationKind,
  Place,
  PlaceKind,
  PlacePart,
  Problem,
  ProblemPlace,
  SessionRequest,
  SessionRequestCreated,
  SessionRequestDetail,
  SessionRequestHistoryEntry,
  SessionRequestInput,
  SessionRequestMail,
  SessionRequestMailKind,
  SessionRequestMailState,
  SessionRequestPage,
  SessionRequestPatch,
  SessionRequestStatus,
  StaffSession,
  StaffSignIn,
  Topic,
  Zone,
  ZoneContact,
  ZoneGeometry,
  ZoneSummary,
} from '@carezone/contract';
// Values an SDK user needs to handle answers: the languages, the error codes, the rule that picks a
// name in a language with the packs' fallback, how sure a lookup's layer is, and the topic id of a
// subject no topic lists, and the bounds of the query parameters.
export {
  CSRF_HEADER,
  certaintyOf,
  ERROR_CODES,
  LANGUAGES,
  LIMITS,
  OTHER_TOPIC_ID,
  pickLanguage,
  pickText,
} from '@carezone/contract';
export {
  type CarezoneClient,
  type ClientOptions,
  type Composed,
  composeClient,
  createClient,
  createTransport,
  type PublicClient,
  RESOURCES,
  type ResourceFactories,
  type Transport,
} from './client.js';
export {
  ApiError,
  CarezoneError,
  type CarezoneErrorName,
  isAbortError,
  isApiError,
  isCarezoneError,
  isNetworkError,
  isResponseValidationError,
  isTimeoutError,
  NetworkError,
  ResponseValidationError,
  TimeoutError,
} from './errors.js';
export { newIdempotencyKey } from './idempotency-key.js';
export type { RetryOptions } from './internal/http.js';
export type { SchemaIssue } from './internal/schema.js';
export type { RequestOptions } from './request-options.js';
export { type LayersResource, layersResource } from './resources/layers.js';
export { type LookupParams, type LookupResource, lookupResource } from './resources/lookup.js';
export { type NewsListParams, type NewsResource, newsResource } from './resources/news.js';
export { type PlaceSearchParams, type PlacesResource, placesResource } from './resources/places.js';
export {
  type CreateSessionRequestOptions,
  type SessionRequestExportParams,
  type SessionRequestIntakeResource,
  type SessionRequestListParams,
  type SessionRequestsResource,
  sessionRequestIntakeResource,
  sessionRequestsResource,
} from './resources/session-requests.js';
export {
  type SignOutOptions,
  type StaffSessionResource,
  staffSessionResource,
} from './resources/staff-session.js';
export { type TopicsResource, topicsResource } from './resources/topics.js';
export {
  type ZoneListParams,
  type ZonesResource,
  zonesGeometryResource,
  zonesGetResource,
  zonesListResource,
  zonesResource,
} from './resources/zones.js';
