import { createReadStream } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import type { Readable } from 'node:stream';
import type { StorageConfig } from '../config.js';

/** Where uploaded files live: the local disk (default) or an S3-compatible bucket (`S3Storage`). */
export interface FileStorage {
  put(key: string, data: Buffer): Promise<void>;
  read(key: string): Readable;
  remove(key: string): Promise<void>;
  close?(): void;
}

export class DiskStorage implements FileStorage {
  private readonly root: string;

  constructor(root: string) {
    this.root = resolve(root);
  }

  private path(key: string): string {
    const full = resolve(join(this.root, key));
    if (!full.startsWith(`${this.root}/`)) throw new Error('Invalid storage key');
    return full;
  }

  async put(key: string, data: Buffer): Promise<void> {
    const full = this.path(key);
    await mkdir(dirname(full), { recursive: true });
    await writeFile(full, data, { flag: 'wx' });
  }

  read(key: string): Readable {
    return createReadStream(this.path(key));
  }

  async remove(key: string): Promise<void> {
    await rm(this.path(key), { force: true });
  }
}

/** The configured store: S3 when `STORAGE_DRIVER=s3`, else the upload folder on disk. */
export async function createStorage(config: StorageConfig, uploadDir: string): Promise<FileStorage> {
  if (config.driver === 's3') {
    const { S3Storage } = await import('./s3-storage.js');
    return new S3Storage(config);
  }
  return new DiskStorage(uploadDir);
}
