import type { Language } from '@carezone/contract';
import type { NewsLayout } from '../pages/news-page.js';
import type { EmbedWidgetName, FontChoice, Radius } from './embed-choice.js';

/** The configurator's own words (the widgets' words come from their catalogues). */
export interface ConfiguratorTexts {
  title: string;
  intro: string;
  widget: string;
  widgets: Record<EmbedWidgetName, { name: string; hint: string }>;
  preset: string;
  presetHint: string;
  postcode: string;
  zone: string;
  noZone: string;
  language: string;
  allLayers: string;
  layout: string;
  layouts: Record<NewsLayout, string>;
  look: string;
  accent: string;
  radius: string;
  radii: Record<Radius, string>;
  font: string;
  fonts: Record<FontChoice, string>;
  update: string;
  preview: string;
  previewOf: (widget: string) => string;
  code: string;
  forms: Record<'script' | 'iframe' | 'link' | 'csp', { name: string; hint: string }>;
  copy: string;
  copied: string;
}

export const CONFIGURATOR_TEXTS: Record<Language, ConfiguratorTexts> = {
  nl: {
    title: 'Carezone op uw website',
    intro:
      'Kies een widget en zijn instellingen, bekijk het voorbeeld en kopieer dan de code naar uw pagina. Neem de iframe-code als uw website geen scripts toelaat.',
    widget: 'Widget',
    widgets: {
      finder: { name: 'Zonezoeker', hint: 'Bezoekers vinden hun zone met hun postcode of gemeente.' },
      'zone-card': { name: 'Zonekaart', hint: 'Het team van één zone en zijn contactgegevens.' },
      'session-request': {
        name: 'Aanvraagformulier',
        hint: 'Organisaties vragen een zoneteam om een infosessie.',
      },
      news: { name: 'Nieuws', hint: 'Het nieuws van één zone of van alle zones.' },
    },
    preset: 'Vooraf ingesteld',
    presetHint: 'Zoek een plaats om haar postcode en zone in te vullen.',
    postcode: 'Postcode die de zonezoeker meteen toont',
    zone: 'Zone van de zonekaart, het formulier of het nieuws',
    noZone: '— geen —',
    language: 'Taal van de widget',
    allLayers: 'Alle',
    layout: 'Weergave van het nieuws',
    layouts: { list: 'Lijst', cards: 'Kaarten', compact: 'Compact' },
    look: 'Uitzicht',
    accent: 'Accentkleur',
    radius: 'Hoeken',
    radii: { square: 'Recht', default: 'Licht afgerond', round: 'Rond' },
    font: 'Lettertype',
    fonts: {
      page: 'Dat van de pagina',
      system: 'Systeemlettertype',
      serif: 'Met schreef',
      sans: 'Schreefloos',
    },
    update: 'Voorbeeld bijwerken',
    preview: 'Voorbeeld',
    previewOf: (widget) => `Voorbeeld: ${widget}`,
    code: 'Uw code',
    forms: {
      script: {
        name: 'Scripttag',
        hint: 'Plak hem waar de widget moet komen. De integriteitshash legt hem vast op deze versie.',
      },
      iframe: {
        name: 'Iframe',
        hint: 'Voor een website of redacteur die geen scripts toelaat. Het kleine script houdt het kader even hoog als de inhoud; zonder het script houdt het kader een vaste hoogte.',
      },
      link: { name: 'Link', hint: 'Een pagina met alleen de widget, om naar te linken of te delen.' },
      csp: {
        name: 'Content Security Policy',
        hint: 'Stuurt uw website een Content-Security-Policy, voeg dan deze bronnen toe.',
      },
    },
    copy: 'Kopiëren',
    copied: 'Gekopieerd.',
  },
  fr: {
    title: 'Carezone sur votre site',
    intro:
      'Choisissez un widget et ses réglages, vérifiez l’aperçu, puis copiez le code dans votre page. Prenez le code iframe si votre site n’accepte pas les scripts.',
    widget: 'Widget',
    widgets: {
      finder: {
        name: 'Recherche de zone',
        hint: 'Les visiteurs trouvent leur zone par code postal ou commune.',
      },
      'zone-card': { name: 'Fiche de zone', hint: 'L’équipe d’une zone et ses coordonnées.' },
      'session-request': {
        name: 'Formulaire de demande',
        hint: 'Les organisations demandent une séance d’information à une équipe de zone.',
      },
      news: { name: 'Actualités', hint: 'Les actualités d’une zone ou de toutes les zones.' },
    },
    preset: 'Préréglage',
    presetHint: 'Cherchez un lieu pour remplir son code postal et sa zone.',
    postcode: 'Code postal que la recherche de zone affiche d’emblée',
    zone: 'Zone de la fiche, du formulaire ou des actualités',
    noZone: '— aucune —',
    language: 'Langue du widget',
    allLayers: 'Tous',
    layout: 'Présentation des actualités',
    layouts: { list: 'Liste', cards: 'Cartes', compact: 'Compacte' },
    look: 'Apparence',
    accent: 'Couleur d’accent',
    radius: 'Coins',
    radii: { square: 'Droits', default: 'Légèrement arrondis', round: 'Arrondis' },
    font: 'Police',
    fonts: {
      page: 'Celle de la page',
      system: 'Police du système',
      serif: 'Avec empattements',
      sans: 'Sans empattements',
    },
    update: 'Mettre l’aperçu à jour',
    preview: 'Aperçu',
    previewOf: (widget) => `Aperçu\u202f: ${widget}`,
    code: 'Votre code',
    forms: {
      script: {
        name: 'Balise script',
        hint: 'Collez-la là où le widget doit apparaître. Son empreinte d’intégrité la lie à cette version.',
      },
      iframe: {
        name: 'Iframe',
        hint: 'Pour un site ou un rédacteur qui n’accepte pas les scripts. Le petit script garde le cadre aussi haut que son contenu\u202f; sans lui, le cadre garde une hauteur fixe.',
      },
      link: { name: 'Lien', hint: 'Une page avec seulement le widget, pour y faire un lien ou la partager.' },
      csp: {
        name: 'Content Security Policy',
        hint: 'Si votre site envoie une Content-Security-Policy, ajoutez-y ces sources.',
      },
    },
    copy: 'Copier',
    copied: 'Copié.',
  },
  en: {
    title: 'Carezone on your site',
    intro:
      'Choose a widget and its settings, check the preview, then copy the code into your page. Take the iframe code if your site does not accept scripts.',
    widget: 'Widget',
    widgets: {
      finder: { name: 'Zone finder', hint: 'Visitors find their zone by postcode or municipality.' },
      'zone-card': { name: 'Zone card', hint: 'One zone’s team and its contact details.' },
      'session-request': {
        name: 'Request form',
        hint: 'Organisations ask a zone team for an information session.',
      },
      news: { name: 'News', hint: 'The news of one zone or of every zone.' },
    },
    preset: 'Preset',
    presetHint: 'Search a place to fill in its postcode and zone.',
    postcode: 'Postcode the zone finder shows at once',
    zone: 'Zone of the zone card, the form or the news',
    noZone: '— none —',
    language: 'Language of the widget',
    allLayers: 'All',
    layout: 'News layout',
    layouts: { list: 'List', cards: 'Cards', compact: 'Compact' },
    look: 'Look',
    accent: 'Accent colour',
    radius: 'Corners',
    radii: { square: 'Square', default: 'Slightly rounded', round: 'Round' },
    font: 'Font',
    fonts: { page: 'The page’s', system: 'System font', serif: 'Serif', sans: 'Sans serif' },
    update: 'Update the preview',
    preview: 'Preview',
    previewOf: (widget) => `Preview: ${widget}`,
    code: 'Your code',
    forms: {
      script: {
        name: 'Script tag',
        hint: 'Paste it where the widget should appear. Its integrity hash pins it to this version.',
      },
      iframe: {
        name: 'Iframe',
        hint: 'For a site or an editor that does not accept scripts. The small script keeps the frame as tall as its content; without it, the frame keeps a fixed height.',
      },
      link: { name: 'Link', hint: 'A page with only the widget, to link to or to share.' },
      csp: {
        name: 'Content Security Policy',
        hint: 'If your site sends a Content-Security-Policy, add these sources to it.',
      },
    },
    copy: 'Copy',
    copied: 'Copied.',
  },
  de: {
    title: 'Carezone auf Ihrer Website',
    intro:
      'Wählen Sie ein Widget und seine Einstellungen, prüfen Sie die Vorschau und kopieren Sie dann den Code in Ihre Seite. Nehmen Sie den Iframe-Code, wenn Ihre Website keine Skripte zulässt.',
    widget: 'Widget',
    widgets: {
      finder: { name: 'Zonensuche', hint: 'Besucher finden ihre Zone über Postleitzahl oder Gemeinde.' },
      'zone-card': { name: 'Zonenkarte', hint: 'Das Team einer Zone und seine Kontaktdaten.' },
      'session-request': {
        name: 'Anfrageformular',
        hint: 'Organisationen bitten ein Zonenteam um eine Informationsveranstaltung.',
      },
      news: { name: 'Neuigkeiten', hint: 'Die Neuigkeiten einer Zone oder aller Zonen.' },
    },
    preset: 'Voreinstellung',
    presetHint: 'Suchen Sie einen Ort, um seine Postleitzahl und Zone einzutragen.',
    postcode: 'Postleitzahl, die die Zonensuche sofort zeigt',
    zone: 'Zone der Zonenkarte, des Formulars oder der Neuigkeiten',
    noZone: '— keine —',
    language: 'Sprache des Widgets',
    allLayers: 'Alle',
    layout: 'Darstellung der Neuigkeiten',
    layouts: { list: 'Liste', cards: 'Karten', compact: 'Kompakt' },
    look: 'Aussehen',
    accent: 'Akzentfarbe',
    radius: 'Ecken',
    radii: { square: 'Eckig', default: 'Leicht abgerundet', round: 'Rund' },
    font: 'Schrift',
    fonts: {
      page: 'Die der Seite',
      system: 'Systemschrift',
      serif: 'Serifenschrift',
      sans: 'Serifenlose Schrift',
    },
    update: 'Vorschau aktualisieren',
    preview: 'Vorschau',
    previewOf: (widget) => `Vorschau: ${widget}`,
    code: 'Ihr Code',
    forms: {
      script: {
        name: 'Script-Tag',
        hint: 'Fügen Sie ihn dort ein, wo das Widget erscheinen soll. Sein Integritäts-Hash bindet ihn an diese Version.',
      },
      iframe: {
        name: 'Iframe',
        hint: 'Für eine Website oder Redaktion, die keine Skripte zulässt. Das kleine Skript hält den Rahmen so hoch wie seinen Inhalt; ohne es behält der Rahmen eine feste Höhe.',
      },
      link: { name: 'Link', hint: 'Eine Seite nur mit dem Widget, zum Verlinken oder Teilen.' },
      csp: {
        name: 'Content Security Policy',
        hint: 'Sendet Ihre Website eine Content-Security-Policy, fügen Sie ihr diese Quellen hinzu.',
      },
    },
    copy: 'Kopieren',
    copied: 'Kopiert.',
  },
};
