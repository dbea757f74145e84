import type { ZoneSummary } from '@carezone/sdk';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { ZoneChangeEvent } from '../events/zone-change.js';

/** A widget that can follow the zone chosen in a finder of the page (`zone-source="#finder"`). */
export interface ZoneSourceHost extends ReactiveControllerHost, HTMLElement {
  zoneSource: string | undefined;
}

/**
 * Follows a finder of the page: calls `onZone` with each zone chosen in the finder that the host's
 * `zone-source` selector matches, and with `undefined` when that finder has no zone any more (a
 * new place is being looked up, or its answer asks the visitor to choose). It listens on the host's
 * root rather than on the finder itself, since the finder may be added after the host, or
 * replaced; the selector is matched when an event comes, and a selector that is not valid matches
 * nothing.
 */
export class ZoneSourceController implements ReactiveController {
  readonly #host: ZoneSourceHost;
  readonly #onZone: (zone: ZoneSummary | undefined) => void;
  #root: Node | undefined;

  constructor(host: ZoneSourceHost, onZone: (zone: ZoneSummary | undefined) => void) {
    this.#host = host;
    this.#onZone = onZone;
    host.addController(this);
  }

  /** The finder the selector points to now, if any (to move the focus there). */
  get source(): Element | null {
    try {
      return this.#host.zoneSource
        ? ((this.#root as ParentNode | undefined)?.querySelector(this.#host.zoneSource) ?? null)
        : null;
    } catch {
      return null;
    }
  }

  hostConnected(): void {
    this.#root = this.#host.getRootNode();
    this.#root.addEventListener(ZoneChangeEvent.type, this.#onZoneChange);
  }

  hostDisconnected(): void {
    this.#root?.removeEventListener(ZoneChangeEvent.type, this.#onZoneChange);
  }

  readonly #onZoneChange = (event: Event): void => {
    const { target } = event;
    const selector = this.#host.zoneSource;
    if (!selector || !(target instanceof Element)) return;
    try {
      if (!target.closest(selector)) return;
    } catch {
      return;
    }
    this.#onZone((event as ZoneChangeEvent).detail?.zone);
  };
}
