import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { S3Client } from '@aws-sdk/client-s3';
import { assertKey, type FileStore, isKey, putIncoming, type StoredFile, verifying } from './file-store';
import type { IncomingFile } from './incoming';

// The SDK weighs about 24 MiB once loaded: it is imported on the first use of an S3 store, so a
// process that stores its files elsewhere never carries it.
type Sdk = typeof import('@aws-sdk/client-s3');

export interface S3Settings {
  bucket: string;
  region: string;
  /** An S3-compatible service's URL; AWS itself when absent. */
  endpoint?: string;
  /** Keys under a common prefix, e.g. `guichet/`. */
  prefix: string;
  forcePathStyle: boolean;
  /** Taken from the usual AWS sources (environment, profile, instance role) when absent. */
  credentials?: { accessKeyId: string; secretAccessKey: string };
}

/**
 * Files as objects of an S3-compatible store (AWS S3, MinIO, Garage, Ceph …), one object per key.
 * Uploads are a single PUT streamed with its known length, checked on the way against the key;
 * a PUT whose body fails never creates the object. Downloads stream the object's body.
 */
export class S3FileStore implements FileStore {
  readonly driver = 's3';
  private connection: Promise<{ client: S3Client; sdk: Sdk }> | null = null;

  constructor(private readonly settings: S3Settings) {}

  private s3(): Promise<{ client: S3Client; sdk: Sdk }> {
    const { settings } = this;
    this.connection ??= import('@aws-sdk/client-s3').then((sdk) => ({
      sdk,
      client: new sdk.S3Client({
        region: settings.region,
        forcePathStyle: settings.forcePathStyle,
        ...(settings.endpoint ? { endpoint: settings.endpoint } : {}),
        ...(settings.credentials ? { credentials: settings.credentials } : {}),
        // Plain PUTs of a known length: many S3-compatible servers do not speak aws-chunked bodies.
        requestChecksumCalculation: 'WHEN_REQUIRED',
        responseChecksumValidation: 'WHEN_REQUIRED',
      }),
    }));
    return this.connection;
  }

  put(file: IncomingFile): Promise<string> {
    return putIncoming(this, file);
  }

  /**
   * Streams to a temporary object and copies it under its key only once the content proved to
   * match: no reader ever sees a wrong file under a key, and a failed source aborts the PUT.
   */
  async write(key: string, size: number, content: Readable): Promise<void> {
    const { client, sdk } = await this.s3();
    const target = this.objectKey(key);
    const temporary = `${this.settings.prefix}incoming/${key}.${randomUUID()}`;
    const abort = new AbortController();
    const body = verifying(key, size);
    const streamed = pipeline(content, body).catch((error: unknown) => {
      abort.abort();
      throw error;
    });
    const sent = client.send(
      new sdk.PutObjectCommand({
        Bucket: this.settings.bucket,
        Key: temporary,
        Body: body,
        ContentLength: size,
        ContentType: 'application/octet-stream',
      }),
      { abortSignal: abort.signal },
    );
    const [source, upload] = await Promise.allSettled([streamed, sent]);
    try {
      if (source.status === 'rejected') throw source.reason;
      if (upload.status === 'rejected') throw upload.reason;
      await client.send(
        new sdk.CopyObjectCommand({
          Bucket: this.settings.bucket,
          Key: target,
          CopySource: `${this.settings.bucket}/${temporary}`,
        }),
      );
    } finally {
      await client
        .send(new sdk.DeleteObjectCommand({ Bucket: this.settings.bucket, Key: temporary }))
        .catch(() => undefined);
    }
  }

  async open(key: string): Promise<Readable> {
    const { client, sdk } = await this.s3();
    const answer = await client.send(
      new sdk.GetObjectCommand({ Bucket: this.settings.bucket, Key: this.objectKey(key) }),
    );
    if (!answer.Body) throw new Error(`no file ${key}`);
    // In Node the body is the response stream itself.
    return answer.Body as Readable;
  }

  async exists(key: string): Promise<boolean> {
    const { client, sdk } = await this.s3();
    try {
      await client.send(
        new sdk.HeadObjectCommand({ Bucket: this.settings.bucket, Key: this.objectKey(key) }),
      );
      return true;
    } catch (error) {
      if ((error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode === 404)
        return false;
      throw error;
    }
  }

  async *list(): AsyncIterable<StoredFile> {
    const { client, sdk } = await this.s3();
    let token: string | undefined;
    do {
      const page = await client.send(
        new sdk.ListObjectsV2Command({
          Bucket: this.settings.bucket,
          Prefix: this.settings.prefix,
          ContinuationToken: token,
        }),
      );
      for (const object of page.Contents ?? []) {
        const key = (object.Key ?? '').slice(this.settings.prefix.length);
        if (isKey(key)) yield { key, size: object.Size ?? 0 };
      }
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token);
  }

  async remove(key: string): Promise<void> {
    const { client, sdk } = await this.s3();
    await client.send(
      new sdk.DeleteObjectCommand({ Bucket: this.settings.bucket, Key: this.objectKey(key) }),
    );
  }

  private objectKey(key: string): string {
    assertKey(key);
    return `${this.settings.prefix}${key}`;
  }
}
