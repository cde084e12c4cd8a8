/** A value of an SQLite record: NULL, an integer or float, text, or a blob. */
export type SqliteValue = null | number | string | Buffer;

/** An SQLite database file that cannot be read: its format is not followed or it is damaged. */
export class SqliteFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "SqliteFormatError";
  }
}

const MAGIC = "SQLite format 3\u0000";
const TABLE_INTERIOR = 0x05;
const TABLE_LEAF = 0x0d;
/** Deeper than any b-tree SQLite itself writes (a 2^64-row table of 512-byte pages is ~20 deep). */
const MAX_DEPTH = 64;

/** A varint of `buffer` at `at`: its value (exact below 2^53) and its length in bytes. */
function varint(buffer: Buffer, at: number): [number, number] {
  let value = 0;
  for (let i = 0; i < 9; i += 1) {
    if (at + i >= buffer.length) {
      throw new SqliteFormatError("a varint runs past the end of its data");
    }
    const byte = buffer[at + i];
    if (i === 8) {
      return [value * 256 + byte, 9];
    }
    value = value * 128 + (byte & 0x7f);
    if (byte < 0x80) {
      return [value, i + 1];
    }
  }
  return [value, 9];
}

/** Bytes of a record value of each serial type below 12 (10 and 11 are reserved). */
const FIXED_WIDTH = [0, 1, 2, 3, 4, 6, 8, 8, 0, 0];

/** A reader of one database file's table b-trees (the file format of sqlite.org/fileformat.html). */
class SqliteFile {
  private readonly pageSize: number;
  private readonly usable: number;
  private readonly pageCount: number;
  private readonly encoding: "utf8" | "utf16le" | "utf16be";

  constructor(private readonly bytes: Buffer) {
    if (bytes.length < 100 || bytes.toString("latin1", 0, 16) !== MAGIC) {
      throw new SqliteFormatError("not an SQLite 3 database (no header)");
    }
    const size = bytes.readUInt16BE(16);
    this.pageSize = size === 1 ? 65536 : size;
    if (this.pageSize < 512 || (this.pageSize & (this.pageSize - 1)) !== 0) {
      throw new SqliteFormatError(`page size ${this.pageSize} is not a power of two from 512`);
    }
    this.usable = this.pageSize - bytes[20];
    if (this.usable < 480) {
      throw new SqliteFormatError(`usable page size ${this.usable} is below 480`);
    }
    this.pageCount = Math.floor(bytes.length / this.pageSize);
    const encoding = bytes.readUInt32BE(56);
    this.encoding = encoding === 2 ? "utf16le" : encoding === 3 ? "utf16be" : "utf8";
  }

  private check(condition: boolean, what: string): void {
    if (!condition) {
      throw new SqliteFormatError(what);
    }
  }

  private page(number: number): number {
    this.check(number >= 1 && number <= this.pageCount, `page ${number} is outside the file`);
    return (number - 1) * this.pageSize;
  }

  /** The payload of a table leaf cell at `at`, its overflow pages followed. */
  private payload(at: number, pageStart: number): Buffer {
    const [size, sizeLength] = varint(this.bytes, at);
    const [, rowidLength] = varint(this.bytes, at + sizeLength);
    const start = at + sizeLength + rowidLength;
    const u = this.usable;
    const maxLocal = u - 35;
    const minLocal = Math.floor(((u - 12) * 32) / 255) - 23;
    const spill = minLocal + ((size - minLocal) % (u - 4));
    const local = size <= maxLocal ? size : spill <= maxLocal ? spill : minLocal;
    this.check(start + local <= pageStart + this.pageSize, "a cell runs past its page");
    const chunks = [this.bytes.subarray(start, start + local)];
    let remaining = size - local;
    let next = remaining > 0 ? this.bytes.readUInt32BE(start + local) : 0;
    const seen = new Set<number>();
    while (remaining > 0) {
      this.check(next !== 0, "an overflow chain ends before its payload");
      this.check(!seen.has(next), `overflow page ${next} is linked twice`);
      seen.add(next);
      const offset = this.page(next);
      const take = Math.min(remaining, u - 4);
      chunks.push(this.bytes.subarray(offset + 4, offset + 4 + take));
      remaining -= take;
      next = this.bytes.readUInt32BE(offset);
    }
    return Buffer.concat(chunks);
  }

