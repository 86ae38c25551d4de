/**
 * JSON parsing with a useful error: which document, which line and column, what was expected.
 * Runs in the browser too (no node: imports). `JSON.parse` does the parsing; when it fails a
 * small scanner walks the text to find where, because engines word and locate errors differently.
 */
import { InvalidInputError } from '../core/errors';
import type { JsonValue } from '../core/types';

/** Documents larger than this are refused (an `az bot show` document is a few KiB). */
export const MAX_DOCUMENT_CHARS = 1024 * 1024;

export interface JsonErrorLocation {
  line: number;
  column: number;
  reason: string;
}

/** Parses `text`; throws InvalidInputError naming `label`, the line and the column on failure. */
export function parseJsonDocument(text: string, label: string): JsonValue {
  if (text.length > MAX_DOCUMENT_CHARS) {
    throw new InvalidInputError(`${label} is larger than ${MAX_DOCUMENT_CHARS} characters; pass the JSON that "az bot show" prints.`, { field: label });
  }
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  try {
    return JSON.parse(body) as JsonValue;
  } catch {
    const where = locateJsonError(body);
    throw new InvalidInputError(
      `${label} is not valid JSON: ${where.reason} at line ${where.line}, column ${where.column}. Fix the file or save the command's output again.`,
      { field: label },
    );
  }
}

/** Finds the first syntax error in `text` (1-based line and column). */
export function locateJsonError(text: string): JsonErrorLocation {
  const scanner = new Scanner(text);
  try {
    scanner.skipWs();
    if (scanner.atEnd()) return scanner.located('the document is empty');
    scanner.value(0);
    scanner.skipWs();
    if (!scanner.atEnd()) scanner.fail('unexpected text after the end of the document');
    return scanner.located('the document could not be parsed');
  } catch (err) {
    if (err instanceof ScanError) return err.location;
    throw err;
  }
}

class ScanError extends Error {
  constructor(readonly location: JsonErrorLocation) {
    super(location.reason);
  }
}

const MAX_DEPTH = 512;

class Scanner {
  private pos = 0;
  constructor(private readonly text: string) {}

  atEnd(): boolean {
    return this.pos >= this.text.length;
  }

  located(reason: string, at: number = this.pos): JsonErrorLocation {
    let line = 1;
    let lineStart = 0;
    for (let i = 0; i < at && i < this.text.length; i += 1) {
      if (this.text.charCodeAt(i) === 10) {
        line += 1;
        lineStart = i + 1;
      }
    }
    return { line, column: at - lineStart + 1, reason };
  }

  fail(reason: string): never {
    throw new ScanError(this.located(reason));
  }

  private describeHere(): string {
    if (this.atEnd()) return 'end of input';
    return `"${this.text[this.pos]}"`;
  }

  skipWs(): void {
    while (!this.atEnd() && ' \t\r\n'.includes(this.text[this.pos] as string)) this.pos += 1;
  }

  value(depth: number): void {
    if (depth > MAX_DEPTH) this.fail('the document is nested too deeply');
    this.skipWs();
    const c = this.text[this.pos];
    if (c === '{') return this.object(depth);
    if (c === '[') return this.array(depth);
    if (c === '"') return this.string();
    if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) return this.number();
    for (const word of ['true', 'false', 'null']) {
      if (this.text.startsWith(word, this.pos)) {
        this.pos += word.length;
        return;
      }
    }
    this.fail(`expected a value but found ${this.describeHere()}`);
  }

  private object(depth: number): void {
    this.pos += 1;
    this.skipWs();
    if (this.text[this.pos] === '}') {
      this.pos += 1;
      return;
    }
    for (;;) {
      this.skipWs();
      if (this.text[this.pos] !== '"') {
        this.fail(this.text[this.pos] === '}' ? 'trailing comma before "}"' : `expected a property name in double quotes but found ${this.describeHere()}`);
      }
      this.string();
      this.skipWs();
      if (this.text[this.pos] !== ':') this.fail(`expected ":" after the property name but found ${this.describeHere()}`);
      this.pos += 1;
      this.value(depth + 1);
      this.skipWs();
      const c = this.text[this.pos];
      if (c === ',') {
        this.pos += 1;
        continue;
      }
      if (c === '}') {
        this.pos += 1;
        return;
      }
      this.fail(`expected "," or "}" but found ${this.describeHere()}`);
    }
  }

  private array(depth: number): void {
    this.pos += 1;
    this.skipWs();
    if (this.text[this.pos] === ']') {
      this.pos += 1;
      return;
    }
    for (;;) {
      this.skipWs();
      if (this.text[this.pos] === ']') this.fail('trailing comma before "]"');
      this.value(depth + 1);
      this.skipWs();
      const c = this.text[this.pos];
      if (c === ',') {
        this.pos += 1;
        continue;
      }
      if (c === ']') {
        this.pos += 1;
        return;
      }
      this.fail(`expected "," or "]" but found ${this.describeHere()}`);
    }
  }

  private string(): void {
    this.pos += 1;
    for (;;) {
      if (this.atEnd()) this.fail('unterminated string');
      const code = this.text.charCodeAt(this.pos);
      if (code === 34) {
        this.pos += 1;
        return;
      }
      if (code < 0x20) this.fail('control character inside a string (a raw line break?)');
      if (code === 92) {
        const next = this.text[this.pos + 1];
        if (next === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(this.text.slice(this.pos + 2, this.pos + 6))) this.fail('invalid \\u escape');
          this.pos += 6;
          continue;
        }
        if (next === undefined || !'"\\/bfnrt'.includes(next)) this.fail('invalid escape sequence');
        this.pos += 2;
        continue;
      }
      this.pos += 1;
    }
  }

  private number(): void {
    const match = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(this.text.slice(this.pos, this.pos + 400));
    if (!match || match[0] === '-') this.fail('invalid number');
    this.pos += match[0].length;
  }
}
