import { once } from 'node:events';
import { IncomingMessage, Server, ServerResponse, createServer } from 'node:http';
import { AddressInfo } from 'node:net';
import { messageOf } from '@toc/domain';
import { Runtime, ServiceMetrics, eventStoreReadiness, presentedCredentials, probe, projectionReadiness } from '@toc/runtime';

const json = (response: ServerResponse, status: number, body: unknown) => {
  response.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
  response.end(JSON.stringify(body));
};

/**
 * What a platform asks the projector process, on PROJECTOR_PORT: `/health/live` (200 while the
 * process answers), `/health/ready` (503 naming the cause while the event store is damaged or
 * unreadable, or the projection failed or is retrying after a store outage; a standby that does
 * not hold the lease is ready, and catching up is the projector's work, not a fault) and
 * `/metrics` (the service's Prometheus metrics, for an API key with the monitor or admin role).
 */
export const startHealthServer = async (runtime: Runtime): Promise<Server> => {
  const metrics = new ServiceMetrics(runtime.events, runtime.projector);
  // Shaped as the api's /health/ready answers (Terminus): each check's status with its figures or its message.
  const ready = async () => {
    const [eventStore, projection] = await Promise.all([probe(() => eventStoreReadiness(runtime.events)), probe(() => projectionReadiness(runtime.projector))]);
    const checks = { eventStore, projection };
    const details = Object.fromEntries(Object.entries(checks).map(([key, check]) => [key, check.up ? { status: 'up', ...check.details } : { status: 'down', message: check.message }]));
    const down = Object.entries(checks).flatMap(([key, check]) => (check.up ? [] : [`${key}: ${check.message}`]));
    return down.length === 0 ? { status: 200, body: { status: 'ok', details } } : { status: 503, body: { status: 'error', message: down, details } };
  };
  const routes: Record<string, (request: IncomingMessage, response: ServerResponse) => Promise<void>> = {
    '/health/live': async (_, response) => json(response, 200, { status: 'ok' }),
    '/health/ready': async (_, response) => {
      const { status, body } = await ready();
      json(response, status, body);
    },
    '/metrics': async (request, response) => {
      const { apiKey, bearer } = presentedCredentials(request.headers);
      const key = apiKey ?? bearer;
      const principal = key === undefined ? null : await runtime.keys.verify(key);
      if (!principal) {
        response.setHeader('WWW-Authenticate', 'ApiKey header="X-Api-Key"');
        return json(response, 401, { statusCode: 401, message: ['credentials are missing or not valid: send X-Api-Key'] });
      }
      if (!principal.roles.some((role) => role === 'monitor' || role === 'admin')) return json(response, 403, { statusCode: 403, message: ['this needs the role monitor or admin'] });
      // Scraped before anything is sent, so that a store that cannot be read gets its 500.
      const scraped = await metrics.scrape();
      response.writeHead(200, { 'Content-Type': metrics.registry.contentType });
      response.end(scraped);
    },
  };
  const server = createServer((request, response) => {
    const route = request.method === 'GET' ? routes[new URL(request.url ?? '/', 'http://projector').pathname] : undefined;
    if (!route) return json(response, 404, { statusCode: 404, message: ['the projector answers GET /health/live, /health/ready and /metrics'] });
    route(request, response).catch((error: unknown) => {
      if (response.headersSent) response.destroy();
      else json(response, 500, { statusCode: 500, message: [messageOf(error)] });
    });
  });
  server.listen(runtime.config.projectorPort, runtime.config.host);
  await once(server, 'listening');
  return server;
};

/** The port a started server listens on (PROJECTOR_PORT=0 picks a free one). */
export const portOf = (server: Server): number => (server.address() as AddressInfo).port;
