import { ApiKeyStore } from './api-key-store';
import { ensureFirstAdminKey } from './first-admin-key';

/**
 * What every API-key store does; each adapter runs it against a real store. `newPlace` names an
 * empty store (a file, a database) and `open` opens a connection to one, as several processes do.
 */
export const describeApiKeyStoreContract = (name: string, newPlace: () => string, open: (place: string) => Promise<ApiKeyStore>) =>
  describe(`${name} (API-key store contract)`, () => {
    const opened: ApiKeyStore[] = [];
    const connect = async (place: string) => {
      const store = await open(place);
      opened.push(store);
      return store;
    };
    afterEach(async () => {
      await Promise.all(opened.splice(0).map((store) => store.close()));
    });

    it('verifies a created key as its principal, and no other key', async () => {
      const store = await connect(newPlace());
      const created = await store.create({ name: 'registration-form', roles: ['recorder'], mayActOnBehalf: true });
      expect(created.key).toMatch(/^toc_[\w-]{43}$/);
      expect(await store.verify(created.key)).toEqual({ subject: `key:${created.id}`, kind: 'api-key', name: 'registration-form', roles: ['recorder'], mayActOnBehalf: true });
      expect(await store.verify(`${created.key}x`)).toBeNull();
    });

    it('stops verifying a revoked key at once, also for another connection, and keeps it listed without its secret', async () => {
      const place = newPlace();
      const [service, operator] = [await connect(place), await connect(place)];
      const created = await service.create({ name: 'survey-tool', roles: ['recorder'] });
      expect(await operator.verify(created.key)).not.toBeNull();
      expect(await operator.revoke(created.id, new Date('2011-06-30T12:00:00Z'))).toBe(true);
      expect(await service.verify(created.key)).toBeNull();
      expect(await service.revoke(created.id)).toBe(false);
      expect(await service.revoke('no-such-key')).toBe(false);
      expect(await service.list()).toEqual([{ id: created.id, name: 'survey-tool', roles: ['recorder'], mayActOnBehalf: false, createdAt: created.createdAt, revokedAt: '2011-06-30T12:00:00.000Z' }]);
      expect(JSON.stringify(await service.list())).not.toContain(created.key);
    });

    it('lists keys oldest first', async () => {
      const store = await connect(newPlace());
      await store.create({ name: 'second', roles: ['evaluator'] }, new Date('2011-02-01T00:00:00Z'));
      await store.create({ name: 'first', roles: ['monitor'] }, new Date('2011-01-01T00:00:00Z'));
      expect((await store.list()).map((key) => key.name)).toEqual(['first', 'second']);
    });

    it('gives a new installation one generated admin key to show once, and none once any key exists', async () => {
      const store = await connect(newPlace());
      expect(await store.isEmpty()).toBe(true);
      const first = await ensureFirstAdminKey(store);
      expect(await store.verify(first!.key)).toMatchObject({ roles: ['admin'] });
      expect(await ensureFirstAdminKey(store)).toBeUndefined();
      expect(await store.list()).toHaveLength(1);
    });

    it("seeds the operator's own admin key instead, showing nothing", async () => {
      const store = await connect(newPlace());
      const seeded = 'k'.repeat(40);
      expect(await ensureFirstAdminKey(store, seeded)).toBeUndefined();
      expect(await store.verify(seeded)).toMatchObject({ name: 'seeded admin', roles: ['admin'] });
    });
  });
