import type { NextFunction, Request, Response } from 'express';
import { Metrics } from './metrics';

/**
 * Times every request, refused ones (401, 413, 429 …) included, labelled by its route template:
 * never the raw path, whose ids would make a series per record.
 */
export const requestMetrics = (metrics: Metrics) => (request: Request, response: Response, next: NextFunction) => {
  const stop = metrics.requests.startTimer();
  response.once('finish', () =>
    stop({ method: request.method, route: (request.route as { path?: string } | undefined)?.path ?? 'unmatched', status: String(response.statusCode) }),
  );
  next();
};
