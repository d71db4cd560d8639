import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GetObjectCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import S3rver from 's3rver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { download, pngBytes, uploadOk } from '../../../modules/attachment/__tests__/attachment.fixture.js';
import { startTestServer, type TestServer } from '../../../test/server.js';
import { createTestTenant, tokenFor, type TestTenant } from '../../../test/tenants.js';

const BUCKET = 'sociodesk-uploads';

/**
 * Uploads through the API into a real S3-compatible server (s3rver, path-style like MinIO),
 * downloads them back through the API, and reads the object straight from the bucket.
 */
describe('S3 upload storage (STORAGE_DRIVER=s3, path-style endpoint)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sociodesk-s3-'));
  let s3: S3rver;
  let endpoint: string;
  let server: TestServer;
  let t: TestTenant;

  beforeAll(async () => {
    s3 = new S3rver({ port: 0, address: '127.0.0.1', silent: true, directory: dir, configureBuckets: [{ name: BUCKET, configs: [] }] });
    const { port } = await s3.run();
    endpoint = `http://127.0.0.1:${port}`;
    server = await startTestServer('sqlite', {
      STORAGE_DRIVER: 's3',
      S3_ENDPOINT: endpoint,
      S3_BUCKET: BUCKET,
      S3_ACCESS_KEY_ID: 'S3RVER',
      S3_SECRET_ACCESS_KEY: 'S3RVER',
      S3_PREFIX: 'attachments/',
    });
    t = await createTestTenant(server.app, 's3');
  });
  afterAll(async () => {
    await server?.stop();
    await s3?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('stores the file in the bucket under the tenant, and serves it back byte for byte', async () => {
    const customer = await tokenFor(server.url, t.customer1);
    const bytes = pngBytes(4000);
    const attachment = await uploadOk(server.url, customer, bytes, 'screen.png', 'image/png');

    const client = new S3Client({ region: 'us-east-1', endpoint, forcePathStyle: true, credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' } });
    const listed = await client.send(new ListObjectsV2Command({ Bucket: BUCKET, Prefix: `attachments/${t.id}/` }));
    expect(listed.Contents?.map((o) => o.Key)).toEqual([`attachments/${t.id}/${attachment.id}`]);
    const object = await client.send(new GetObjectCommand({ Bucket: BUCKET, Key: `attachments/${t.id}/${attachment.id}` }));
    expect(Buffer.from(await object.Body!.transformToByteArray()).equals(bytes)).toBe(true);
    client.destroy();

    // The uploader downloads it back from the bucket through the API.
    const got = await download(server.url, customer, `/attachments/${attachment.id}`);
    expect(got.status).toBe(200);
    expect(got.bytes.equals(bytes)).toBe(true);
    // Another tenant's member cannot read it (the object key is not a capability).
    const other = await createTestTenant(server.app, 's3-other');
    expect((await download(server.url, await tokenFor(server.url, other.admin), `/attachments/${attachment.id}`)).status).toBe(404);
  });
});
