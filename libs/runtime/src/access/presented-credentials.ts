import type { IncomingHttpHeaders } from 'node:http';

/** The credentials a request presents: an API key in `X-Api-Key`, and a bearer token (an API key or a person's JWT). */
export const presentedCredentials = (headers: IncomingHttpHeaders): { apiKey?: string; bearer?: string } => {
  const apiKey = headers['x-api-key'];
  const authorization = headers.authorization;
  return { apiKey: typeof apiKey === 'string' ? apiKey : undefined, bearer: authorization?.startsWith('Bearer ') ? authorization.slice(7).trim() : undefined };
};
