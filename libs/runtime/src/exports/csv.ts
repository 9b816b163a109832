/**
 * CSV that spreadsheet programs open correctly. Danish Excel expects ';' between fields and a
 * decimal comma; the UTF-8 byte-order mark makes it read æ, ø and å right.
 */
export interface CsvOptions {
  readonly separator: ',' | ';';
  readonly decimalComma: boolean;
  readonly bom: boolean;
}

export const danishExcel: CsvOptions = { separator: ';', decimalComma: true, bom: true };
export const plainCsv: CsvOptions = { separator: ',', decimalComma: false, bom: true };

const field = (value: unknown, options: CsvOptions): string => {
  if (value === null || value === undefined) return '';
  const text =
    typeof value === 'number'
      ? options.decimalComma
        ? String(value).replace('.', ',')
        : String(value)
      : typeof value === 'object'
        ? JSON.stringify(value)
        : String(value);
  const needsQuotes = text.includes(options.separator) || /["\r\n]/.test(text) || text !== text.trim();
  return needsQuotes ? `"${text.replace(/"/g, '""')}"` : text;
};

export const csvLine = (values: readonly unknown[], options: CsvOptions): string =>
  values.map((value) => field(value, options)).join(options.separator) + '\r\n';

export const toCsv = (columns: readonly string[], rows: readonly (readonly unknown[])[], options: CsvOptions): string =>
  (options.bom ? '\uFEFF' : '') + csvLine(columns, options) + rows.map((row) => csvLine(row, options)).join('');
