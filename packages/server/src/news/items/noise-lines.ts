/**
 * Lines that scraped pages carry around an article and that must not become its summary: a date
 * label, share buttons, view counters, contact and byline lines, icon class names. Written from
 * what CMS pages of the field print (nl, fr, en, de), not from particular articles.
 */

const SHARE_WORDS = new Set([
  'delen',
  'deel',
  'share',
  'partager',
  'partagez',
  'teilen',
  'facebook',
  'twitter',
  'x',
  'linkedin',
  'whatsapp',
  'email',
  'e-mail',
  'mail',
  'print',
  'printen',
  'afdrukken',
  'imprimer',
  'drucken',
  'pinterest',
  'instagram',
  'youtube',
  'messenger',
  'telegram',
  'reddit',
  'bluesky',
  'mastodon',
  'visit',
  'us',
  'follow',
  'volg',
  'ons',
  'suivez',
  'nous',
  'tweet',
  'tweeten',
  'copy',
  'link',
  'kopieer',
  'copier',
  'le',
  'lien',
  'on',
  'op',
  'via',
  'sur',
  'auf',
  'this',
  'dit',
  'artikel',
  'article',
]);

const MONTH =
  '(jan|feb|febr|mrt|maa|maart|apr|mei|jun|jul|aug|sep|sept|okt|oct|nov|dec|janv|févr|fevr|mars|avr|mai|juin|juil|août|aout|déc|mär|märz|okt|dez|januari|februari|april|juni|juli|augustus|september|oktober|november|december|janvier|février|avril|juillet|septembre|octobre|novembre|décembre|january|february|march|may|june|july|august|october|januar|februar|dezember)\\.?';
const WEEKDAY =
  '(ma|di|wo|do|vr|za|zo|maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag|lun|mar|mer|jeu|ven|sam|dim|mon|tue|wed|thu|fri|sat|sun|[a-zé]+day|[a-zé]+di|[a-z]+tag)\\.?,?';
const DATE_FORMS = [
  `(${WEEKDAY}\\s+)?\\d{1,2}(e|er|st|nd|rd|th)?\\.?\\s+${MONTH}(\\s+\\d{2,4})?`,
  `${MONTH}\\s+\\d{1,2}(,?\\s+\\d{4})?`,
  '\\d{1,2}[./-]\\d{1,2}[./-]\\d{2,4}',
  '\\d{4}-\\d{2}-\\d{2}',
];
const DATE_LABEL = new RegExp(
  `^((gepubliceerd|geplaatst|datum|date|publié|publiée|posted|published|veröffentlicht|aangemaakt)(\\s+(op|le|on|am))?\\s*:?\\s*)?(${DATE_FORMS.join('|')})(\\s+(om\\s+|à\\s+|at\\s+|um\\s+)?\\d{1,2}[:.h]\\d{2})?$`,
  'iu',
);

const VIEW_COUNTER = [
  /^(aantal\s+)?(weergaven|keer bekeken|bekeken|gelezen|views?|vues|lectures|aufrufe|hits)\s*:?\s*[\d.,\s]+$/iu,
  /^[\d.,\s]+\s*(x\s+|keer\s+|fois\s+|mal\s+)?(bekeken|gelezen|weergaven|views?|vues|lectures|lu|aufrufe|gelesen|reads?)\.?$/iu,
];

const CONTACT_PREFIX =
  /^(info|contact|tel|tél|telefoon|téléphone|phone|gsm|e-?mail|mail|adres|adresse|address)\s*[:.]/iu;
const EMAIL = /[\w.+-]+@[\w-]+(\.[\w-]+)+/u;
const PHONE = /(\+|\b0)\d[\d\s./-]{6,}\d/u;
const BYLINE =
  /^(auteur|author|door|par|von|by|tekst|texte|text|foto|foto's|photo|bron|source|quelle)(\s+(en|et|und|and|&)\s+[\p{L}']+)?\s*:/iu;
const ICON_NAME = /^[\w-]*(icon|fa-)[\w-]*$/iu;

function isShareLine(line: string): boolean {
  const words = line
    .toLowerCase()
    .split(/[\s|·•,/]+/u)
    .map((word) => word.replace(/[\d()[\]:!?.]+/gu, ''))
    .filter((word) => word !== '');
  return words.length > 0 && words.length <= 12 && words.every((word) => SHARE_WORDS.has(word));
}

function isContactLine(line: string): boolean {
  if (CONTACT_PREFIX.test(line)) return true;
  // A sentence may mention an address in passing; a short line that holds one is a contact block.
  const words = line.split(/\s+/u).length;
  return words <= 12 && (EMAIL.test(line) || PHONE.test(line));
}

/**
 * Furniture is short: a date, a row of share buttons, a contact line. The patterns below backtrack
 * over a line (an e-mail address is looked for from every character), so on a line of prose tens of
 * thousands of characters long they would take time in its square; past this length only the
 * prefixes are checked, which cost one step per character.
 */
const LONGEST_FURNITURE_CHARS = 300;

/** Whether one line of an article's text is page furniture rather than its content. */
export function isNoiseLine(line: string): boolean {
  const text = line.trim();
  if (text === '') return true;
  if (text.length > LONGEST_FURNITURE_CHARS) return CONTACT_PREFIX.test(text) || BYLINE.test(text);
  return (
    DATE_LABEL.test(text) ||
    VIEW_COUNTER.some((pattern) => pattern.test(text)) ||
    isShareLine(text) ||
    isContactLine(text) ||
    BYLINE.test(text) ||
    ICON_NAME.test(text)
  );
}

/** A heading-like label ("Presentatie"): a few words with no punctuation to carry a sentence on. */
export function isLabelLine(line: string): boolean {
  const text = line.trim();
  return text.split(/\s+/u).length <= 3 && !/[.,;:!?…]$/u.test(text);
}
