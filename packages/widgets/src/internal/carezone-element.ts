import type { PublicClient, ResourceFactories } from '@carezone/sdk';
import { LitElement, type PropertyDeclarations } from 'lit';
import { clientFor } from './api-client.js';
import { LocalizeController } from './localize.js';
import { themeStyles } from './theme.styles.js';

const LANGUAGE_RETRY_MS = 3000;

/**
 * What every Carezone element shares: the `api` and `lang` attributes, an injectable SDK client,
 * the language controller and the theme. Elements add their own properties and styles.
 *
 * The theme's custom properties, documented once here (the manifest gives them to every element):
 * @cssproperty --carezone-color-text - Text colour.
 * @cssproperty --carezone-color-muted - Secondary text: dates, hints, labels, "(required)".
 * @cssproperty --carezone-color-surface - Background of inputs, lists and cards.
 * @cssproperty --carezone-color-surface-alt - Background of messages, placeholders and badges.
 * @cssproperty --carezone-color-border - Border colour.
 * @cssproperty --carezone-color-accent - Links, buttons, ticked boxes, the active suggestion.
 * @cssproperty --carezone-color-on-accent - Text on accent-coloured surfaces.
 * @cssproperty --carezone-color-danger - Marks problems, and the fields they are about.
 * @cssproperty --carezone-color-focus - Focus ring.
 * @cssproperty --carezone-font-family - Font. Default: the page's.
 * @cssproperty --carezone-font-size - Base font size. Default 1rem.
 * @cssproperty --carezone-radius - Corner radius.
 * @cssproperty --carezone-spacing - Spacing inside and between parts.
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
