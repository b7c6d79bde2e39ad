// The one table the scale benchmark prints.

export const BENCH_ADMIN_EMAIL = 'admin@example.com';
export const BENCH_ADMIN_PASSWORD = 'bench-admin-pass';

export interface Row {
  measure: string;
  value: string;
  target: string;
  /** value ÷ target, oriented so that ≤ 1 meets the target; null where none is defined. */
  ratio: number | null;
  /** The 1-minute load average when the figure was taken (2 shared cores). */
  load: string;
}

export function printTable(rows: Row[]): void {
  const cells = rows.map((row) => [
    row.measure,
    row.value,
    row.target,
    row.ratio === null ? '–' : `${row.ratio.toFixed(2)} ${row.ratio <= 1 ? 'met' : 'MISSED'}`,
    row.load,
  ]);
  const header = ['measure', 'value', 'target', 'ratio', 'load'];
  console.log(`\n| ${header.join(' | ')} |`);
  console.log(`|${header.map(() => '---').join('|')}|`);
  for (const cell of cells) console.log(`| ${cell.join(' | ')} |`);
}
