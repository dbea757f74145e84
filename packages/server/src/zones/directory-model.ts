import type { MunicipalityRef, ZoneSummary } from '@carezone/contract';
import type { CoverageRow, LocalityRow, PolygonGeometry, ZonePack } from '../packs/pack-types.js';
import { PackError, type PackLayer, type PackManifest, type PackProblem } from '../packs/pack-types.js';
import { MUNICIPALITY_NAMES } from './exonyms.js';
import type { Gazetteer } from './gazetteer.js';
import { GeoIndex } from './geo-index.js';
import { normalizeText } from './normalize.js';

export interface LayerEntry {
  layer: PackLayer;
  pack: PackManifest;
  zoneIds: string[];
  hasGeometry: boolean;
}

export interface ZoneEntry {
  summary: ZoneSummary;
  pack: PackManifest;
  geometry: PolygonGeometry | undefined;
}

export interface MunicipalityEntry {
  ref: MunicipalityRef;
  postcodes: Set<string>;
}

/**
 * Every loaded pack merged into plain maps, with the gazetteer's places added; built once, read by
 * search and lookup. A municipality only the gazetteer knows has no coverage rows, so a lookup of
 * it is out of coverage rather than unknown.
 */
export interface DirectoryModel {
  packs: { manifest: PackManifest; dir: string }[];
  /** The gazetteer whose places were added, if any. */
  gazetteer: { dataVersion: string; attribution: string; licence: string } | undefined;
  layers: Map<string, LayerEntry>;
  zones: Map<string, ZoneEntry>;
  /** The packs' municipalities first (in pack order), then the gazetteer's others (by NIS code). */
  municipalities: Map<string, MunicipalityEntry>;
  /** NIS codes of the municipalities that have the postcode (localities count too). */
  postcodeNis: Map<string, string[]>;
  /**
   * The packs' localities, then the gazetteer's former municipalities (`postcode` null) whose
   * name the model has no other way to find for that municipality.
   */
  localities: LocalityRow[];
  coverageByNis: Map<string, CoverageRow[]>;
  zoneShapes: GeoIndex<{ layer: string; zoneId: string }>;
  municipalityShapes: GeoIndex<string>;
}

function clash(dir: string, message: string): never {
  const problem: PackProblem = { file: 'pack.json', severity: 'error', message };
  throw new PackError(dir, [problem]);
}

function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function addMunicipalities(model: DirectoryModel, pack: ZonePack): void {
  for (const row of pack.municipalities) {
    const known = model.municipalities.get(row.nis);
    if (known) {
      // Several packs may describe the same municipality: keep the first names, add what is missing.
      known.ref.name = { ...row.name, ...known.ref.name };
      for (const postcode of row.postcodes) known.postcodes.add(postcode);
    } else {
      model.municipalities.set(row.nis, {
        ref: { nis: row.nis, name: { ...row.name }, region: row.region },
        postcodes: new Set(row.postcodes),
      });
    }
  }
  for (const row of pack.localities) {
    if (row.postcode !== null) model.municipalities.get(row.nis)?.postcodes.add(row.postcode);
  }
}

function addZones(model: DirectoryModel, pack: ZonePack): void {
  const { manifest } = pack;
  for (const layer of manifest.layers) {
    const other = model.layers.get(layer.id);
    if (other) clash(pack.dir, `layer "${layer.id}" is also defined by pack "${other.pack.id}"`);
    model.layers.set(layer.id, { layer, pack: manifest, zoneIds: [], hasGeometry: false });
  }
  const geometries = new Map(pack.zoneFeatures.map((feature) => [feature.zoneId, feature.geometry]));
  for (const row of pack.zones) {
    const other = model.zones.get(row.zoneId);
    if (other) clash(pack.dir, `zone "${row.zoneId}" is also defined by pack "${other.pack.id}"`);
    const geometry = geometries.get(row.zoneId);
    const layer = model.layers.get(row.layer);
    layer?.zoneIds.push(row.zoneId);
    if (layer && geometry) layer.hasGeometry = true;
    model.zones.set(row.zoneId, {
      pack: manifest,
      geometry,
      summary: {
        id: row.zoneId,
        layer: row.layer,
        name: row.name,
        contact: { website: row.website, email: row.email, phone: row.phone },
        validFrom: row.validFrom,
        validTo: row.validTo,
        hasGeometry: geometry !== undefined,
      },
    });
  }
  for (const row of pack.coverage) pushTo(model.coverageByNis, row.nis, row);
}

