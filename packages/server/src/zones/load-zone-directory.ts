import type { CoveredMunicipality, Layer, Zone, ZoneGeometry, ZoneSummary } from '@carezone/contract';
import { loadPack } from '../packs/check-pack.js';
import type { ZonePack } from '../packs/pack-types.js';
import { buildModel } from './directory-model.js';
import { type Gazetteer, loadGazetteer } from './gazetteer.js';
import { ZoneLookup } from './lookup.js';
import { normalizeText } from './normalize.js';
import { PlaceSearchIndex } from './search-index.js';
import type { PackInfo, ZoneDirectory } from './zone-directory.js';

/**
 * Builds the directory from packs already loaded and checked (see `loadPack`), and the places of
 * `gazetteer` when one is given (see `loadGazetteer`).
 */
export function createZoneDirectory(packs: readonly ZonePack[], gazetteer?: Gazetteer): ZoneDirectory {
  const model = buildModel(packs, gazetteer);
  const search = new PlaceSearchIndex(model);
  const lookup = new ZoneLookup(model);

  const layerList: Layer[] = [...model.layers.values()].map(({ layer, pack, zoneIds, hasGeometry }) => ({
    id: layer.id,
    kind: layer.kind,
    title: layer.title,
    pack: { id: pack.id, dataVersion: pack.dataVersion, attribution: pack.attribution },
    zoneCount: zoneIds.length,
    hasGeometry,
  }));
  const summaries: { summary: ZoneSummary; names: string[] }[] = [...model.zones.values()].map(
    ({ summary }) => ({
      summary,
      names: Object.values(summary.name).map((name) => normalizeText(name ?? '')),
    }),
  );
  const covered = new Map<string, CoveredMunicipality[]>();
  for (const rows of model.coverageByNis.values()) {
    for (const row of rows) {
      const municipality = model.municipalities.get(row.nis);
      if (!municipality) continue;
      const list = covered.get(row.zoneId) ?? [];
      list.push({
        nis: row.nis,
        name: municipality.ref.name,
        region: municipality.ref.region,
        postcodes: row.postcodes,
        coverage: row.coverage,
        confidence: row.confidence,
      });
      covered.set(row.zoneId, list);
    }
  }
  for (const list of covered.values()) list.sort((a, b) => a.nis.localeCompare(b.nis));
  const packInfos: PackInfo[] = model.packs.map(({ manifest, dir }) => ({
    id: manifest.id,
    dataVersion: manifest.dataVersion,
    attribution: manifest.attribution,
    layers: manifest.layers.map((layer) => layer.id),
    dir,
  }));

  return {
    packs: packInfos,
    layers: () => layerList,
    hasLayer: (id) => model.layers.has(id),
    zones: ({ layer, q }) => {
      const needle = q === undefined ? '' : normalizeText(q);
      return summaries
        .filter((item) => layer === undefined || item.summary.layer === layer)
        .filter((item) => needle === '' || item.names.some((name) => name.includes(needle)))
        .map((item) => item.summary);
    },
    zone: (id): Zone | undefined => {
      const entry = model.zones.get(id);
      return entry && { ...entry.summary, municipalities: covered.get(id) ?? [] };
    },
    geometry: (id): ZoneGeometry | null | undefined => {
      const entry = model.zones.get(id);
      if (!entry) return undefined;
      if (!entry.geometry) return null;
      return {
        type: 'Feature',
        properties: { layer: entry.summary.layer, zoneId: id },
        geometry: entry.geometry,
      };
    },
    searchPlaces: (q, limit) => search.search(q, limit),
    lookup: (request) => lookup.lookup(request),
  };
}

/**
 * Loads, checks and indexes the packs in `dirs`, over the gazetteer shipped with the server, so
 * that every Belgian municipality and postcode is a known place whatever the packs cover. Throws a
 * `PackError` when a pack has errors, or when two packs define the same layer or zone id.
 */
export async function loadZoneDirectory(dirs: readonly string[]): Promise<ZoneDirectory> {
  const [gazetteer, ...packs] = await Promise.all([loadGazetteer(), ...dirs.map((dir) => loadPack(dir))]);
  return createZoneDirectory(packs, gazetteer);
}
