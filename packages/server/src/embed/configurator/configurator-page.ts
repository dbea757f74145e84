import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Language, Layer, ZoneSummary } from '@carezone/contract';
import { pickText } from '@carezone/contract';
import type { PublicClient } from '@carezone/sdk';
import { html } from 'hono/html';
import type { Html } from '../embed-document.js';
import { EMBED_TEXTS, type EmbedLocalize } from '../embed-localize.js';
import { linkTo } from '../embed-options.js';
import { NEWS_LAYOUTS } from '../pages/news-page.js';
import { CONFIGURATOR_TEXTS } from './configurator-texts.js';
import { EMBED_WIDGETS, type EmbedChoice, FONTS, RADII } from './embed-choice.js';
import { embedPath, type SnippetSource, snippetsOf } from './snippets.js';

const LANGUAGE_NAMES: Record<Language, string> = {
  nl: 'Nederlands',
  fr: 'Français',
  en: 'English',
  de: 'Deutsch',
};

/** The hashes of the widget scripts, read at each request: a rebuild while the server runs is seen. */
export async function integrityOf(dir: string | undefined): Promise<Record<string, string>> {
  if (!dir) return {};
  try {
    const manifest = JSON.parse(await readFile(join(dir, 'integrity.json'), 'utf8')) as { files?: unknown };
    return typeof manifest.files === 'object' && manifest.files !== null
      ? (manifest.files as Record<string, string>)
      : {};
  } catch {
    return {};
  }
}

/** The title a framed widget gets (`<iframe title>`), in the widget's language. */
function frameTitle(choice: EmbedChoice, localize: EmbedLocalize): string {
  const texts = EMBED_TEXTS[choice.language];
  const widgetTexts = { form: localize.form, news: localize.news };
  if (choice.widget === 'finder') return texts.finder;
  if (choice.widget === 'zone-card') return texts.zoneCard;
  return choice.widget === 'news' ? widgetTexts.news.title : widgetTexts.form.title;
}

const radio = (name: string, value: string, checked: boolean, label: Html | string, hint?: string) =>
  html`<div class="choice"><input type="radio" id="${name}-${value}" name="${name}" value="${value}"${
    checked ? html` checked` : ''
  }${hint ? html` aria-describedby="${name}-${value}-hint"` : ''}><label for="${name}-${value}">${label}</label>${
    hint ? html`<p class="hint" id="${name}-${value}-hint">${hint}</p>` : ''
  }</div>`;

const option = (value: string, selected: boolean, label: string, lang?: string) =>
  html`<option value="${value}"${selected ? html` selected` : ''}${lang ? html` lang="${lang}"` : ''}>${label}</option>`;

export interface ConfiguratorData {
  layers: Layer[];
  zones: ZoneSummary[];
}

export async function configuratorData(api: PublicClient): Promise<ConfiguratorData> {
  const [layers, zones] = await Promise.all([api.layers.list(), api.zones.list()]);
  return { layers, zones };
}

/**
 * The body of `/embed/`: a GET form of the choices (it works without scripts: "update the preview"
 * renders the page again), the preview (the embed page itself, framed) and the code in its three
 * forms. `carezone-embed-configurator.js` updates preview and code as the editor changes a field
 * and fills the preset from the finder.
 */
