/** A one-line progress bar on a terminal; plain lines when output is not a terminal. */
export const renderProgress = (percent: number, detail: string): string => {
  const width = 30;
  const filled = Math.round((Math.max(0, Math.min(100, percent)) / 100) * width);
  return `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${percent.toFixed(1).padStart(5)} % ${detail}`;
};

export const writeProgress = (line: string) => {
  if (process.stdout.isTTY) process.stdout.write(`\r${line}\u001b[K`);
  else console.log(line);
};

export const formatDuration = (seconds: number | null): string => {
  if (seconds === null || !Number.isFinite(seconds)) return '?';
  if (seconds < 60) return `${Math.ceil(seconds)} s`;
  return `${Math.floor(seconds / 60)} min ${Math.ceil(seconds % 60)} s`;
};
