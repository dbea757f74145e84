import { fileURLToPath } from 'node:url';

/** The reference articles of `../shared/news`, beside the repository; read in place, never copied. */
export const REFERENCE_NEWS_DIR = fileURLToPath(new URL('../../../../../../shared/news/', import.meta.url));

export const REFERENCE_FEEDS = {
  json: `${REFERENCE_NEWS_DIR}feed.json`,
  atom: `${REFERENCE_NEWS_DIR}feed.atom`,
  rss: `${REFERENCE_NEWS_DIR}feed.rss`,
} as const;

/** The ids the three formats share. */
export const REFERENCE_IDS = [
  'https://example.org/nieuws/infosessie-elsene-2024',
  'https://example.org/nieuws/veranderatelier-zorgzones',
  'https://example.org/nieuws/samen-zorgkrachtig-startschot',
  'https://example.org/nieuws/oproep-samenwerking-palliatieve-zorg',
  'https://example.org/nieuws/gezinszorg-sociale-dienst',
] as const;