export function configuratorBody(
  choice: EmbedChoice,
  data: ConfiguratorData,
  source: SnippetSource,
  ui: EmbedLocalize,
  widgetLocalize: EmbedLocalize,
  query: URLSearchParams,
): Html {
  const t = CONFIGURATOR_TEXTS[ui.lang];
  const layerName = (layer: Layer) => pickText(layer.title, ui.lang);
  const snippets = snippetsOf(choice, source, frameTitle(choice, widgetLocalize));
  const code = (form: keyof typeof t.forms, text: string) =>
    html`<div class="snippet"><h3 id="${form}-title">${t.forms[form].name}</h3>
<p class="hint" id="${form}-hint">${t.forms[form].hint}</p>
<textarea id="${form}-code" readonly rows="${Math.min(8, text.split('\n').length + 1)}" spellcheck="false" aria-labelledby="${form}-title" aria-describedby="${form}-hint">${text}</textarea>
<button type="button" class="secondary" data-copy="${form}-code" hidden>${t.copy}</button></div>`;
  return html`<nav class="languages" aria-label="${t.language}">${(['nl', 'fr', 'en', 'de'] as const).map(
    (lang) =>
      html`<a href="${linkTo(
        '/embed/',
        [...query].filter(([name]) => name !== 'lang'),
        { lang },
      )}" lang="${lang}" hreflang="${lang}"${
        lang === ui.lang ? html` aria-current="page"` : ''
      }>${LANGUAGE_NAMES[lang]}</a> `,
  )}</nav>
<h1>${t.title}</h1>
<p>${t.intro}</p>
<div class="configurator">
<form method="get" action="/embed/" id="configure">
<input type="hidden" name="lang" value="${ui.lang}">
<fieldset><legend>${t.widget}</legend>
${EMBED_WIDGETS.map((widget) => radio('widget', widget, choice.widget === widget, t.widgets[widget].name, t.widgets[widget].hint))}
</fieldset>
<label for="layer">${ui.t.zone.layer}</label>
<select id="layer" name="layer">${option('', choice.layer === undefined, t.allLayers)}${data.layers.map(
    (layer) => option(layer.id, choice.layer === layer.id, layerName(layer)),
  )}</select>
<fieldset><legend>${t.preset}</legend>
<p class="hint" id="preset-hint">${t.presetHint}</p>
<carezone-finder id="preset-finder" lang="${ui.lang}" heading-level="3"${
    choice.layer ? html` layer="${choice.layer}"` : ''
  }></carezone-finder>
<label for="postcode">${t.postcode}</label>
<input id="postcode" name="postcode" inputmode="numeric" pattern="[0-9]{4}" maxlength="4" autocomplete="off" value="${choice.postcode ?? ''}">
<label for="zone">${t.zone}</label>
<select id="zone" name="zone">${option('', choice.zone === undefined, t.noZone)}${data.layers.map(
    (layer) =>
      html`<optgroup label="${layerName(layer)}">${data.zones
        .filter((zone) => zone.layer === layer.id)
        .map((zone) => ({ zone, name: pickText(zone.name, ui.lang) }))
        .sort((a, b) => a.name.localeCompare(b.name, ui.lang))
        .map(({ zone, name }) => option(zone.id, choice.zone === zone.id, name))}</optgroup>`,
  )}</select>
</fieldset>
<label for="language">${t.language}</label>
<select id="language" name="language">${(['nl', 'fr', 'en', 'de'] as const).map((lang) =>
    option(lang, choice.language === lang, LANGUAGE_NAMES[lang], lang),
  )}</select>
<label for="layout">${t.layout}</label>
<select id="layout" name="layout">${NEWS_LAYOUTS.map((layout) => option(layout, choice.layout === layout, t.layouts[layout]))}</select>
<fieldset><legend>${t.look}</legend>
<label for="accent">${t.accent}</label>
<input type="color" id="accent" name="accent" value="${choice.accent}">
<label for="radius">${t.radius}</label>
<select id="radius" name="radius">${Object.keys(RADII).map((radius) =>
    option(radius, choice.radius === radius, t.radii[radius as keyof typeof RADII]),
  )}</select>
<label for="font">${t.font}</label>
<select id="font" name="font">${Object.keys(FONTS).map((font) =>
    option(font, choice.font === font, t.fonts[font as keyof typeof FONTS]),
  )}</select>
</fieldset>
<button type="submit">${t.update}</button>
</form>
<div class="outcome">
<section aria-labelledby="preview-title"><h2 id="preview-title">${t.preview}</h2>
<iframe id="preview" data-carezone-embed src="${embedPath(choice)}" title="${t.previewOf(t.widgets[choice.widget].name)}"></iframe>
</section>
<section id="code" aria-labelledby="code-title"><h2 id="code-title">${t.code}</h2>
${code('script', snippets.script)}
${code('iframe', snippets.iframe)}
${code('link', snippets.link)}
${code('csp', snippets.csp)}
<p class="visually-hidden" role="status" id="copied" data-text="${t.copied}"></p>
</section>
</div>
</div>`;
}
