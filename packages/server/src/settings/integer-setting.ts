/** A whole-number setting: how the operator wrote its name (`PORT`, `--port`) and what it accepts. */
export interface IntegerSetting {
  name: string;
  min: number;
  max: number;
  /** What the number counts (`days`, `minutes`), for the message. */
  unit?: string;
}

/**
 * `text` as a whole number in the setting's range; anything else throws an error that names the
 * setting, so the server refuses to start instead of guessing. Only digits are read (spaces around
 * them aside): `Number()` takes `''` and `' '` for 0, which made a blank `PORT` a random port, and
 * reads `0x10`, `1e3` and `1.0` as numbers an operator never wrote.
 */
export function parseIntegerSetting(text: string, { name, min, max, unit }: IntegerSetting): number {
  const digits = text.trim();
  const value = /^\d{1,15}$/.test(digits) ? Number(digits) : Number.NaN;
  if (!(value >= min && value <= max)) {
    throw new Error(
      `${name} must be a whole number${unit ? ` of ${unit}` : ''} from ${min} to ${max}, not ${JSON.stringify(text)}`,
    );
  }
  return value;
}

/**
 * The environment variable `setting.name` as `parseIntegerSetting` reads it; `undefined` when it is
 * unset or empty (`PORT=` is how env files and compose files leave a variable unset), so the caller
 * applies its default. A value of spaces is not empty: it is refused.
 */
export function integerSettingFromEnv(env: NodeJS.ProcessEnv, setting: IntegerSetting): number | undefined {
  const text = env[setting.name];
  return text === undefined || text === '' ? undefined : parseIntegerSetting(text, setting);
}
