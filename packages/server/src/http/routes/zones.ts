import { LayerList, Problem, Slug, Zone, ZoneGeometry, ZoneList, ZonesQuery } from '@carezone/contract';
import * as z from 'zod/mini';
import type { ZoneDirectory } from '../../zones/zone-directory.js';
import { jsonWithETag } from '../caching.js';
import { invalidQuery, ProblemError } from '../problem.js';
import { defineRoute, type RouteSpec } from '../route-spec.js';

const ZoneParams = z.object({ id: Slug });

export function zoneRoutes(directory: ZoneDirectory): RouteSpec[] {
  const requireLayer = (layer: string | undefined) => {
    if (layer !== undefined && !directory.hasLayer(layer)) {
      throw invalidQuery([
        { path: 'layer', code: 'unknown_layer', message: `no layer "${layer}" is loaded` },
      ]);
    }
  };

  return [
    defineRoute({
      method: 'get',
      path: '/v1/layers',
      operationId: 'listLayers',
      tag: 'Zones',
      summary: 'Zone layers of the loaded packs',
      description:
        'A layer is a set of zones that together divide a territory, such as the Brussels care zones.',
      responses: { 200: { description: 'Every loaded layer.', schema: LayerList } },
      examples: ['/v1/layers'],
      handler: (c) => jsonWithETag(c, { data: directory.layers() } satisfies LayerList),
    }),
    defineRoute({
      method: 'get',
      path: '/v1/zones',
      operationId: 'listZones',
      tag: 'Zones',
      summary: 'Zones, optionally of one layer or matching a name',
      query: ZonesQuery,
      responses: {
        200: { description: 'The zones, ordered by layer and name.', schema: ZoneList },
        400: { description: '`INVALID_QUERY`: a malformed parameter or an unknown layer.', schema: Problem },
      },
      examples: ['/v1/zones', '/v1/zones?layer=bxl-care-zones', '/v1/zones?q=nord', '/v1/zones?layer=nope'],
      handler: (c, { query }) => {
        requireLayer(query.layer);
        return jsonWithETag(c, { data: directory.zones(query) } satisfies ZoneList);
      },
    }),
    defineRoute({
      method: 'get',
      path: '/v1/zones/{id}',
      operationId: 'getZone',
      tag: 'Zones',
      summary: 'One zone, with its team contact and the municipalities it covers',
      description:
        'Contact fields are `null` when unknown: Carezone never guesses a zone team’s e-mail or phone.',
      params: ZoneParams,
      responses: {
        200: { description: 'The zone.', schema: Zone },
        400: { description: '`INVALID_QUERY`: the id is not a zone id.', schema: Problem },
        404: { description: '`NOT_FOUND`: no zone with this id.', schema: Problem },
      },
      examples: ['/v1/zones/bxl-nord', '/v1/zones/unknown-zone'],
      handler: (c, { params: { id } }) => {
        const zone = directory.zone(id);
        if (!zone) throw new ProblemError(404, 'NOT_FOUND', `no zone "${id}"`);
        return jsonWithETag(c, zone satisfies Zone);
      },
    }),
    defineRoute({
      method: 'get',
      path: '/v1/zones/{id}/geometry',
      operationId: 'getZoneGeometry',
      tag: 'Zones',
      summary: 'The zone’s polygon as a GeoJSON Feature',
      params: ZoneParams,
      responses: {
        200: {
          description: 'A GeoJSON Feature (RFC 7946).',
          schema: ZoneGeometry,
          mediaType: 'application/geo+json',
        },
        400: { description: '`INVALID_QUERY`: the id is not a zone id.', schema: Problem },
        404: {
          description: '`NOT_FOUND`: no such zone; `NO_GEOMETRY`: its pack has no polygon for it.',
          schema: Problem,
        },
      },
      examples: ['/v1/zones/bxl-nord/geometry'],
      handler: (c, { params: { id } }) => {
        const geometry = directory.geometry(id);
        if (geometry === undefined) throw new ProblemError(404, 'NOT_FOUND', `no zone "${id}"`);
        if (geometry === null)
          throw new ProblemError(404, 'NO_GEOMETRY', `the pack of zone "${id}" has no polygon for it`);
        return jsonWithETag(c, geometry satisfies ZoneGeometry, 'application/geo+json');
      },
    }),
  ];
}
