import { Agent, IncomingHttpHeaders, request } from 'node:http';
import { AddressInfo, connect } from 'node:net';
import { TestApp } from '../../../../test/api.harness';

/**
 * Requests supertest cannot send: bytes that are not UTF-8, declared lengths and encodings as
 * given, raw header lines, and clients that stop reading. The test app listens on loopback.
 */
export const listen = async (t: TestApp): Promise<number> => {
  await t.app.listen(0, '127.0.0.1');
  return (t.app.getHttpServer().address() as AddressInfo).port;
};

export interface RawRequest {
  readonly method: string;
  /** Sent as given: percent-encode what the HTTP client would refuse. */
  readonly path: string;
  readonly headers?: Record<string, string>;
  readonly body?: Buffer | string;
}

export interface RawResponse {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  readonly text: string;
}

/** One request over `agent` (keep-alive in the hostile suite); the answer is read in full. */
export const send = (port: number, { method, path, headers = {}, body }: RawRequest, agent?: Agent): Promise<RawResponse> =>
  new Promise((resolve, reject) => {
    const bytes = body === undefined ? undefined : Buffer.isBuffer(body) ? body : Buffer.from(body);
    const outgoing = request({ host: '127.0.0.1', port, method, path, agent, headers: { ...headers, ...(bytes ? { 'content-length': String(bytes.length) } : {}) } }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode!, headers: response.headers, text: Buffer.concat(chunks).toString('utf8') }));
      response.on('error', reject);
    });
    outgoing.on('error', reject);
    outgoing.end(bytes);
  });

/**
 * Bytes written to a fresh connection as they are, for header lines no HTTP client would send;
 * resolves with the first answer's status (0 for none) and everything the server sent, also when
 * it resets the connection.
 */
export const sendBytes = (port: number, bytes: Buffer | string): Promise<{ status: number; text: string }> =>
  new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1', () => socket.end(bytes));
    let text = '';
    socket.on('data', (chunk) => (text += chunk.toString('latin1')));
    socket.on('error', () => undefined);
    socket.on('close', () => resolve({ status: Number(/^HTTP\/1\.1 (\d{3})/.exec(text)?.[1] ?? 0), text }));
  });

export const json = (response: RawResponse) => JSON.parse(response.text);