/**
 * Adds what the packs do not say. The packs stay authoritative: their names win, a postcode any
 * pack names keeps the packs' municipalities (so a pack's split of a shared postcode holds), and a
 * former municipality a pack already makes findable for its municipality is not added twice.
 */
function addGazetteer(model: DirectoryModel, gazetteer: Gazetteer): void {
  const packPostcodes = new Set<string>();
  for (const municipality of model.municipalities.values()) {
    for (const postcode of municipality.postcodes) packPostcodes.add(postcode);
  }
  for (const row of gazetteer.municipalities) {
    const postcodes = row.postcodes.filter((postcode) => !packPostcodes.has(postcode));
    const known = model.municipalities.get(row.nis);
    if (known) {
      known.ref.name = { ...row.name, ...known.ref.name };
      for (const postcode of postcodes) known.postcodes.add(postcode);
    } else {
      model.municipalities.set(row.nis, {
        ref: { nis: row.nis, name: { ...row.name }, region: row.region },
        postcodes: new Set(postcodes),
      });
    }
  }
  const namesByNis = new Map<string, Set<string>>();
  const namesOf = (nis: string): Set<string> => {
    let names = namesByNis.get(nis);
    if (!names) {
      const ref = model.municipalities.get(nis)?.ref;
      names = new Set(Object.values(ref?.name ?? {}).map((name) => normalizeText(name ?? '')));
      namesByNis.set(nis, names);
    }
    return names;
  };
  for (const row of model.localities) namesOf(row.nis).add(normalizeText(row.name));
  for (const row of gazetteer.formerMunicipalities) {
    const names = namesOf(row.nis);
    const key = normalizeText(row.name);
    if (names.has(key)) continue;
    names.add(key);
    model.localities.push(row);
  }
  model.gazetteer = {
    dataVersion: gazetteer.dataVersion,
    attribution: gazetteer.attribution,
    licence: gazetteer.licence,
  };
}

/**
 * The English names packs and Statbel lack (`Brussels`, `Antwerp`, `Ghent`), so that every answer
 * naming the municipality says it in English too; a pack's own English name wins.
 */
function addEnglishNames(model: DirectoryModel): void {
  for (const { nis, en } of MUNICIPALITY_NAMES) {
    const ref = model.municipalities.get(nis)?.ref;
    if (en && ref && !ref.name.en) ref.name = { ...ref.name, en };
  }
}

/** Merges the packs, in order, and then the gazetteer when one is given. */
export function buildModel(packs: readonly ZonePack[], gazetteer?: Gazetteer): DirectoryModel {
  const model: DirectoryModel = {
    packs: [],
    gazetteer: undefined,
    layers: new Map(),
    zones: new Map(),
    municipalities: new Map(),
    postcodeNis: new Map(),
    localities: [],
    coverageByNis: new Map(),
    zoneShapes: new GeoIndex(),
    municipalityShapes: new GeoIndex(),
  };
  const localityKeys = new Set<string>();
  for (const pack of packs) {
    const other = model.packs.find((known) => known.manifest.id === pack.manifest.id);
    if (other) clash(pack.dir, `pack id "${pack.manifest.id}" is also used by ${other.dir}`);
    model.packs.push({ manifest: pack.manifest, dir: pack.dir });
    addMunicipalities(model, pack);
    addZones(model, pack);
    for (const row of pack.localities) {
      const key = [row.postcode, row.name, row.nis, row.kind].join('\t');
      if (!localityKeys.has(key)) model.localities.push(row);
      localityKeys.add(key);
    }
    for (const feature of pack.zoneFeatures) {
      model.zoneShapes.add({ layer: feature.layer, zoneId: feature.zoneId }, feature.geometry);
    }
    for (const feature of pack.municipalityFeatures)
      model.municipalityShapes.add(feature.nis, feature.geometry);
  }
  if (gazetteer) addGazetteer(model, gazetteer);
  addEnglishNames(model);
  for (const [nis, municipality] of model.municipalities) {
    for (const postcode of municipality.postcodes) pushTo(model.postcodeNis, postcode, nis);
  }
  model.zoneShapes.finish();
  model.municipalityShapes.finish();
  return model;
}
