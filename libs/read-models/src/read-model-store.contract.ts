import type { Document, DocumentChange, ReadModelStore, StoredDocument } from './read-model-store.port';

let sequence = 0;
/** Collection names unique per test, so adapters can share one server or file across suites. */
const uniqueCollection = (label: string): string => `c${Date.now().toString(36)}_${process.pid}_${++sequence}_${label}`;

const put = (collection: string, doc: Document, position: number): DocumentChange => ({
  collection,
  id: doc.id,
  doc,
  position,
});
const remove = (collection: string, id: string, position: number): DocumentChange => ({
  collection,
  id,
  doc: null,
  position,
});

const ids = (found: StoredDocument[]): string[] => found.map((stored) => stored.doc.id);

/**
 * The behaviour every ReadModelStore adapter must share. Each adapter's integration spec runs it
 * against a real store.
 */
export const describeReadModelStoreContract = (
  name: string,
  create: () => Promise<ReadModelStore>,
  dispose: (store: ReadModelStore) => Promise<void> = (store) => store.close(),
): void => {
  describe(`${name} (ReadModelStore contract)`, () => {
    let store: ReadModelStore;

    beforeAll(async () => {
      store = await create();
    });

    afterAll(async () => {
      if (store) await dispose(store);
    });

    describe('reads of what is not there', () => {
      it('reads a collection that was never written as empty', async () => {
        const collection = uniqueCollection('never');
        await expect(store.get(collection, 'a')).resolves.toBeNull();
        await expect(store.getMany(collection, ['a', 'b'])).resolves.toEqual(new Map());
        await expect(store.find(collection)).resolves.toEqual([]);
        await expect(store.find(collection, { where: { kind: 'x' }, limit: 1 })).resolves.toEqual([]);
      });

      it('returns null and leaves out ids that are missing from an existing collection', async () => {
        const collection = uniqueCollection('missing');
        await store.commit([put(collection, { id: 'present', n: 1 }, 1)]);
        await expect(store.get(collection, 'absent')).resolves.toBeNull();
        const found = await store.getMany(collection, ['absent', 'present', 'also-absent']);
        expect([...found.keys()]).toEqual(['present']);
        await expect(store.getMany(collection, [])).resolves.toEqual(new Map());
      });
    });

    describe('commit', () => {
      it('inserts, updates and deletes, returning each document with its position', async () => {
        const collection = uniqueCollection('crud');
        const doc = { id: 'a', title: 'First', tags: ['x', 'y'], nested: { deep: [1, { z: null }] }, text: 'ünïcødé ✓' };
        await store.commit([put(collection, doc, 3)]);
        await expect(store.get(collection, 'a')).resolves.toEqual({ doc, position: 3 });

        await store.commit([put(collection, { id: 'a', title: 'Second' }, 7)]);
        await expect(store.get(collection, 'a')).resolves.toEqual({ doc: { id: 'a', title: 'Second' }, position: 7 });

        await store.commit([remove(collection, 'a', 8)]);
        await expect(store.get(collection, 'a')).resolves.toBeNull();
        await expect(store.find(collection)).resolves.toEqual([]);
      });

      it('writes to several collections in one commit', async () => {
        const first = uniqueCollection('multi_a');
        const second = uniqueCollection('multi_b');
        await store.commit([put(first, { id: '1', v: 'a' }, 1), put(second, { id: '1', v: 'b' }, 1)]);
        await expect(store.get(first, '1')).resolves.toEqual({ doc: { id: '1', v: 'a' }, position: 1 });
        await expect(store.get(second, '1')).resolves.toEqual({ doc: { id: '1', v: 'b' }, position: 1 });
      });

      it('reads back plain JSON, as it would after serialisation', async () => {
        const collection = uniqueCollection('json');
        const at = new Date('2024-05-06T07:08:09.000Z');
        await store.commit([put(collection, { id: 'a', at, gone: undefined, zero: 0, no: false }, 1)]);
        const stored = await store.get(collection, 'a');
        expect(stored?.doc).toStrictEqual({ id: 'a', at: '2024-05-06T07:08:09.000Z', zero: 0, no: false });
      });

      it('applies changes to one id in order within a commit', async () => {
        const collection = uniqueCollection('order');
        await store.commit([
          put(collection, { id: 'a', v: 1 }, 1),
          put(collection, { id: 'a', v: 2 }, 2),
          put(collection, { id: 'b', v: 1 }, 3),
          remove(collection, 'b', 4),
          put(collection, { id: 'c', v: 9 }, 9),
          put(collection, { id: 'c', v: 5 }, 5),
        ]);
        await expect(store.get(collection, 'a')).resolves.toEqual({ doc: { id: 'a', v: 2 }, position: 2 });
        await expect(store.get(collection, 'b')).resolves.toBeNull();
        await expect(store.get(collection, 'c')).resolves.toEqual({ doc: { id: 'c', v: 9 }, position: 9 });

        // A delete and a re-insert of a stored document in one commit leave the re-inserted one.
        await store.commit([remove(collection, 'a', 10), put(collection, { id: 'a', v: 3 }, 11)]);
        await expect(store.get(collection, 'a')).resolves.toEqual({ doc: { id: 'a', v: 3 }, position: 11 });
      });

      it('accepts an empty commit', async () => {
        await expect(store.commit([])).resolves.toBeUndefined();
      });
    });

    describe('position guard', () => {
      it('ignores an update at an older or equal position and applies a newer one', async () => {
        const collection = uniqueCollection('guard_put');
        await store.commit([put(collection, { id: 'a', v: 'ten' }, 10)]);

        await store.commit([put(collection, { id: 'a', v: 'five' }, 5)]);
        await store.commit([put(collection, { id: 'a', v: 'ten again' }, 10)]);
        await expect(store.get(collection, 'a')).resolves.toEqual({ doc: { id: 'a', v: 'ten' }, position: 10 });

        await store.commit([put(collection, { id: 'a', v: 'eleven' }, 11)]);
        await expect(store.get(collection, 'a')).resolves.toEqual({ doc: { id: 'a', v: 'eleven' }, position: 11 });
      });

      it('ignores a delete at an older or equal position and applies a newer one', async () => {
        const collection = uniqueCollection('guard_delete');
        await store.commit([put(collection, { id: 'a' }, 10)]);

        await store.commit([remove(collection, 'a', 9)]);
        await store.commit([remove(collection, 'a', 10)]);
        await expect(store.get(collection, 'a')).resolves.toEqual({ doc: { id: 'a' }, position: 10 });

        await store.commit([remove(collection, 'a', 11)]);
        await expect(store.get(collection, 'a')).resolves.toBeNull();
      });

      it('treats a delete of a document that is not there as a no-op', async () => {
        const collection = uniqueCollection('guard_absent');
        await store.commit([remove(collection, 'ghost', 1)]);
        await expect(store.get(collection, 'ghost')).resolves.toBeNull();
      });

      it('leaves the same state when the same batches are applied twice', async () => {
        const collection = uniqueCollection('redelivery');
        const batches: DocumentChange[][] = [
          [put(collection, { id: 'a', v: 1 }, 1), put(collection, { id: 'b', v: 1 }, 2)],
          [put(collection, { id: 'a', v: 2 }, 3), put(collection, { id: 'c', v: 1 }, 4)],
          [remove(collection, 'b', 5), put(collection, { id: 'c', v: 2 }, 6)],
        ];
        for (const batch of batches) await store.commit(batch);
        const once = await store.find(collection);
        expect(once).toEqual([
          { doc: { id: 'a', v: 2 }, position: 3 },
          { doc: { id: 'c', v: 2 }, position: 6 },
        ]);

        // A redelivered batch that overlaps newer state changes none of it.
        await store.commit(batches[1]);
        await expect(store.find(collection)).resolves.toEqual(once);
        // Replaying the whole sequence converges on the same state.
        for (const batch of batches) await store.commit(batch);
        await expect(store.find(collection)).resolves.toEqual(once);
      });
    });

    describe('atomicity', () => {
      const seed = async (collection: string): Promise<void> => {
        await store.commit([put(collection, { id: 'kept', v: 'original' }, 1), put(collection, { id: 'doomed', v: 'original' }, 1)]);
      };
      const expectUntouched = async (collection: string, untouched: string): Promise<void> => {
        await expect(store.find(collection)).resolves.toEqual([
          { doc: { id: 'doomed', v: 'original' }, position: 1 },
          { doc: { id: 'kept', v: 'original' }, position: 1 },
        ]);
        await expect(store.get(untouched, 'new')).resolves.toBeNull();
        await expect(store.listCollections()).resolves.not.toContain(untouched);
      };

      it('writes nothing when a later change names an invalid collection', async () => {
        const collection = uniqueCollection('atomic_name');
        const fresh = uniqueCollection('atomic_name_fresh');
        await seed(collection);
        await expect(
          store.commit([
            put(collection, { id: 'kept', v: 'changed' }, 2),
            remove(collection, 'doomed', 2),
            put(collection, { id: 'added', v: 'new' }, 2),
            put(fresh, { id: 'new' }, 2),
            put('not a valid name!', { id: 'x' }, 2),
          ]),
        ).rejects.toThrow();
        await expectUntouched(collection, fresh);
      });

      it('writes nothing when a later document cannot be serialised', async () => {
        const collection = uniqueCollection('atomic_doc');
        const fresh = uniqueCollection('atomic_doc_fresh');
        const other = uniqueCollection('atomic_doc_other');
        await seed(collection);
        const circular: Record<string, unknown> = { id: 'loop' };
        circular.self = circular;
        await expect(
          store.commit([
            put(collection, { id: 'kept', v: 'changed' }, 2),
            remove(collection, 'doomed', 2),
            put(fresh, { id: 'new' }, 2),
            put(other, { id: 'fine' }, 2),
            put(other, circular as Document, 3),
          ]),
        ).rejects.toThrow();
        await expectUntouched(collection, fresh);
        await expect(store.get(other, 'fine')).resolves.toBeNull();
      });

      it('rejects a change whose document id differs from the change id, writing nothing', async () => {
        const collection = uniqueCollection('atomic_id');
        await expect(
          store.commit([put(collection, { id: 'a' }, 1), { collection, id: 'b', doc: { id: 'c' }, position: 1 }]),
        ).rejects.toThrow(/id/);
        await expect(store.get(collection, 'a')).resolves.toBeNull();
        await expect(store.get(collection, 'b')).resolves.toBeNull();
      });

      it('keeps working after a failed commit', async () => {
        const collection = uniqueCollection('atomic_after');
        await expect(store.commit([put(collection, { id: 'a' }, 1), put('bad-name', { id: 'b' }, 1)])).rejects.toThrow();
        await store.commit([put(collection, { id: 'a', ok: true }, 1)]);
        await expect(store.get(collection, 'a')).resolves.toEqual({ doc: { id: 'a', ok: true }, position: 1 });
      });
    });

    describe('find', () => {
      let collection: string;

      beforeAll(async () => {
        collection = uniqueCollection('find');
        await store.commit([
          put(collection, { id: 'd', kind: 'workshop', seats: 20, open: true, region: null }, 1),
          put(collection, { id: 'b', kind: 'workshop', seats: 12, open: false, region: 'north' }, 2),
          put(collection, { id: 'a', kind: 'seminar', seats: 20, open: true, region: 'south' }, 3),
          put(collection, { id: 'c', kind: 'workshop', seats: 20, open: 1, region: 'north' }, 4),
          put(collection, { id: 'e', kind: '20', seats: '20', open: 'true' }, 5),
        ]);
      });

      it('returns every document ordered by id without options', async () => {
        const all = await store.find(collection);
        expect(ids(all)).toEqual(['a', 'b', 'c', 'd', 'e']);
        expect(all[0]).toEqual({ doc: { id: 'a', kind: 'seminar', seats: 20, open: true, region: 'south' }, position: 3 });
      });

      it('matches a string field', async () => {
        expect(ids(await store.find(collection, { where: { kind: 'workshop' } }))).toEqual(['b', 'c', 'd']);
      });

      it('matches a number field without matching the same digits as a string', async () => {
        expect(ids(await store.find(collection, { where: { seats: 20 } }))).toEqual(['a', 'c', 'd']);
        expect(ids(await store.find(collection, { where: { seats: '20' } }))).toEqual(['e']);
      });

      it('matches a boolean field without matching 1 or "true"', async () => {
        expect(ids(await store.find(collection, { where: { open: true } }))).toEqual(['a', 'd']);
        expect(ids(await store.find(collection, { where: { open: false } }))).toEqual(['b']);
      });

      it('matches null against both null and absent fields', async () => {
        expect(ids(await store.find(collection, { where: { region: null } }))).toEqual(['d', 'e']);
      });

      it('combines several fields', async () => {
        expect(ids(await store.find(collection, { where: { kind: 'workshop', seats: 20, region: 'north' } }))).toEqual(['c']);
        expect(await store.find(collection, { where: { kind: 'seminar', open: false } })).toEqual([]);
      });

      it('matches on id like any other field', async () => {
        expect(ids(await store.find(collection, { where: { id: 'b' } }))).toEqual(['b']);
      });

      it('applies a limit after ordering by id', async () => {
        expect(ids(await store.find(collection, { where: { kind: 'workshop' }, limit: 2 }))).toEqual(['b', 'c']);
        expect(ids(await store.find(collection, { limit: 1 }))).toEqual(['a']);
        expect(await store.find(collection, { limit: 0 })).toEqual([]);
        expect(ids(await store.find(collection, { limit: 50 }))).toHaveLength(5);
      });

      it('rejects field names that are not plain identifiers', async () => {
        await expect(store.find(collection, { where: { 'kind = kind OR 1': 1 } })).rejects.toThrow();
      });
    });

    describe('collections', () => {
      it('lists the collections that have been written', async () => {
        const first = uniqueCollection('list_a');
        const second = uniqueCollection('list_b');
        await store.commit([put(first, { id: '1' }, 1), put(second, { id: '1' }, 1)]);
        const names = await store.listCollections();
        expect(names).toEqual(expect.arrayContaining([first, second]));
        expect(names).not.toContain(uniqueCollection('list_never'));
      });

      it('drops a collection, which then reads as empty and can be written again', async () => {
        const collection = uniqueCollection('drop');
        const neighbour = uniqueCollection('drop_neighbour');
        await store.commit([put(collection, { id: 'a', v: 1 }, 5), put(neighbour, { id: 'a' }, 5)]);

        await store.dropCollection(collection);
        await expect(store.listCollections()).resolves.not.toContain(collection);
        await expect(store.get(collection, 'a')).resolves.toBeNull();
        await expect(store.find(collection)).resolves.toEqual([]);
        await expect(store.get(neighbour, 'a')).resolves.not.toBeNull();

        // The position guard starts afresh: a rebuild replays from the first event.
        await store.commit([put(collection, { id: 'a', v: 2 }, 1)]);
        await expect(store.get(collection, 'a')).resolves.toEqual({ doc: { id: 'a', v: 2 }, position: 1 });
      });

      it('drops a collection that does not exist without error', async () => {
        await expect(store.dropCollection(uniqueCollection('drop_never'))).resolves.toBeUndefined();
      });

      it('rejects invalid collection names on reads too', async () => {
        await expect(store.get('a.b', 'x')).rejects.toThrow();
        await expect(store.find('x; DROP TABLE y')).rejects.toThrow();
      });
    });

    describe('scale', () => {
      it('gets 2,000 documents at once, ignoring missing and repeated ids', async () => {
        const collection = uniqueCollection('many');
        const all = Array.from({ length: 2000 }, (_, i) => `doc-${String(i).padStart(4, '0')}`);
        await store.commit(all.map((id, i) => put(collection, { id, i }, i + 1)));

        const asked = [...all, 'missing-1', all[0], 'missing-2'];
        const found = await store.getMany(collection, asked);
        expect(found.size).toBe(2000);
        expect(found.get('doc-0000')).toEqual({ doc: { id: 'doc-0000', i: 0 }, position: 1 });
        expect(found.get('doc-1999')).toEqual({ doc: { id: 'doc-1999', i: 1999 }, position: 2000 });
        expect(found.has('missing-1')).toBe(false);
        // Spot-check every chunk boundary region rather than only the ends.
        for (let i = 0; i < 2000; i += 97) expect(found.get(all[i])?.doc).toEqual({ id: all[i], i });
      });
    });
  });
};
