import type { Layer, LookupParams, LookupResult, Match, PublicClient } from '@carezone/sdk';
import { initialState, Task } from '@lit/task';
import type { ReactiveControllerHost } from 'lit';
import { type ZoneCertainty, ZoneChangeEvent } from '../events/zone-change.js';
import { layersOf } from '../internal/layers.js';
import { announcedZone, layerAnswers } from './layer-answers.js';

/** A lookup's answer in the finder's layer, with the layers' titles for the cards. */
export type Answer = LookupResult & { layers: Layer[]; user: boolean };

/** The finder, as its lookup sees it: where events go, and the one layer it shows (if any). */
export interface ZoneLookupHost extends ReactiveControllerHost, EventTarget {
  readonly layer: string | undefined;
}

/**
 * The finder's lookup apart from how it looks: the place looked up (`lookedUp`), its answer
 * (`answer`, a Task), the zone the visitor picked among candidates the data cannot tell apart
 * (`pickedZone`), and the `carezone-zone-change` events. A place the visitor chooses fires `null`
 * at once (the zone shown so far is not that place's) and its zone once the answer names one, from
 * the task's completion; a choice between zones fires nothing (never a guess), and neither does a
 * place shown without the visitor asking (a preset, a remembered place).
 */
export class ZoneLookupController {
  readonly #host: ZoneLookupHost;
  /** What is looked up (or shown), if anything; each place is a new object, so the task runs again. */
  declare lookedUp: LookupParams | undefined;
  /** Places the visitor asked for whose zone is not announced yet (a retry of a failure still is). */
  readonly #asked = new WeakSet<LookupParams>();
  /** The zone the visitor picked among candidates, until the next place. */
  declare pickedZone: Match | undefined;
  /** The zone id the last event named (`null`: none, or no event yet). */
  #announced: string | null = null;
  declare readonly answer: Task<
    readonly [PublicClient, LookupParams | undefined, string | undefined],
    Answer
  >;

  /** `onShown`: an answer the visitor did not ask for came in (the finder shows its place's name). */
  constructor(host: ZoneLookupHost, client: () => PublicClient, onShown: (answer: Answer) => void) {
    this.#host = host;
    this.answer = new Task(host, {
      task: async ([sdk, params, layer], { signal }) => {
        if (!params) return initialState;
        // With the layers' titles, so that the cards do not grow a row when they arrive.
        const [result, layers] = await Promise.all([
          sdk.lookup({ ...params, layer }, { signal }),
          layersOf(sdk).catch(() => []),
        ]);
        const matches = result.matches.filter((match) => !layer || match.layer === layer);
        // Announced once: the same place again in another layer is not a new choice.
        const user = this.#asked.delete(params);
        return { ...result, matches, layers, user };
      },
      args: () => [client(), this.lookedUp, host.layer] as const,
      onComplete: (answer) => {
        if (!answer.user) return onShown(answer);
        const zone = announcedZone(layerAnswers(answer), host.layer);
        if (zone) this.#announce(zone.match, answer.matches, zone.certainty);
      },
    });
  }

  /**
   * Looks `params` up: for the visitor (`asked`), or to show the zone of a place set without them
   * (a preset, a remembered place: no event). `undefined` shows nothing.
   */
  lookUp(params: LookupParams | undefined, asked: boolean): void {
    this.lookedUp = params;
    if (params && asked) this.#asked.add(params);
    this.pickedZone = undefined;
    this.#host.requestUpdate();
    if (asked && this.#announced !== null) this.#announce(null);
  }

  /** The visitor says which of the candidates the data cannot tell apart is theirs. */
  pickZone(match: Match): void {
    this.pickedZone = match;
    this.#host.requestUpdate();
    this.#announce(match, this.answer.value?.matches ?? [match], 'chosen');
  }

  // With no match, the event's own defaults: no matches, no certainty.
  #announce(match: Match | null, matches?: readonly Match[], certainty?: ZoneCertainty): void {
    this.#announced = match?.zone.id ?? null;
    this.#host.dispatchEvent(new ZoneChangeEvent(match, matches, certainty));
  }
}
