import type { LookupResult, Match } from '@carezone/sdk';
import type { ZoneCertainty } from '../events/zone-change.js';

/**
 * One layer's answer as the finder says it, in one of three states that never mix: one zone the
 * pack documents (`certain`); one zone whose boundary is not fully documented for the place
 * (`probable`: still an answer, with a note); several zones the place is split over (`choose`).
 * `zones` holds the matches of each zone, grouped: one zone is listed once, however many places
 * (municipalities of a postcode) led to it.
 */
export interface LayerAnswer {
  layer: string;
  state: 'certain' | 'probable' | 'choose';
  zones: [Match, ...Match[]][];
}

/** Items grouped by a key, in the order of first appearance (Map.groupBy is too recent). */
export function group<T>(items: readonly T[], key: (item: T) => string): [T, ...T[]][] {
  const groups = new Map<string, [T, ...T[]]>();
  for (const item of items) {
    const list = groups.get(key(item));
    if (list) list.push(item);
    else groups.set(key(item), [item]);
  }
  return [...groups.values()];
}

export function layerAnswers(result: Pick<LookupResult, 'matches' | 'ambiguities'>): LayerAnswer[] {
  return group(result.matches, (match) => match.layer).map((matches) => {
    const layer = matches[0].layer;
    const zones = group(matches, (match) => match.zone.id);
    const unsure = result.ambiguities.some((ambiguity) => ambiguity.layer === layer);
    return { layer, zones, state: zones.length > 1 ? 'choose' : unsure ? 'probable' : 'certain' };
  });
}

/**
 * The zone a finder announces for a place: that of `layer` when the finder shows one layer, else
 * of the first layer that answers certainly, else probably; none when every layer asks to choose.
 */
export function announcedZone(
  answers: readonly LayerAnswer[],
  layer: string | undefined,
): { match: Match; certainty: ZoneCertainty } | undefined {
  const candidates = layer ? answers.filter((answer) => answer.layer === layer) : answers;
  const answer =
    candidates.find((candidate) => candidate.state === 'certain') ??
    candidates.find((candidate) => candidate.state === 'probable');
  const zone = answer?.zones[0];
  if (!answer || !zone || answer.state === 'choose') return undefined;
  return { match: zone[0], certainty: answer.state };
}
