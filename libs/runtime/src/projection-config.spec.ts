import { ConfigError, loadConfig } from './config';

describe('loadConfig: the projection lease and retries', () => {
  it('given nothing, when loaded, then the lease lasts 10 s, is renewed every 2.5 s, and store errors are retried from 0.5 s up to 30 s, failures every minute', () => {
    expect(loadConfig({}).projection).toEqual({ leaseTtlMs: 10_000, leaseRenewMs: 2_500, retryMs: 500, retryMaxMs: 30_000, failedRetryMs: 60_000 });
  });

  it('given only a ttl, when loaded, then the lease is renewed four times per ttl', () => {
    expect(loadConfig({ PROJECTION_LEASE_TTL_MS: '2000' }).projection).toMatchObject({ leaseTtlMs: 2_000, leaseRenewMs: 500 });
  });

  it('given a renewal of half the ttl or more, when loaded, then it stops naming both settings', () => {
    expect(() => loadConfig({ PROJECTION_LEASE_TTL_MS: '10000', PROJECTION_LEASE_RENEW_MS: '5000' })).toThrow(
      new ConfigError('PROJECTION_LEASE_RENEW_MS must be below half of PROJECTION_LEASE_TTL_MS (10000), got "5000"'),
    );
  });
});
