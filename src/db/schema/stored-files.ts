import { bigint, customType, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** Raw bytes: node-postgres gives a Buffer, PGlite a Uint8Array; both come back as a Buffer. */
const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value)),
});

/**
 * Attachment bytes kept in the database (STORAGE_DRIVER=postgres): one row per complete file,
 * pointing at the chunks of the upload that wrote it. A file counts as stored only once its row
 * exists, so chunks of an interrupted upload never pass for a file.
 */
export const storedFiles = pgTable('stored_files', {
  /** The hex SHA-256 of the content: the file store's key. */
  sha256: text('sha256').primaryKey(),
  uploadId: uuid('upload_id').notNull(),
  size: bigint('size', { mode: 'number' }).notNull(),
  chunkCount: integer('chunk_count').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
});

/**
 * The content of an upload in order, a bounded chunk a row, so no query moves a whole file. When
 * each chunk was written tells an upload still being written from one a stopped process abandoned.
 */
export const storedFileChunks = pgTable(
  'stored_file_chunks',
  {
    uploadId: uuid('upload_id').notNull(),
    seq: integer('seq').notNull(),
    data: bytea('data').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.uploadId, t.seq] })],
);
