export const HOME_BUDGET_BYTES: number;
export interface BudgetReport {
  homeBytes: number;
  homeHasTfjs: boolean;
  lessons: { route: string; extra: number; total: number; widgets: string[] }[];
}
export function measureBudget(distDir: string): BudgetReport;