  /** The values of a record (a row's payload). */
  private record(payload: Buffer): SqliteValue[] {
    const [headerSize, first] = varint(payload, 0);
    this.check(headerSize <= payload.length, "a record header runs past its payload");
    const types: number[] = [];
    for (let at = first; at < headerSize;) {
      const [type, length] = varint(payload, at);
      types.push(type);
      at += length;
    }
    let at = headerSize;
    return types.map((type) => {
      this.check(type !== 10 && type !== 11, `record serial type ${type} is reserved`);
      const width = type >= 12 ? Math.floor((type - 12) / 2) : FIXED_WIDTH[type];
      this.check(at + width <= payload.length, "a record value runs past its payload");
      const value = payload.subarray(at, at + width);
      at += width;
      if (type === 0) {
        return null;
      }
      if (type === 8 || type === 9) {
        return type - 8;
      }
      if (type === 7) {
        return value.readDoubleBE(0);
      }
      if (type < 7) {
        return width === 8 ? Number(value.readBigInt64BE(0)) : value.readIntBE(0, width);
      }
      if (type % 2 === 0) {
        return Buffer.from(value);
      }
      if (this.encoding === "utf16be") {
        return Buffer.from(value).swap16().toString("utf16le");
      }
      return value.toString(this.encoding);
    });
  }

  /** Every row of the table b-tree rooted at page `root`, in rowid order. */
  rows(root: number): SqliteValue[][] {
    const rows: SqliteValue[][] = [];
    const seen = new Set<number>();
    const visit = (number: number, depth: number): void => {
      this.check(depth <= MAX_DEPTH, `the b-tree is deeper than ${MAX_DEPTH} pages`);
      this.check(!seen.has(number), `page ${number} is linked twice`);
      seen.add(number);
      const start = this.page(number);
      const header = start + (number === 1 ? 100 : 0);
      const type = this.bytes[header];
      this.check(
        type === TABLE_INTERIOR || type === TABLE_LEAF,
        `page ${number} is not a table b-tree page (type ${type})`,
      );
      const cells = this.bytes.readUInt16BE(header + 3);
      const pointers = header + (type === TABLE_LEAF ? 8 : 12);
      this.check(
        pointers + 2 * cells <= start + this.pageSize,
        `page ${number} lists too many cells`,
      );
      for (let i = 0; i < cells; i += 1) {
        const cell = start + this.bytes.readUInt16BE(pointers + 2 * i);
        this.check(cell < start + this.pageSize, `page ${number} has a cell outside it`);
        if (type === TABLE_LEAF) {
          rows.push(this.record(this.payload(cell, start)));
        } else {
          visit(this.bytes.readUInt32BE(cell), depth + 1);
        }
      }
      if (type === TABLE_INTERIOR) {
        visit(this.bytes.readUInt32BE(header + 8), depth + 1);
      }
    };
    visit(root, 0);
    return rows;
  }
}

/**
 * Every row of the table `name` in an SQLite 3 database file, in rowid order, each as its record's
 * values (an `INTEGER PRIMARY KEY` column reads as null, as SQLite stores it). Reads the main
 * database file only: pages still in a write-ahead log (`-wal`) are not seen.
 * @throws SqliteFormatError when the file is not an SQLite database, is damaged, or has no such table
 */
export function readSqliteTable(bytes: Buffer, name: string): SqliteValue[][] {
  const file = new SqliteFile(bytes);
  try {
    const table = file
      .rows(1)
      .find((row) => row[0] === "table" && typeof row[1] === "string" && row[1] === name);
    if (table === undefined || typeof table[3] !== "number") {
      throw new SqliteFormatError(`the database has no table ${JSON.stringify(name)}`);
    }
    return file.rows(table[3]);
  } catch (error) {
    if (error instanceof RangeError) {
      throw new SqliteFormatError(`the database is damaged: ${error.message}`);
    }
    throw error;
  }
}
