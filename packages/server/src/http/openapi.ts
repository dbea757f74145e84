import * as contract from '@carezone/contract';
import * as z from 'zod/mini';
import type { RouteSpec } from './route-spec.js';

type JsonSchema = Record<string, unknown>;

/** Every schema the contract exports becomes a named component, so the document reads like the contract. */
function contractRegistry() {
  const registry = z.registry<{ id: string }>();
  for (const [name, value] of Object.entries(contract)) {
    if (value instanceof z.core.$ZodType) registry.add(value, { id: name });
  }
  return registry;
}

function schemaName(schema: z.ZodMiniType): string | undefined {
  for (const [name, value] of Object.entries(contract)) if (value === schema) return name;
  return undefined;
}

function strip(schema: JsonSchema): JsonSchema {
  const { $schema: _schema, $id: _id, ...rest } = schema;
  return rest;
}

function inline(schema: z.core.$ZodType): JsonSchema {
  return strip(z.toJSONSchema(schema, { unrepresentable: 'any' }) as JsonSchema);
}

function parameters(route: RouteSpec): JsonSchema[] {
  const list: JsonSchema[] = [];
  for (const [where, object] of [
    ['path', route.params],
    ['query', route.query],
    ['header', route.headers],
  ] as const) {
    if (!object) continue;
    for (const [name, field] of Object.entries(object._zod.def.shape)) {
      const optional = field._zod.optin === 'optional';
      list.push({ name, in: where, required: where === 'path' || !optional, schema: inline(field) });
    }
  }
  return list;
}

function schemaOrRef(schema: z.ZodMiniType): JsonSchema {
  const name = schemaName(schema);
  return name ? { $ref: `#/components/schemas/${name}` } : inline(schema);
}

/**
 * The valid bodies among the route's own examples (the requests the contract test replays), so a
 * reader and the try-it of `/docs` start from a body that is accepted rather than from empty
 * fields. Examples of a refused body (a 422 shown on purpose) are left out.
 */
function bodyExamples(route: RouteSpec): JsonSchema {
  const schema = route.body?.schema;
  const bodies = route.examples.flatMap((example) =>
    typeof example !== 'string' &&
    example.method === route.method &&
    schema &&
    z.safeParse(schema, example.body).success
      ? [example.body]
      : [],
  );
  if (bodies.length === 0) return {};
  return {
    examples: Object.fromEntries(
      bodies.map((value, index) => [bodies.length === 1 ? 'example' : `example-${index + 1}`, { value }]),
    ),
  };
}

function operation(route: RouteSpec): JsonSchema {
  const responses: Record<string, JsonSchema> = {};
  for (const [status, response] of Object.entries(route.responses)) {
    const mediaType =
      response.mediaType ?? (Number(status) >= 400 ? 'application/problem+json' : 'application/json');
    responses[status] = {
      description: response.description,
      ...(response.schema && { content: { [mediaType]: { schema: schemaOrRef(response.schema) } } }),
    };
  }
  return {
    operationId: route.operationId,
    tags: [route.tag],
    summary: route.summary,
    ...(route.description && { description: route.description }),
    parameters: parameters(route),
    ...(route.body && {
      requestBody: {
        description: route.body.description,
        required: true,
        content: {
          'application/json': { schema: schemaOrRef(route.body.schema), ...bodyExamples(route) },
        },
      },
    }),
    // Declared on every operation: none needed (`[]`) for the public ones, so that a reader (and a
    // linter) never has to guess.
    security: SECURITY[route.security ?? 'none'],
    responses,
  };
}

/** A staff route takes a bearer token or the inbox's session cookie; the session routes the cookie only. */
const SECURITY = {
  none: [],
  bearer: [{ staffToken: [] }, { staffSession: [] }],
  session: [{ staffSession: [] }],
} as const;

const SCHEMA_REF = '#/components/schemas/';

/** The `$ref`s to schema components anywhere in `value`. */
function schemaRefs(value: unknown, found: Set<string> = new Set()): Set<string> {
  if (Array.isArray(value)) for (const item of value) schemaRefs(item, found);
  else if (value !== null && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) {
      if (key === '$ref' && typeof inner === 'string' && inner.startsWith(SCHEMA_REF)) {
        found.add(inner.slice(SCHEMA_REF.length));
      } else schemaRefs(inner, found);
    }
  }
  return found;
}

/**
 * The components the operations use, directly or through other components. The contract also
 * exports schemas that the document shows inline (a query's parameters) or not at all.
 */
function usedSchemas(paths: JsonSchema, all: Record<string, JsonSchema>): Record<string, JsonSchema> {
  const used = new Set<string>();
  const pending = [...schemaRefs(paths)];
  for (let name = pending.pop(); name !== undefined; name = pending.pop()) {
    if (used.has(name) || !all[name]) continue;
    used.add(name);
    pending.push(...schemaRefs(all[name]));
  }
  return Object.fromEntries(Object.entries(all).filter(([name]) => used.has(name)));
}

export interface ApiInfo {
  version: string;
}

/** The OpenAPI 3.1 document of the given routes, with the contract's schemas as components. */
export function buildOpenApiDocument(routes: readonly RouteSpec[], info: ApiInfo): JsonSchema {
  const paths: Record<string, Record<string, JsonSchema>> = {};
  for (const route of routes) {
    paths[route.path] ??= {};
    (paths[route.path] as Record<string, JsonSchema>)[route.method] = operation(route);
  }
  const generated = z.toJSONSchema(contractRegistry(), {
    uri: (id) => `#/components/schemas/${id}`,
    unrepresentable: 'any',
  }) as { schemas: Record<string, JsonSchema> };
  const schemas = usedSchemas(
    paths,
    Object.fromEntries(Object.entries(generated.schemas).map(([name, schema]) => [name, strip(schema)])),
  );
  return {
    openapi: '3.1.0',
    info: {
      title: 'Carezone API',
      version: info.version,
      description:
        'Which care zone covers a postcode, municipality or point, and who its zone team is. ' +
        'Errors are RFC 9457 problem details with a stable machine `code`.',
      license: { name: 'MIT', identifier: 'MIT' },
    },
    servers: [{ url: '/' }],
    tags: [
      { name: 'Zones', description: 'Layers, zones, their contacts and polygons.' },
      { name: 'Places', description: 'Autocomplete over places.' },
      { name: 'Lookup', description: 'Zone of a postcode, municipality or point.' },
      {
        name: 'Session requests',
        description: 'Asking a zone team for an information session: the topics, and sending the form.',
      },
      { name: 'News', description: 'The news of the zones, as JSON pages and as feeds.' },
      {
        name: 'Staff',
        description: 'Zone teams handling their requests and publishing news, with a staff token.',
      },
      { name: 'Service', description: 'Health, readiness and this document.' },
    ],
    paths,
    components: {
      schemas,
      securitySchemes: {
        staffToken: {
          type: 'http',
          scheme: 'bearer',
          description:
            'A staff token (`carezone token create`). A zone token sees its own zone only; a network token sees every zone.',
        },
        staffSession: {
          type: 'apiKey',
          in: 'cookie',
          name: 'carezone-session',
          description:
            'The staff inbox’s sign-in session (`POST /v1/staff/session`), with the rights of the token signed ' +
            'in with. Named `__Host-carezone-session` when the public URL is https. A POST, PATCH or DELETE ' +
            'made with it must come from a page of this server itself (`Origin`, `Sec-Fetch-Site`) and send ' +
            'the session’s `X-CSRF-Token`, else `403 FORBIDDEN`.',
        },
      },
    },
  };
}
