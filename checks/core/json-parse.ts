/**
 * Positioned JSON: parses with jsonc-parser's event visitor (which reports the offset of every
 * token and of the first syntax error) and builds the value, a JSON pointer -> offset map, and
 * friendly messages that say what was expected where. It follows RFC 8259 strictly, with two
 * tolerated deviations that are reported as problems rather than stopping the parse: comments and
 * trailing commas (editors and some tools accept them; Teams' JSON is plain JSON). Duplicate keys
 * are reported too (the last one wins, as with JSON.parse).
 *
 * Pure and browser-safe. Nesting depth and the number of values are capped so hostile input
 * cannot blow the stack. It is the one positioned-JSON parser of checks/: manifests read it with
 * locations and tolerated problems; Azure documents and config files read it strictly through
 * parseJsonDocument.
 */
import { printParseErrorCode, visit } from 'jsonc-parser';
import { InvalidInputError } from './errors';
import type { JsonValue } from './types';

export type JsonProblemKind = 'comment' | 'trailing-comma' | 'duplicate-key';

export interface TextPosition {
  /** 1-based line. */
  line: number;
  /** 1-based column, in characters (UTF-16 code units) from the start of the line. */
  column: number;
  /** 0-based offset into the text. */
  offset: number;
}

export interface JsonProblem extends TextPosition {
  kind: JsonProblemKind;
  message: string;
  /** JSON pointer of the value the problem belongs to, when known. */
  pointer?: string;
}

export interface JsonSyntaxError extends TextPosition {
  message: string;
  /** 'limit': the text may be valid JSON but exceeds what botflow reads (depth, number of values). */
  kind?: 'syntax' | 'limit';
}

export interface NodeLocation {
  /** Offset of the value's first character. */
  offset: number;
  /** Offset of the member's key (object members only). */
  keyOffset?: number;
}

export type JsonParseResult =
  | { ok: true; value: JsonValue; problems: JsonProblem[]; locations: Map<string, NodeLocation>; lines: LineIndex }
  | { ok: false; error: JsonSyntaxError; problems: JsonProblem[]; lines: LineIndex };

export const MAX_JSON_DEPTH = 256;
/** Values (objects, arrays, strings, numbers, ...) read at most; a manifest has a few hundred. */
export const MAX_JSON_VALUES = 50_000;

/** Maps offsets to line and column. */
export class LineIndex {
  private readonly starts: number[];
  constructor(text: string) {
    const starts = [0];
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10) starts.push(i + 1);
      else if (c === 13) {
        if (text.charCodeAt(i + 1) === 10) i++;
        starts.push(i + 1);
      }
    }
    this.starts = starts;
  }
  position(offset: number): TextPosition {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.starts[mid] as number) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - (this.starts[lo] as number) + 1, offset };
  }
}

/** Escapes one reference token of a JSON pointer (RFC 6901). */
export function escapePointerToken(token: string): string {
  return token.includes('~') || token.includes('/') ? token.replace(/~/g, '~0').replace(/\//g, '~1') : token;
}

class ParseFailure extends Error {
  constructor(readonly offset: number, message: string, readonly kind: 'syntax' | 'limit' = 'syntax') {
    super(message);
  }
}

function describeChar(text: string, i: number): string {
  if (i >= text.length) return 'the end of the text';
  const c = text.charCodeAt(i);
  if (c < 0x20) return `a control character (U+${c.toString(16).toUpperCase().padStart(4, '0')})`;
  const ch = String.fromCodePoint(text.codePointAt(i) as number);
  return `"${ch}"`;
}

function setOwn(obj: Record<string, JsonValue>, key: string, value: JsonValue): void {
  if (key === '__proto__') {
    Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
  } else {
    obj[key] = value;
  }
}

const MALFORMED_NUMBER = 'a number is malformed (JSON numbers have no leading zeros and need digits around ".")';

/** The first fault inside the string token that starts at `start` (jsonc-parser reports the token only). */
function stringFault(text: string, start: number): ParseFailure {
  for (let i = start + 1; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 34) break;
    if (c === 10 || c === 13) return new ParseFailure(i, 'a string runs past the end of the line (missing ", or a raw line break inside a string)');
    if (c < 0x20) return new ParseFailure(i, `${describeChar(text, i)} must be escaped inside a JSON string`);
    if (c === 92) {
      const e = text[i + 1] ?? '';
      if (e === 'u') {
        if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) return new ParseFailure(i, 'a \\u escape needs four hexadecimal digits');
      } else if (!'"\\/bfnrt'.includes(e) || e === '') {
        return new ParseFailure(i, `"\\${e}" is not a valid escape in a JSON string`);
      }
      i++;
    }
  }
  return new ParseFailure(start, 'a string is never closed (missing ")');
}

/** What the parser expects next, which decides how a syntax error is worded. */
type Expect = 'value' | 'key' | 'colon' | 'commaOrBrace' | 'commaOrBracket' | 'end';

