/** One measured figure, written as a row of docs/benchmarks.md. */
export interface BenchResult {
  readonly suite: string;
  readonly name: string;
  readonly value: number;
  readonly unit: string;
  /** The target in the same unit, and whether higher or lower is better. */
  readonly target?: { readonly value: number; readonly better: 'higher' | 'lower' };
  readonly notes?: string;
}
