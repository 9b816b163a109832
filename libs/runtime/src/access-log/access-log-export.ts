import { CsvOptions, csvLine } from '../exports/csv';
import { LoggedAccess } from './access-log';

export const ACCESS_LOG_COLUMNS = ['id', 'at', 'principalSubject', 'principalName', 'role', 'action', 'method', 'route', 'target', 'query', 'status', 'correlationId'] as const;

export const accessLogCsvLine = (entry: LoggedAccess, options: CsvOptions): string =>
  csvLine(ACCESS_LOG_COLUMNS.map((column) => entry[column]), { ...options, decimalComma: false });

export const accessLogNdjsonLine = (entry: LoggedAccess): string => JSON.stringify(entry) + '\n';