interface Frame {
  value: Record<string, JsonValue> | JsonValue[];
  isArray: boolean;
  pointer: string;
  /** Object members: the keys seen, the current key and its offset. */
  keys: Set<string> | undefined;
  key: string;
  keyOffset: number;
}

/** Builds the value, the locations and the problems from jsonc-parser's events. */
class Builder {
  readonly problems: Array<Omit<JsonProblem, 'line' | 'column'>> = [];
  readonly locations = new Map<string, NodeLocation>();
  root: JsonValue = null;
  private readonly stack: Frame[] = [];
  /** The innermost open container (the last of `stack`). */
  private top: Frame | undefined;
  private expect: Expect = 'value';
  private values = 0;
  /** Offset of a comma not yet followed by a member or item (a trailing comma if the container closes). */
  private comma = -1;
  /** Where the last number started and ended, to tell "01" or "1.5.2" from a missing comma. */
  private numberStart = -1;
  private numberEnd = -1;

  constructor(private readonly text: string) {}

  private afterValue(): void {
    const top = this.top;
    this.expect = top === undefined ? 'end' : top.isArray ? 'commaOrBracket' : 'commaOrBrace';
  }

  /** Opens a value at `offset`: limits, its pointer and location. */
  private open(offset: number): string {
    if (this.stack.length > MAX_JSON_DEPTH) throw new ParseFailure(offset, `values are nested more than ${MAX_JSON_DEPTH} levels deep; botflow reads manifests nested up to that depth`, 'limit');
    if (++this.values > MAX_JSON_VALUES) throw new ParseFailure(offset, `the text holds more than ${MAX_JSON_VALUES} JSON values; botflow reads manifests up to that size`, 'limit');
    this.comma = -1;
    const top = this.top;
    if (top === undefined) {
      this.locations.set('', { offset });
      return '';
    }
    if (top.isArray) {
      const pointer = `${top.pointer}/${(top.value as JsonValue[]).length}`;
      this.locations.set(pointer, { offset });
      return pointer;
    }
    const pointer = `${top.pointer}/${escapePointerToken(top.key)}`;
    this.locations.set(pointer, { offset, keyOffset: top.keyOffset });
    return pointer;
  }

  /** Puts a finished value into its container (or makes it the root). */
  private place(value: JsonValue): void {
    const top = this.top;
    if (top === undefined) this.root = value;
    else if (top.isArray) (top.value as JsonValue[]).push(value);
    else setOwn(top.value as Record<string, JsonValue>, top.key, value);
  }

  begin(value: Record<string, JsonValue> | JsonValue[], isArray: boolean, offset: number): void {
    const pointer = this.open(offset);
    this.place(value);
    this.top = { value, isArray, pointer, keys: isArray ? undefined : new Set(), key: '', keyOffset: -1 };
    this.stack.push(this.top);
    this.expect = isArray ? 'value' : 'key';
  }

  /** A container closes at `offset`; jsonc-parser signals the end before it reports a missing bracket. */
  end(offset: number, bracket: number, what: string): void {
    if (this.text.charCodeAt(offset) !== bracket) throw this.syntaxError(offset);
    const frame = this.stack.pop();
    this.top = this.stack[this.stack.length - 1];
    if (this.comma >= 0) {
      this.problems.push({ kind: 'trailing-comma', offset: this.comma, pointer: frame?.pointer ?? '', message: `JSON does not allow a comma after the last ${what}` });
      this.comma = -1;
    }
    this.afterValue();
  }

  property(key: string, offset: number): void {
    const frame = this.top as Frame;
    const keys = frame.keys as Set<string>;
    this.comma = -1;
    if (keys.has(key)) {
      this.problems.push({ kind: 'duplicate-key', offset, pointer: `${frame.pointer}/${escapePointerToken(key)}`, message: `the key "${key}" appears more than once; the last one wins` });
    }
    keys.add(key);
    frame.key = key;
    frame.keyOffset = offset;
    this.expect = 'colon';
  }

  literal(value: JsonValue, offset: number, length: number): void {
    this.open(offset);
    this.place(value);
    if (typeof value === 'number') {
      this.numberStart = offset;
      this.numberEnd = offset + length;
    }
    this.afterValue();
  }

  separator(ch: string, offset: number): void {
    if (ch === ':') {
      this.expect = 'value';
      return;
    }
    this.comma = offset;
    this.expect = this.top?.isArray ? 'value' : 'key';
  }

  comment(offset: number): void {
    this.problems.push({ kind: 'comment', offset, pointer: this.top?.pointer ?? '', message: 'JSON does not allow comments' });
  }

