import type { PublicClient, ResourceFactories } from '@carezone/sdk';
import { LitElement, type PropertyDeclarations } from 'lit';
import { clientFor } from './api-client.js';
import { LocalizeController } from './localize.js';
import { themeStyles } from './theme.styles.js';

const LANGUAGE_RETRY_MS = 3000;

/**
 * What every Carezone element shares: the `api` and `lang` attributes, an injectable SDK client,
 * the language controller and the theme. Elements add their own properties and styles.
 */
export class CarezoneElement extends LitElement {
  static override styles = [themeStyles];

  static override properties: PropertyDeclarations = {
    api: {},
    lang: { reflect: true },
    client: { attribute: false },
  };

  /** Base URL of the Carezone API. Default: the origin this script was loaded from. */
  declare api: string | undefined;
  /** nl, fr, en or de. Default: the nearest ancestor's `lang`, then the document's, then nl. */
  declare lang: string;
  /** An SDK client of your own (a custom `fetch`, tests, stories); takes precedence over `api`. */
  declare client: PublicClient | undefined;

  /** The SDK resources the element reads through `sdk` (what its bundle must carry). */
  static resources: ResourceFactories = {};

  protected readonly localize = new LocalizeController(this);

  /**
   * Every update waits for the catalogue of the element's language (a small chunk, loaded once).
   * A chunk that does not arrive (a flaky connection) is asked for again a few seconds later:
   * Lit would otherwise never update the element again, and it would stay blank.
   */
  // biome-ignore lint/suspicious/noConfusingVoidType: the signature of Lit's ReactiveElement.
  protected override scheduleUpdate(): void | Promise<unknown> {
    const loading = this.localize.prepare();
    if (!loading) return super.scheduleUpdate();
    return loading.then(
      () => super.scheduleUpdate(),
      () => new Promise((retry) => setTimeout(retry, LANGUAGE_RETRY_MS)).then(() => this.scheduleUpdate()),
    );
  }

  /** The client the element talks through: its own, else the page's shared one for `api`. */
  protected get sdk(): PublicClient {
    return this.client ?? clientFor(this.api, (this.constructor as typeof CarezoneElement).resources);
  }
}
