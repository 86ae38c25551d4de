/** One measured figure. `ok` says whether the goal was met (undefined: no goal or not measured). */
export interface BenchResult {
  name: string;
  value: number;
  unit: string;
  goal?: string;
  ok?: boolean;
  note?: string;
}

export type Bench = () => Promise<BenchResult[]>;
