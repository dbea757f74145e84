import * as z from 'zod';
import { isIsoDate, SLUG_PATTERN } from './codes.js';
import { parseJsonFile } from './json-text.js';
import type { PackManifest, PackProblem } from './pack-types.js';
import { typographicApostrophes } from './typography.js';

export const PACK_FORMAT = 'carezone.zonepack/1';

const Slug = z.string().regex(SLUG_PATTERN, 'must be a lowercase slug (a-z, 0-9 and single hyphens)');
const Text = z.string().trim().min(1, 'must not be empty');
const Name = Text.overwrite(typographicApostrophes);
/** The README: `nl`, `fr` and `en` are required, `de` optional. */
const Title = z.strictObject({ nl: Name, fr: Name, en: Name, de: Name.optional() });

const Manifest = z.object({
  format: z.literal(PACK_FORMAT, { error: `must be "${PACK_FORMAT}"` }),
  id: Slug,
  title: Title,
  dataVersion: z.string().refine(isIsoDate, 'must be an ISO date (YYYY-MM-DD)'),
  attribution: Text,
  licence: Text,
  layers: z
    .array(z.object({ id: Slug, kind: z.enum(['care-zone', 'primary-care-zone']), title: Title }))
    .min(1, 'a pack needs at least one layer'),
});

export function readManifest(text: string, problems: PackProblem[]): PackManifest | undefined {
  const file = 'pack.json';
  const parsed = parseJsonFile(file, text, problems);
  if (!parsed) return undefined;
  const result = Manifest.safeParse(parsed.value);
  if (!result.success) {
    for (const issue of result.error.issues) {
      const path = issue.path.length > 0 ? issue.path.join('.') : '(root)';
      problems.push({ file, severity: 'error', message: `${path}: ${issue.message}` });
    }
    return undefined;
  }
  const seen = new Set<string>();
  result.data.layers.forEach((layer, index) => {
    if (seen.has(layer.id)) {
      problems.push({
        file,
        severity: 'error',
        message: `layers.${index}.id: duplicate layer id "${layer.id}"`,
      });
    }
    seen.add(layer.id);
  });
  return result.data;
}
