import { readFile } from 'node:fs/promises';
import { type Topic, Topic as TopicSchema } from '@carezone/contract';
import * as z from 'zod/mini';
import { toFieldErrors } from '../http/validate.js';

/** The topics a deployment offers when it configures none (`CAREZONE_TOPICS`). */
export const DEFAULT_TOPICS: readonly Topic[] = [
  { id: 'diabetes', label: { nl: 'Diabetes', fr: 'Diabète', en: 'Diabetes', de: 'Diabetes' } },
  {
    id: 'palliative-care',
    label: { nl: 'Palliatieve zorg', fr: 'Soins palliatifs', en: 'Palliative care', de: 'Palliativpflege' },
  },
  {
    id: 'mental-health',
    label: {
      nl: 'Geestelijke gezondheid',
      fr: 'Santé mentale',
      en: 'Mental health',
      de: 'Psychische Gesundheit',
    },
  },
  // Belgian French says "assuétudes" where France says "addictions".
  { id: 'addiction', label: { nl: 'Verslaving', fr: 'Assuétudes', en: 'Addiction', de: 'Sucht' } },
  {
    id: 'care-pathway',
    label: { nl: 'Zorgtraject', fr: 'Trajet de soins', en: 'Care pathway', de: 'Behandlungspfad' },
  },
  {
    id: 'access-to-care',
    label: {
      nl: 'Toegang tot zorg',
      fr: 'Accès aux soins',
      en: 'Access to care',
      de: 'Zugang zur Gesundheitsversorgung',
    },
  },
  {
    id: 'insurability',
    label: { nl: 'Verzekerbaarheid', fr: 'Assurabilité', en: 'Insurability', de: 'Versicherbarkeit' },
  },
  {
    id: 'informal-carers',
    label: { nl: 'Mantelzorg', fr: 'Aidants proches', en: 'Informal carers', de: 'Pflegende Angehörige' },
  },
  { id: 'prevention', label: { nl: 'Preventie', fr: 'Prévention', en: 'Prevention', de: 'Prävention' } },
  {
    id: 'workshop-participation',
    label: {
      nl: 'Deelname aan een workshop',
      fr: 'Participation à un atelier',
      en: 'Taking part in a workshop',
      de: 'Teilnahme an einem Workshop',
    },
  },
];

const Label = z.string().check(z.trim(), z.minLength(1), z.maxLength(100));
const ConfiguredTopic = z.object({
  id: TopicSchema.shape.id,
  label: z.object({ nl: Label, fr: Label, en: Label, de: Label }),
});
const ConfiguredTopics = z.array(ConfiguredTopic).check(z.minLength(1));

/** Reads and checks a deployment's topics file; throws a message naming every problem. */
export async function loadTopicsFile(file: string): Promise<Topic[]> {
  const text = await readFile(file, 'utf8');
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new Error(`topics file ${file} is not JSON: ${(error as Error).message}`);
  }
  return parseTopics(json, file);
}

/** A topics file is a bare array, or the `{ "data": [...] }` that `GET /v1/topics` answers. */
export function parseTopics(json: unknown, source: string): Topic[] {
  const list = Array.isArray(json) ? json : (json as { data?: unknown } | null)?.data;
  const result = ConfiguredTopics.safeParse(list);
  if (!result.success) {
    const problems = toFieldErrors(result.error.issues).map((e) => `${e.path || '(root)'}: ${e.message}`);
    throw new Error(
      `topics file ${source} must be a non-empty array of { id, label: { nl, fr, en, de } }: ${problems.join('; ')}`,
    );
  }
  const topics = result.data;
  const seen = new Set<string>();
  for (const topic of topics) {
    if (seen.has(topic.id)) throw new Error(`topics file ${source} lists the topic "${topic.id}" twice`);
    seen.add(topic.id);
  }
  return topics;
}
