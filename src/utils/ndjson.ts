/**
 * Incremental newline-delimited JSON: feed it text chunks as they arrive, get back complete
 * values. Blank lines are ignored; a line that is not JSON throws (the stream is corrupt).
 */
export class NdjsonDecoder {
  private buffer = '';

  constructor(private readonly maxLineChars = 8 * 1024 * 1024) {}

  /** Values completed by this chunk, in order. */
  push(chunk: string): unknown[] {
    this.buffer += chunk;
    const out: unknown[] = [];
    let nl = this.buffer.indexOf('\n');
    while (nl !== -1) {
      const line = this.buffer.slice(0, nl).trim();
      this.buffer = this.buffer.slice(nl + 1);
      if (line) out.push(parseLine(line));
      nl = this.buffer.indexOf('\n');
    }
    if (this.buffer.length > this.maxLineChars) {
      throw new Error(`A line of the progress stream is longer than ${this.maxLineChars} characters.`);
    }
    return out;
  }

  /** The value of a last line without a trailing newline, if any. */
  end(): unknown[] {
    const line = this.buffer.trim();
    this.buffer = '';
    return line ? [parseLine(line)] : [];
  }
}

function parseLine(line: string): unknown {
  try {
    return JSON.parse(line);
  } catch {
    throw new Error(`The progress stream sent a line that is not JSON: ${line.slice(0, 80)}`);
  }
}
