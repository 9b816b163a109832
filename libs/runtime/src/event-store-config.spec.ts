import { ConfigError, loadConfig } from './config';

describe('loadConfig: the event store', () => {
  it('given nothing, when loaded, then the events are kept in the embedded SQLite store', () => {
    expect(loadConfig({})).toMatchObject({ eventStore: 'sqlite', kurrentdbUrl: undefined });
  });

  it('given KURRENTDB_URL alone, when loaded, then the store is still SQLite: KurrentDB is chosen with EVENT_STORE only', () => {
    expect(loadConfig({ KURRENTDB_URL: 'kurrentdb://localhost:2113?tls=false' }).eventStore).toBe('sqlite');
  });

  it('given EVENT_STORE=kurrentdb and a connection string, when loaded, then both are kept', () => {
    const url = 'kurrentdb+discover://admin:changeit@cluster.internal:2113?nodePreference=leader';
    expect(loadConfig({ EVENT_STORE: 'kurrentdb', KURRENTDB_URL: url })).toMatchObject({ eventStore: 'kurrentdb', kurrentdbUrl: url });
  });

  it('given EVENT_STORE=kurrentdb without KURRENTDB_URL, when loaded, then it stops naming the missing setting', () => {
    expect(() => loadConfig({ EVENT_STORE: 'kurrentdb' })).toThrow(
      new ConfigError('EVENT_STORE=kurrentdb needs KURRENTDB_URL, a connection string such as kurrentdb://localhost:2113?tls=false'),
    );
  });

  it.each([
    ['http://admin:changeit@localhost:2113', 'http://***@localhost:2113', /expected kurrentdb:\/\//],
    ['kurrentdb://localhost:2113?tls=maybe', 'kurrentdb://localhost:2113?tls=maybe', /expected true or false/],
  ])('given KURRENTDB_URL=%s, when loaded, then it stops naming the setting, the problem and the value without its password', (url, shown, problem) => {
    expect(() => loadConfig({ EVENT_STORE: 'kurrentdb', KURRENTDB_URL: url })).toThrow(ConfigError);
    expect(() => loadConfig({ EVENT_STORE: 'kurrentdb', KURRENTDB_URL: url })).toThrow(problem);
    expect(() => loadConfig({ EVENT_STORE: 'kurrentdb', KURRENTDB_URL: url })).toThrow(`got "${shown}"`);
  });

  it('given an unknown EVENT_STORE, when loaded, then it stops naming the choices', () => {
    expect(() => loadConfig({ EVENT_STORE: 'postgres' })).toThrow(new ConfigError('EVENT_STORE must be one of sqlite, kurrentdb, got "postgres"'));
  });
});
