// How a delimited file ends. A file cut short — a download stopped, a copy from a full disk, an
// export killed mid-write — ends without a line break, often inside a quoted cell. csv-parse then
// either fails the whole file ("Quote Not Closed") or hands out a last record with fewer cells than
// the header, which would be imported as if the missing cells were meant to be blank. So the bytes
// on their way to the parser are watched: whether the last one is a line break, and whether the
// text ends inside quotes (an odd count of quote characters); a quote left open is closed, so the
// last record is read, and the reader warns about it instead of failing the file.
import { Transform, type TransformCallback } from 'node:stream';

export interface FileTail {
  /** Known once the stream has ended. */
  endsWithLineBreak: boolean;
  /** The text ended inside a quoted cell, and a closing quote was added. */
  closedOpenQuote: boolean;
}

const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;

/** A pass-through stream for Buffers (UTF-8 bytes) or strings (decoded text) that fills in `tail`. */
export function watchFileTail(): { stream: Transform; tail: FileTail } {
  const tail: FileTail = { endsWithLineBreak: true, closedOpenQuote: false };
  let quotes = 0;
  let last = -1;
  let sawText = false;
  let text = false;
  const stream = new Transform({
    transform(chunk: Buffer | string, _encoding: BufferEncoding, done: TransformCallback) {
      if (typeof chunk === 'string') {
        text = true;
        for (let i = 0; i < chunk.length; i++) if (chunk.charCodeAt(i) === QUOTE) quotes++;
        if (chunk.length > 0) last = chunk.charCodeAt(chunk.length - 1);
      } else {
        for (let i = chunk.indexOf(QUOTE); i !== -1; i = chunk.indexOf(QUOTE, i + 1)) quotes++;
        if (chunk.length > 0) last = chunk[chunk.length - 1]!;
      }
      if (chunk.length > 0) sawText = true;
      done(null, chunk);
    },
    flush(done: TransformCallback) {
      tail.endsWithLineBreak = !sawText || last === LF || last === CR;
      if (!tail.endsWithLineBreak && quotes % 2 === 1) {
        tail.closedOpenQuote = true;
        done(null, text ? '"' : Buffer.from('"'));
        return;
      }
      done();
    },
  });
  return { stream, tail };
}
