import { pipeline } from 'node:stream';
import { Readable, Transform } from 'node:stream';
import {
  BadRequestException,
  HttpException,
  PayloadTooLargeException,
  UnsupportedMediaTypeException,
} from '@nestjs/common';
import busboy from 'busboy';
import { CsvError, parse } from 'csv-parse';
import type { Request } from 'express';

/** Largest CSV upload accepted (it is streamed: this bounds the work, not the memory). */
export const MAX_CSV_BYTES = 512 * 1024 * 1024;
/** Longest single CSV record: an unclosed quote cannot make one row swallow the file. */
const MAX_RECORD_CHARS = 64 * 1024;

const CSV_TYPES = ['text/csv', 'application/csv', 'text/plain', 'application/vnd.ms-excel'];

/** The request's media type, lower case, without parameters. */
export function mediaType(req: Request): string {
  return (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
}

export function isCsvUpload(req: Request): boolean {
  const type = mediaType(req);
  return type === 'multipart/form-data' || CSV_TYPES.includes(type);
}

/** A streamed CSV upload: the header once it has been read, then the records one by one. */
export interface CsvUpload {
  /** Trimmed column names, available once the first record (or the end) has been reached. */
  readonly header: string[] | undefined;
  readonly records: AsyncIterable<Record<string, string>>;
}

class ByteLimit extends Transform {
  private seen = 0;
  constructor(private readonly max: number) {
    super();
  }
  override _transform(
    chunk: Buffer,
    _enc: BufferEncoding,
    done: (err?: Error | null, data?: Buffer) => void,
  ): void {
    this.seen += chunk.length;
    if (this.seen > this.max)
      done(new PayloadTooLargeException(`CSV upload is larger than ${this.max} bytes`));
    else done(null, chunk);
  }
}

/** Largest CSV sent as a plain form field (a part without a filename): busboy buffers those. */
const MAX_CSV_FIELD_BYTES = 10 * 1024 * 1024;

/** A multipart body's CSV part, and the end of the whole body (after the parts that follow it). */
interface MultipartCsv {
  file: Readable;
  /** Resolves once busboy read the body to its end; rejects (400) when a later part is malformed. */
  rest: Promise<void>;
}

/**
 * The `file` part of a multipart body, as a stream (other parts are skipped). A part without a
 * filename is a form field to busboy; a client may still send the CSV that way (the OpenAPI
 * document's `encoding` allows it), so a `file` field is read too, up to MAX_CSV_FIELD_BYTES.
 */
function multipartFile(req: Request, maxBytes: number): Promise<MultipartCsv> {
  return new Promise<MultipartCsv>((resolve, reject) => {
    let bb: busboy.Busboy;
    try {
      bb = busboy({
        headers: req.headers,
        limits: { files: 1, fileSize: maxBytes, fields: 50, parts: 60, fieldSize: MAX_CSV_FIELD_BYTES },
      });
    } catch (err) {
      reject(new BadRequestException(`multipart body: ${(err as Error).message}`));
      return;
    }
    const rest = new Promise<void>((done, fail) => {
      bb.on('close', () => {
        done();
        reject(new BadRequestException('multipart body has no "file" part with the CSV'));
      });
      bb.on('error', (err: Error) => {
        const problem = new BadRequestException(`multipart body: ${err.message}`);
        fail(problem);
        reject(problem);
      });
    });
    // Awaited only once the CSV was read; until then a failure is reported through `reject`.
    rest.catch(() => undefined);
    let found = false;
    bb.on('file', (name, stream) => {
      // Busboy can fail a part (a body cut short) in the tick it is announced, before the reader is
      // attached: without a listener that 'error' would be unhandled and end the process. The
      // failure still reaches the reader (a stream that has failed tells every later pipeline).
      stream.on('error', () => undefined);
      if (found || (name !== 'file' && name !== 'csv')) {
        stream.resume();
        return;
      }
      found = true;
      stream.on('limit', () =>
        stream.destroy(new PayloadTooLargeException(`CSV upload is larger than ${maxBytes} bytes`)),
      );
      resolve({ file: stream, rest });
    });
    bb.on('field', (name, value, info) => {
      if (found || (name !== 'file' && name !== 'csv')) return;
      found = true;
      if (info.valueTruncated) {
        reject(
          new PayloadTooLargeException(
            `a CSV sent as a form field is limited to ${MAX_CSV_FIELD_BYTES} bytes: send it as a file part`,
          ),
        );
      } else resolve({ file: Readable.from([Buffer.from(value, 'utf8')]), rest });
    });
    req.pipe(bb);
  });
}

/**
 * Reads a CSV upload (`multipart/form-data` with a `file` part, or a `text/csv` body) as a stream
 * of records keyed by the header row: the file is never held in memory, and the parser pauses the
 * upload while the consumer is busy (for-await back-pressure).
 */
export function readCsvUpload(req: Request, maxBytes = MAX_CSV_BYTES): CsvUpload {
  if (!isCsvUpload(req)) {
    throw new UnsupportedMediaTypeException(
      'send application/json, text/csv, or multipart/form-data with the CSV in a "file" part',
    );
  }
  let header: string[] | undefined;
  const parser = parse({
    bom: true,
    trim: true,
    skip_empty_lines: true,
    relax_column_count: true,
    max_record_size: MAX_RECORD_CHARS,
    columns: (names: string[]) => {
      header = names.map((n) => String(n).trim());
      return header.map((n) => (n === '' ? false : n));
    },
  });
  const multipart = mediaType(req) === 'multipart/form-data';

  async function* records(): AsyncGenerator<Record<string, string>> {
    const part = multipart ? await multipartFile(req, maxBytes) : undefined;
    const input = part ? part.file : req;
    pipeline(input, new ByteLimit(maxBytes), parser, (err) => {
      if (err) parser.destroy(err);
    });
    try {
      for await (const record of parser as AsyncIterable<Record<string, string>>) yield record;
      // A malformed part after the CSV makes the whole body malformed, as one before it would.
      await part?.rest;
    } catch (err) {
      if (err instanceof HttpException) throw err;
      if (err instanceof CsvError) throw new BadRequestException(`CSV is malformed: ${err.message}`);
      // Only the upload is read here: a stream failing (a truncated multipart body) is the request's fault.
      throw new BadRequestException(`upload could not be read: ${(err as Error).message}`);
    } finally {
      if (!parser.destroyed) parser.destroy();
      if (input !== req) input.resume();
    }
  }

  return {
    get header() {
      return header;
    },
    records: records(),
  };
}

/** Finds a column by any of its accepted names, case-insensitively. */
export function findColumn(header: readonly string[], names: readonly string[]): string | undefined {
  return header.find((h) => names.includes(h.toLowerCase()));
}
