import { PersonDetails, PersonalDataStore, SubjectErasedError } from './personal-data-store.port';

const AT = new Date('2011-06-01T10:00:00Z');
const LATER = new Date('2011-06-02T10:00:00Z');

export const amina: PersonDetails = { kind: 'representative', name: 'Amina Hassan', email: 'amina.hassan@example.dk', phone: '+45 23 45 67 89', note: 'prefers Arabic' };
const bo: PersonDetails = { kind: 'staff', name: 'Bo Jensen' };

/** What every personal-data store does; each adapter runs it against a real store. */
export const describePersonalDataStoreContract = (name: string, open: () => Promise<PersonalDataStore>) =>
  describe(`${name} (personal-data store contract)`, () => {
    let store: PersonalDataStore;
    let n = 0;
    let subject: string;
    beforeAll(async () => {
      store = await open();
    });
    afterAll(() => store.close());
    beforeEach(() => {
      subject = `rep-${++n}-${Date.now().toString(36)}`;
    });

    it('records a person and reads the details back; recording again replaces them', async () => {
      await expect(store.record(subject, amina, AT)).resolves.toBe('created');
      await expect(store.find(subject)).resolves.toEqual({ status: 'recorded', subjectId: subject, details: amina, recordedAt: AT.toISOString() });
      const moved = { ...amina, phone: '+45 98 76 54 32' };
      await expect(store.record(subject, moved, LATER)).resolves.toBe('replaced');
      await expect(store.find(subject)).resolves.toMatchObject({ status: 'recorded', details: moved, recordedAt: LATER.toISOString() });
    });

    it('knows nothing of an id never recorded, and has nothing to erase there', async () => {
      await expect(store.find(subject)).resolves.toEqual({ status: 'unknown' });
      await expect(store.erase(subject, 'key:admin', AT)).resolves.toBeNull();
      await expect(store.find(subject)).resolves.toEqual({ status: 'unknown' });
    });

    it('erases a person for good: a tombstone with when and by whom, no details, and the id cannot be recorded again', async () => {
      await store.record(subject, amina, AT);
      const erasure = { subjectId: subject, erasedAt: LATER.toISOString(), erasedBy: 'key:admin' };
      await expect(store.erase(subject, 'key:admin', LATER)).resolves.toEqual(erasure);
      await expect(store.find(subject)).resolves.toEqual({ status: 'erased', erasure });
      await expect(store.record(subject, amina, LATER)).rejects.toThrow(SubjectErasedError);
      await expect(store.find(subject)).resolves.toEqual({ status: 'erased', erasure });
      // Erasing again changes nothing and answers with the first tombstone.
      await expect(store.erase(subject, 'key:other', new Date('2011-07-01T00:00:00Z'))).resolves.toEqual(erasure);
    });

    it('erases only the one person', async () => {
      const other = `${subject}-other`;
      await store.record(subject, amina, AT);
      await store.record(other, bo, AT);
      await store.erase(subject, 'key:admin', LATER);
      await expect(store.find(other)).resolves.toMatchObject({ status: 'recorded', details: bo });
    });
  });