  /** The first syntax error, in words (jsonc-parser names the token; this says what was expected). */
  error(code: string, offset: number): ParseFailure {
    switch (code) {
      case 'UnexpectedEndOfString':
      case 'InvalidCharacter':
      case 'InvalidEscapeCharacter':
      case 'InvalidUnicode':
        return stringFault(this.text, offset);
      case 'UnexpectedEndOfNumber':
      case 'InvalidNumberFormat':
        return new ParseFailure(offset, MALFORMED_NUMBER);
      case 'UnexpectedEndOfComment':
        return new ParseFailure(offset, 'a /* comment is never closed');
      default:
        return this.syntaxError(offset);
    }
  }

  /** Words a syntax error at `offset` by what was expected there. */
  private syntaxError(offset: number): ParseFailure {
    const text = this.text;
    const found = describeChar(text, offset);
    const c = text.charCodeAt(offset);
    const digitLike = (c >= 48 && c <= 57) || c === 46 || c === 101 || c === 69;
    if (offset === this.numberEnd && digitLike) return new ParseFailure(this.numberStart, MALFORMED_NUMBER);
    switch (this.expect) {
      case 'value':
        if (offset >= text.length) return new ParseFailure(offset, 'the text ends where a value was expected');
        if (c === 39) return new ParseFailure(offset, 'JSON strings use double quotes, not single quotes');
        if (c === 45 || (c >= 48 && c <= 57)) return new ParseFailure(offset, MALFORMED_NUMBER);
        return new ParseFailure(offset, `expected a value but found ${found}`);
      case 'key':
        if (c === 39) return new ParseFailure(offset, 'JSON strings and keys use double quotes, not single quotes');
        return new ParseFailure(offset, `expected a property name in double quotes but found ${found}`);
      case 'colon':
        return new ParseFailure(offset, `expected ":" after the property name "${this.top?.key ?? ''}" but found ${found}`);
      case 'commaOrBrace':
        return new ParseFailure(offset, `expected "," or "}" after a property value but found ${found}`);
      case 'commaOrBracket':
        return new ParseFailure(offset, `expected "," or "]" after an array item but found ${found}`);
      case 'end':
        return new ParseFailure(offset, `unexpected ${found} after the end of the JSON value`);
    }
  }
}

const OPTIONS = { disallowComments: false, allowTrailingComma: true, allowEmptyContent: false };

/** Parses JSON text; never throws for any string input. */
export function parseJsonWithLocations(text: string): JsonParseResult {
  const lines = new LineIndex(text);
  const b = new Builder(text);
  const withPositions = (): JsonProblem[] => b.problems.map((p) => ({ ...p, ...lines.position(p.offset) }));
  try {
    visit(text, {
      onObjectBegin: (offset) => b.begin({}, false, offset),
      onObjectEnd: (offset) => b.end(offset, 125, 'property'),
      onArrayBegin: (offset) => b.begin([], true, offset),
      onArrayEnd: (offset) => b.end(offset, 93, 'array item'),
      onObjectProperty: (key, offset) => b.property(key, offset),
      onLiteralValue: (value: JsonValue, offset, length) => b.literal(value, offset, length),
      onSeparator: (ch, offset) => b.separator(ch, offset),
      onComment: (offset) => b.comment(offset),
      onError: (code, offset) => { throw b.error(printParseErrorCode(code), offset); },
    }, OPTIONS);
    return { ok: true, value: b.root, problems: withPositions(), locations: b.locations, lines };
  } catch (err) {
    if (!(err instanceof ParseFailure)) throw err;
    return { ok: false, error: { message: err.message, kind: err.kind, ...lines.position(err.offset) }, problems: withPositions(), lines };
  }
}

/**
 * Largest JSON document (manifest, Azure Bot resource, Teams channel, botflow.json) read as text:
 * one cap for the CLI and the API (checks/server/inputs.ts uses it as the schema's maxLength).
 * 200,000 characters is about fifty times an `az bot show` document or a large manifest.
 */
export const MAX_DOCUMENT_CHARS = 200_000;

/**
 * Parses a document strictly (as JSON.parse would accept it; duplicate keys allowed, the last
 * wins); throws InvalidInputError naming `label`, the line and the column (LF, CR or CRLF lines).
 */
export function parseJsonDocument(text: string, label: string): JsonValue {
  if (text.length > MAX_DOCUMENT_CHARS) {
    throw new InvalidInputError(`${label} is larger than ${MAX_DOCUMENT_CHARS} characters; pass the JSON that "az bot show" prints.`, { field: label });
  }
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const parsed = parseJsonWithLocations(body);
  const faults: Array<TextPosition & { message: string }> = parsed.problems.filter((p) => p.kind !== 'duplicate-key');
  if (!parsed.ok) faults.push(parsed.error);
  const first = faults.sort((a, b) => a.offset - b.offset)[0];
  if (parsed.ok && first === undefined) return parsed.value;
  const where = first ?? { message: 'the document could not be parsed', line: 1, column: 1 };
  throw new InvalidInputError(
    `${label} is not valid JSON: ${where.message} at line ${where.line}, column ${where.column}. Fix the file or save the command's output again.`,
    { field: label },
  );
}
