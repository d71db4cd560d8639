import { PassThrough, Readable } from 'node:stream';
import { DeleteObjectCommand, GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import type { StorageConfig } from '../config.js';
import type { FileStorage } from './storage.js';

type S3Config = Extract<StorageConfig, { driver: 's3' }>;

/**
 * Uploads in an S3-compatible bucket (AWS S3, MinIO, Ceph, R2, …), so every API instance
 * reads the files any other instance stored. Keys are `<prefix><tenantId>/<attachmentId>`.
 */
export class S3Storage implements FileStorage {
  private readonly client: S3Client;

  constructor(private readonly config: S3Config) {
    this.client = new S3Client({
      region: config.region,
      endpoint: config.endpoint,
      forcePathStyle: config.forcePathStyle,
      // Without explicit keys the SDK's default chain applies (environment, instance role, …).
      credentials: config.accessKeyId ? { accessKeyId: config.accessKeyId, secretAccessKey: config.secretAccessKey! } : undefined,
    });
  }

  private key(key: string): string {
    if (!/^[A-Za-z0-9._/-]+$/.test(key) || key.split('/').includes('..')) throw new Error('Invalid storage key');
    return `${this.config.prefix}${key}`;
  }

  async put(key: string, data: Buffer): Promise<void> {
    await this.client.send(new PutObjectCommand({ Bucket: this.config.bucket, Key: this.key(key), Body: data, ContentLength: data.length }));
  }

  /** A stream at once; the object's body is piped into it when S3 answers (errors surface on the stream). */
  read(key: string): Readable {
    const out = new PassThrough();
    let objectKey: string;
    try {
      objectKey = this.key(key);
    } catch (error) {
      process.nextTick(() => out.destroy(error as Error));
      return out;
    }
    this.client
      .send(new GetObjectCommand({ Bucket: this.config.bucket, Key: objectKey }))
      .then((result) => {
        const body = result.Body as Readable | undefined;
        if (!body) throw new Error('Empty object body');
        body.on('error', (err) => out.destroy(err));
        body.pipe(out);
      })
      .catch((err: Error) => out.destroy(err));
    return out;
  }

  async remove(key: string): Promise<void> {
    await this.client.send(new DeleteObjectCommand({ Bucket: this.config.bucket, Key: this.key(key) }));
  }

  close(): void {
    this.client.destroy();
  }
}
