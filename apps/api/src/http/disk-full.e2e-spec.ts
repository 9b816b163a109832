import { join } from 'node:path';
import { TestApp, post, startTestApp } from '../../../../test/api.harness';
import { staffMember } from '../../../../test/command-assertions';
import { mountSmallDisk } from '../../../../test/small-disk';

const disk = mountSmallDisk(8);

if (!disk) {
  console.warn('disk-full.e2e-spec.ts did not run: mounting a tmpfs needs root');
  it.todo('a command on a full disk (needs root to mount a tmpfs)');
} else {
  describe('a command on a full disk (DATA_DIR on a real 8 MiB tmpfs filled to its last block)', () => {
    const dataDir = join(disk.dir, 'data');
    let t: TestApp;

    beforeAll(async () => (t = await startTestApp({ dataDir })));

    afterAll(async () => {
      disk.free();
      await t.close();
      disk.unmount();
    });

    it('is answered 507 with a problem document naming the file, writes nothing, and is accepted once space is freed', async () => {
      expect((await post(t, '/v1/staff-members', staffMember('s-1'))).status).toBe(201);
      const head = await t.runtime.events.headPosition();
      disk.fill();

      const full = await post(t, '/v1/staff-members', staffMember('s-2'));

      expect({ status: full.status, type: full.headers['content-type'], body: full.body }).toMatchObject({
        status: 507,
        type: expect.stringMatching(/^application\/problem\+json/),
        body: { title: 'Insufficient Storage', error: 'disk-full', detail: `the disk holding ${join(dataDir, 'events.sqlite')} is full: nothing was written; retry once space is freed` },
      });
      expect(await t.runtime.events.headPosition()).toBe(head);

      disk.free();
      expect((await post(t, '/v1/staff-members', staffMember('s-2'))).status).toBe(201);
    });
  });
}
