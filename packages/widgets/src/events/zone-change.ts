import type { Match } from '@carezone/sdk';

/**
 * How sure the zone of a `ZoneChangeEvent` is: `certain` (the pack documents it), `probable` (one
 * zone, but its boundary is not fully documented for the place), `chosen` (the visitor picked it
 * among the zones the place is split over).
 */
export type ZoneCertainty = 'certain' | 'probable' | 'chosen';

/**
 * Fired by `<carezone-finder>` when the zone the visitor's place belongs to changes (never when
 * code sets an attribute). `detail` is the match of the finder's layer, or the first layer that
 * answers one zone; `matches` holds every zone of every layer for that place.
 *
 * `detail` is `null` when there is no zone any more: the visitor chose another place and its answer
 * is on its way, or that answer is a choice between zones the visitor has yet to make. A listener
 * (a form sending to the zone team) must then forget the zone it had: the finder never guesses.
 */
export class ZoneChangeEvent extends Event {
  static readonly type = 'carezone-zone-change';
  declare readonly detail: Match | null;
  declare readonly matches: readonly Match[];
  /** How sure `detail` is; `undefined` with no zone. */
  declare readonly certainty: ZoneCertainty | undefined;

  constructor(
    detail: Match | null,
    matches: readonly Match[] = detail ? [detail] : [],
    certainty: ZoneCertainty | undefined = detail ? 'certain' : undefined,
  ) {
    super(ZoneChangeEvent.type, { bubbles: true, composed: true });
    this.detail = detail;
    this.matches = matches;
    this.certainty = certainty;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'carezone-zone-change': ZoneChangeEvent;
  }
}
