import type { Match } from '@carezone/sdk';

/**
 * Fired by `<carezone-finder>` when the visitor chooses a place and its zone is found for sure
 * (never when code sets an attribute). `detail` is the match of the finder's layer, or the first
 * match of a layer whose answer is not ambiguous; `matches` holds every zone of every layer for that
 * place. When every layer's answer is ambiguous, nothing fires: the finder never guesses.
 */
export class ZoneChangeEvent extends Event {
  static readonly type = 'carezone-zone-change';
  readonly detail: Match;
  readonly matches: readonly Match[];

  constructor(detail: Match, matches: readonly Match[] = [detail]) {
    super(ZoneChangeEvent.type, { bubbles: true, composed: true });
    this.detail = detail;
    this.matches = matches;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'carezone-zone-change': ZoneChangeEvent;
  }
}
