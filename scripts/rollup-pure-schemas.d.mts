export function markZodCallsPure(code: string): string;
export function pureSchemas(): import('rollup').Plugin;
