import { STATUS_CODES, Server } from 'node:http';
import type { Socket } from 'node:net';
import { PROBLEM_JSON, problemDocument } from './error.filter';

/** Node's own refusals by error code; anything else its parser refuses is not valid HTTP. */
const REFUSALS: Record<string, [number, string]> = {
  HPE_HEADER_OVERFLOW: [431, 'the request line and headers are larger than the server accepts'],
  ERR_HTTP_REQUEST_TIMEOUT: [408, 'the request did not arrive in time'],
};
const NOT_HTTP: [number, string] = [400, 'the request is not valid HTTP/1.1'];

/**
 * Answers what Node's HTTP parser refuses before Nest sees a request (a line break or NUL in a
 * header, request smuggling, a broken chunk) as a problem document too, in place of Node's bare
 * status line; the connection closes, as it must after a request that could not be framed.
 */
export const answerClientErrors = (server: Server) =>
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Socket) => {
    if (!socket.writable || error.code === 'ECONNRESET') return void socket.destroy();
    const [statusCode, message] = REFUSALS[error.code ?? ''] ?? NOT_HTTP;
    const document = problemDocument({ statusCode, message: [message], errors: [{ field: null, rule: 'isHttp', message }] }, '/');
    const body = JSON.stringify(document);
    socket.end(`HTTP/1.1 ${statusCode} ${STATUS_CODES[statusCode]}\r\nContent-Type: ${PROBLEM_JSON}; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`);
  });
