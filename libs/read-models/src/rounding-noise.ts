/** Sums of fractional figures (hours) added and taken away leave noise far below any real value. */
const EPSILON = 1e-9;

/** A sum with rounding noise set to zero. */
export const settled = (value: number): number => (Math.abs(value) > EPSILON ? value : 0);

/** Sums with rounding noise set to zero. */
export const withoutNoise = (sums: Readonly<Record<string, number>>): Record<string, number> =>
  Object.fromEntries(Object.entries(sums).map(([name, value]) => [name, settled(value)]));
