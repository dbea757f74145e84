// Small statistics and plain-text table helpers, so the report reads well in a terminal and a CI log.

export function median(values) {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** Nearest-rank percentile of an already sorted array (p in 0..100). */
export function percentile(sorted, p) {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

export function fixed(value, digits = 1) {
  return Number.isFinite(value) ? value.toFixed(digits) : '—';
}

export function integer(value) {
  return Number.isFinite(value) ? Math.round(value).toLocaleString('en-US') : '—';
}

export function percent(ratio) {
  return Number.isFinite(ratio) ? `${Math.round(ratio * 100)} %` : '—';
}

export function megabytes(kilobytes) {
  return Number.isFinite(kilobytes) ? `${(kilobytes / 1024).toFixed(1)} MB` : '—';
}

/**
 * Renders rows as an aligned table. Columns whose header starts with '>' are right-aligned
 * (numbers); the marker is not printed.
 */
export function table(headers, rows) {
  const right = headers.map((header) => header.startsWith('>'));
  const titles = headers.map((header) => header.replace(/^>/, ''));
  const cells = rows.map((row) => row.map((cell) => String(cell ?? '')));
  const widths = titles.map((title, i) => Math.max(title.length, ...cells.map((row) => row[i].length)));
  const line = (row) =>
    `  ${row.map((cell, i) => (right[i] ? cell.padStart(widths[i]) : cell.padEnd(widths[i]))).join('  ')}`.trimEnd();
  return [line(titles), line(widths.map((width) => '-'.repeat(width))), ...cells.map(line)].join('\n');
}
