import { type Ambiguity, certaintyOf, type LookupResult, type Match } from '@carezone/sdk';
import type { ZoneCertainty } from '../events/zone-change.js';

/**
 * One layer's answer as the finder says it, in one of three states that never mix: one zone the
 * pack documents (`certain`); one zone whose boundary is not fully documented for the place
 * (`probable`: still an answer, with a note); several zones, or a part of the place without a
 * known zone (`choose`: a further question, never a guess). `unknown`: no zone is known for the
 * place in this layer. The API says which (`certaintyOf`); `matches` holds one match per zone.
 */
export interface LayerAnswer {
  layer: string;
  state: 'certain' | 'probable' | 'choose' | 'unknown';
  matches: Match[];
  ambiguity: Ambiguity | undefined;
}

/** The layers of an answer in their order: those with zones, then those with none known. */
export function layerAnswers(result: Pick<LookupResult, 'matches' | 'ambiguities'>): LayerAnswer[] {
  const layers = new Set([...result.matches, ...result.ambiguities].map((item) => item.layer));
  return [...layers].map((layer) => ({
    layer,
    state: certaintyOf(result, layer) ?? 'unknown',
    matches: result.matches.filter((match) => match.layer === layer),
    ambiguity: result.ambiguities.find((ambiguity) => ambiguity.layer === layer),
  }));
}

/**
 * The zone a finder announces for a place: that of `layer` when the finder shows one layer, else
 * of the first layer that answers certainly, else probably; none when no layer answers one zone.
 */
export function announcedZone(
  answers: readonly LayerAnswer[],
  layer: string | undefined,
): { match: Match; certainty: ZoneCertainty } | undefined {
  const candidates = layer ? answers.filter((answer) => answer.layer === layer) : answers;
  for (const certainty of ['certain', 'probable'] as const) {
    const match = candidates.find((candidate) => candidate.state === certainty)?.matches[0];
    if (match) return { match, certainty };
  }
  return undefined;
}
