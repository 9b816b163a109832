import { ConfigError, loadConfig } from './config';

describe('loadConfig', () => {
  describe('given no MIN_CELL_SIZE', () => {
    it('when the configuration is loaded, then groups of fewer than 5 are withheld', () => {
      expect(loadConfig({}).minCellSize).toBe(5);
    });
  });

  describe('given MIN_CELL_SIZE=3 (as Statistics Denmark)', () => {
    it('when the configuration is loaded, then the threshold is 3', () => {
      expect(loadConfig({ MIN_CELL_SIZE: '3' }).minCellSize).toBe(3);
    });
  });

  describe.each(['1', '0', '2.5', 'five', '101'])('given MIN_CELL_SIZE=%s', (raw) => {
    it('when the configuration is loaded, then it stops with a message naming the setting and its range', () => {
      expect(() => loadConfig({ MIN_CELL_SIZE: raw })).toThrow(new ConfigError(`MIN_CELL_SIZE must be an integer from 2 to 100, got "${raw}"`));
    });
  });
});

describe('loadConfig: HTTP settings', () => {
  it('given nothing, when loaded, then the api binds to loopback, allows no origin and bounds bodies to 1 MB and read waits to 5 s', () => {
    expect(loadConfig({})).toMatchObject({ host: '127.0.0.1', http: { corsOrigins: [], maxBodyBytes: 1_048_576, maxReadWaitMs: 5000, rateLimit: 6000 } });
  });

  it.each(['0.0.0.0', '::', 'api.internal'])('given HOST=%s, when loaded, then the api binds there', (host) => {
    expect(loadConfig({ HOST: host }).host).toBe(host);
  });

  it.each(['http://0.0.0.0', '0.0.0.0:3000', 'a b'])('given HOST=%s, when loaded, then it stops naming the setting', (host) => {
    expect(() => loadConfig({ HOST: host })).toThrow(new ConfigError(`HOST must be an IP address or a host name, got "${host}"`));
  });

  it('given CORS_ORIGINS, when loaded, then each origin is kept as a browser sends it', () => {
    expect(loadConfig({ CORS_ORIGINS: 'https://a.example.org, http://localhost:5173' }).http.corsOrigins).toEqual(['https://a.example.org', 'http://localhost:5173']);
  });

  it.each(['*', 'https://a.example.org/', 'https://a.example.org/path', 'ftp://a.example.org'])('given CORS_ORIGINS=%s, when loaded, then it stops naming the setting', (origin) => {
    expect(() => loadConfig({ CORS_ORIGINS: origin })).toThrow(ConfigError);
  });
});

describe('loadConfig: anchors', () => {
  it('given nothing, when loaded, then no anchor is published and the interval is an hour', () => {
    expect(loadConfig({}).anchors).toEqual({ file: undefined, webhookUrl: undefined, intervalMs: 3_600_000 });
  });

  it('given ANCHOR_FILE relative, when loaded, then it is resolved from the working directory', () => {
    expect(loadConfig({ ANCHOR_FILE: 'anchors.txt' }).anchors.file).toBe(`${process.cwd()}/anchors.txt`);
  });

  it.each(['ftp://witness.example.org', 'not a url'])('given ANCHOR_WEBHOOK_URL=%s, when loaded, then it stops naming the setting without echoing it', (url) => {
    expect(() => loadConfig({ ANCHOR_WEBHOOK_URL: url })).toThrow(new ConfigError('ANCHOR_WEBHOOK_URL must be an http or https URL'));
  });

  it('given ANCHOR_INTERVAL_MS below a second, when loaded, then it stops naming the setting and its range', () => {
    expect(() => loadConfig({ ANCHOR_INTERVAL_MS: '10' })).toThrow(new ConfigError('ANCHOR_INTERVAL_MS must be an integer from 1000 to 86400000, got "10"'));
  });
});
