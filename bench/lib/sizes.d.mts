export const BUDGETS: Record<string, unknown> & { unit?: number };
export const kb: (bytes: number) => string;
export function judgeBudget(bytes: number, budgetKb: number, ceilingKb?: number): 'ok' | 'over' | 'fail' | 'ceiling-left';
export function measureSizes(options?: { staticOnly?: boolean; browser?: unknown; server?: unknown }): Promise<{
  rows: { check: string; measured: string; budget: string; status: 'ok' | 'OVER' | 'FAIL' | 'info'; note?: string }[];
  failures: string[];
  pages: Record<string, unknown>;
  files: Map<string, unknown>;
}>;
export function printTable(rows: readonly Record<string, unknown>[], columns: readonly (readonly string[])[]): void;
