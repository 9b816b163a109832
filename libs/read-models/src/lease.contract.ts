import { setTimeout as sleep } from 'node:timers/promises';
import { LeaseNotHeldError, LeaseStore } from './lease';
import type { DocumentChange, ReadModelStore } from './read-model-store.port';

let sequence = 0;
/** Lease and collection names unique per test, so adapters can share one server or file across suites. */
const unique = (label: string): string => `l${Date.now().toString(36)}_${process.pid}_${++sequence}_${label}`;

/** Short enough to wait out in a test, long enough for a slow store to answer well within it. */
const TTL_MS = 600;

const put = (collection: string, id: string, position: number): DocumentChange => ({ collection, id, doc: { id }, position });

/**
 * The behaviour every LeaseStore adapter must share: compare-and-set on acquire, renew and
 * release, expiry on the store's clock, and commits fenced by a tenure of the lease. Each
 * adapter's integration spec runs it against a real store.
 */
export const describeLeaseStoreContract = (name: string, create: () => Promise<ReadModelStore & LeaseStore>): void => {
  describe(`${name} (LeaseStore contract)`, () => {
    let store: ReadModelStore & LeaseStore;

    beforeAll(async () => {
      store = await create();
    });

    afterAll(async () => {
      if (store) await store.close();
    });

    it('gives a free lease to the first holder and refuses a second while it lasts', async () => {
      const lease = unique('free');
      const first = await store.acquireLease(lease, 'a', TTL_MS);
      expect(first).toEqual({ name: lease, holder: 'a', epoch: 1 });
      await expect(store.acquireLease(lease, 'b', TTL_MS)).resolves.toBeNull();
      const state = await store.readLease(lease);
      expect(state).toMatchObject({ holder: 'a', epoch: 1 });
      expect(Date.parse(state!.expiresAt)).toBeGreaterThan(Date.now());
      await expect(store.readLease(unique('never'))).resolves.toBeNull();
    });

    it('keeps a renewed lease past its first expiry, and lets another holder take it once it runs out', async () => {
      const lease = unique('expiry');
      const first = (await store.acquireLease(lease, 'a', TTL_MS))!;
      await sleep(TTL_MS * 0.6);
      await expect(store.renewLease(first, TTL_MS)).resolves.toBe(true);
      await sleep(TTL_MS * 0.6);
      await expect(store.acquireLease(lease, 'b', TTL_MS)).resolves.toBeNull();

      await sleep(TTL_MS * 0.6);
      const second = await store.acquireLease(lease, 'b', TTL_MS);
      expect(second).toEqual({ name: lease, holder: 'b', epoch: 2 });
      // The first tenure is over: it can neither renew nor release the lease.
      await expect(store.renewLease(first, TTL_MS)).resolves.toBe(false);
      await store.releaseLease(first);
      await expect(store.readLease(lease)).resolves.toMatchObject({ holder: 'b', epoch: 2 });
    });

    it('lets a released lease be taken at once', async () => {
      const lease = unique('release');
      const first = (await store.acquireLease(lease, 'a', 60_000))!;
      await store.releaseLease(first);
      await expect(store.acquireLease(lease, 'b', 60_000)).resolves.toEqual({ name: lease, holder: 'b', epoch: 2 });
    });

    it('gives the lease to exactly one of many holders asking at once', async () => {
      const lease = unique('race');
      const holders = Array.from({ length: 10 }, (_, i) => `h${i}`);
      const results = await Promise.all(holders.map((holder) => store.acquireLease(lease, holder, 60_000)));
      const winners = results.filter((result) => result !== null);
      expect(winners).toHaveLength(1);
      await expect(store.readLease(lease)).resolves.toMatchObject({ holder: winners[0]!.holder, epoch: 1 });
    });

    it('applies a fenced commit while the tenure lasts, and refuses one of an earlier tenure, writing none of it', async () => {
      const lease = unique('fence');
      const collection = unique('fenced');
      const first = (await store.acquireLease(lease, 'a', 60_000))!;
      await store.commit([put(collection, 'x', 1)], first);
      await expect(store.get(collection, 'x')).resolves.toMatchObject({ position: 1 });

      // The same holder taking the lease again starts a new tenure: the old one's writes are refused too.
      const again = (await store.acquireLease(lease, 'a', 60_000))!;
      expect(again.epoch).toBe(first.epoch + 1);
      await expect(store.commit([put(collection, 'x', 2), put(collection, 'y', 2)], first)).rejects.toBeInstanceOf(LeaseNotHeldError);
      await expect(store.get(collection, 'x')).resolves.toMatchObject({ position: 1 });
      await expect(store.get(collection, 'y')).resolves.toBeNull();

      await store.releaseLease(again);
      const other = (await store.acquireLease(lease, 'b', 60_000))!;
      await expect(store.commit([put(collection, 'y', 3)], again)).rejects.toBeInstanceOf(LeaseNotHeldError);
      await store.commit([put(collection, 'y', 3)], other);
      await expect(store.get(collection, 'y')).resolves.toMatchObject({ position: 3 });
    });
  });
};
