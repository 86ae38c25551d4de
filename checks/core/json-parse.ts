/**
 * A JSON parser that remembers where every value is (line and column in the original text), so
 * schema errors can point into the file the user wrote. It follows RFC 8259 strictly, with two
 * tolerated deviations that are reported as problems rather than stopping the parse: comments and
 * trailing commas (editors and some tools accept them; Teams' JSON is plain JSON). Duplicate keys
 * are reported too (the last one wins, as with JSON.parse).
 *
 * Pure and browser-safe. Recursion depth is capped so hostile input cannot blow the stack.
 * It is the one positioned-JSON parser of checks/: manifests read it with locations and
 * tolerated problems; Azure documents and config files read it strictly through parseJsonDocument.
 */
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
  return token.replace(/~/g, '~0').replace(/\//g, '~1');
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

/** Parses JSON text; never throws for any string input. */
export function parseJsonWithLocations(text: string): JsonParseResult {
  const lines = new LineIndex(text);
  const problems: Array<Omit<JsonProblem, 'line' | 'column'>> = [];
  const locations = new Map<string, NodeLocation>();
  let i = 0;
  const n = text.length;

  const fail = (offset: number, message: string): never => {
    throw new ParseFailure(offset, message);
  };
  let values = 0;

  const skipWs = (pointer: string): void => {
    for (;;) {
      const c = text.charCodeAt(i);
      if (c === 32 || c === 9 || c === 10 || c === 13) {
        i++;
      } else if (c === 47 /* / */) {
        const next = text.charCodeAt(i + 1);
        const start = i;
        if (next === 47) {
          i += 2;
          while (i < n && text.charCodeAt(i) !== 10 && text.charCodeAt(i) !== 13) i++;
        } else if (next === 42) {
          const end = text.indexOf('*/', i + 2);
          if (end < 0) fail(start, 'a /* comment is never closed');
          i = end + 2;
        } else {
          fail(i, `unexpected ${describeChar(text, i)}`);
        }
        problems.push({ kind: 'comment', offset: start, pointer, message: 'JSON does not allow comments' });
      } else {
        return;
      }
    }
  };

  const parseString = (): string => {
    // text[i] is the opening quote
    const start = i;
    i++;
    let out = '';
    let chunkStart = i;
    for (;;) {
      if (i >= n) fail(start, 'a string is never closed (missing ")');
      const c = text.charCodeAt(i);
      if (c === 34) {
        out += text.slice(chunkStart, i);
        i++;
        return out;
      }
      if (c === 92) {
        out += text.slice(chunkStart, i);
        const e = text.charCodeAt(i + 1);
        switch (e) {
          case 34: out += '"'; break;
          case 92: out += '\\'; break;
          case 47: out += '/'; break;
          case 98: out += '\b'; break;
          case 102: out += '\f'; break;
          case 110: out += '\n'; break;
          case 114: out += '\r'; break;
          case 116: out += '\t'; break;
          case 117: {
            const hex = text.slice(i + 2, i + 6);
            if (!/^[0-9a-fA-F]{4}$/.test(hex)) fail(i, 'a \\u escape needs four hexadecimal digits');
            out += String.fromCharCode(parseInt(hex, 16));
            i += 4;
            break;
          }
          default:
            fail(i, `"\\${i + 1 < n ? text[i + 1] : ''}" is not a valid escape in a JSON string`);
        }
        i += 2;
        chunkStart = i;
        continue;
      }
      if (c < 0x20) {
        fail(i, c === 10 || c === 13
          ? 'a string runs past the end of the line (missing ", or a raw line break inside a string)'
          : `${describeChar(text, i)} must be escaped inside a JSON string`);
      }
      i++;
    }
  };

  const NUMBER = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;

  const parseValue = (pointer: string, depth: number): JsonValue => {
    if (depth > MAX_JSON_DEPTH) throw new ParseFailure(i, `values are nested more than ${MAX_JSON_DEPTH} levels deep; botflow reads manifests nested up to that depth`, 'limit');
    if (++values > MAX_JSON_VALUES) throw new ParseFailure(i, `the text holds more than ${MAX_JSON_VALUES} JSON values; botflow reads manifests up to that size`, 'limit');
    skipWs(pointer);
    const start = i;
    const existing = locations.get(pointer);
    if (existing) existing.offset = start;
    else locations.set(pointer, { offset: start });
    const c = text.charCodeAt(i);
    if (c === 123 /* { */) {
      i++;
      const obj: Record<string, JsonValue> = {};
      const seen = new Set<string>();
      skipWs(pointer);
      if (text.charCodeAt(i) === 125) { i++; return obj; }
      for (;;) {
        skipWs(pointer);
        if (text.charCodeAt(i) !== 34) {
          if (text.charCodeAt(i) === 39) fail(i, 'JSON strings and keys use double quotes, not single quotes');
          fail(i, `expected a property name in double quotes but found ${describeChar(text, i)}`);
        }
        const keyOffset = i;
        const key = parseString();
        const childPointer = `${pointer}/${escapePointerToken(key)}`;
        if (seen.has(key)) {
          problems.push({ kind: 'duplicate-key', offset: keyOffset, pointer: childPointer, message: `the key "${key}" appears more than once; the last one wins` });
        }
        seen.add(key);
        skipWs(pointer);
        if (text.charCodeAt(i) !== 58) fail(i, `expected ":" after the property name "${key}" but found ${describeChar(text, i)}`);
        i++;
        locations.set(childPointer, { offset: i, keyOffset });
        setOwn(obj, key, parseValue(childPointer, depth + 1));
        const loc = locations.get(childPointer);
        if (loc) loc.keyOffset = keyOffset;
        skipWs(pointer);
        const d = text.charCodeAt(i);
        if (d === 44) {
          const commaAt = i;
          i++;
          skipWs(pointer);
          if (text.charCodeAt(i) === 125) {
            problems.push({ kind: 'trailing-comma', offset: commaAt, pointer, message: 'JSON does not allow a comma after the last property' });
            i++;
            return obj;
          }
          continue;
        }
        if (d === 125) { i++; return obj; }
        fail(i, `expected "," or "}" after a property value but found ${describeChar(text, i)}`);
      }
    }
    if (c === 91 /* [ */) {
      i++;
      const arr: JsonValue[] = [];
      skipWs(pointer);
      if (text.charCodeAt(i) === 93) { i++; return arr; }
      for (;;) {
        arr.push(parseValue(`${pointer}/${arr.length}`, depth + 1));
        skipWs(pointer);
        const d = text.charCodeAt(i);
        if (d === 44) {
          const commaAt = i;
          i++;
          skipWs(pointer);
          if (text.charCodeAt(i) === 93) {
            problems.push({ kind: 'trailing-comma', offset: commaAt, pointer, message: 'JSON does not allow a comma after the last array item' });
            i++;
            return arr;
          }
          continue;
        }
        if (d === 93) { i++; return arr; }
        fail(i, `expected "," or "]" after an array item but found ${describeChar(text, i)}`);
      }
    }
    if (c === 34) return parseString();
    if (c === 116 && text.startsWith('true', i)) { i += 4; return true; }
    if (c === 102 && text.startsWith('false', i)) { i += 5; return false; }
    if (c === 110 && text.startsWith('null', i)) { i += 4; return null; }
    if (c === 45 || (c >= 48 && c <= 57)) {
      NUMBER.lastIndex = i;
      const m = NUMBER.exec(text);
      if (!m) fail(i, 'a number is malformed');
      const raw = (m as RegExpExecArray)[0];
      i += raw.length;
      const after = text.charCodeAt(i);
      if ((after >= 48 && after <= 57) || after === 46 || after === 101 || after === 69) {
        fail(start, 'a number is malformed (JSON numbers have no leading zeros and need digits around ".")');
      }
      return Number(raw);
    }
    if (i >= n) fail(i, 'the text ends where a value was expected');
    if (c === 39) fail(i, 'JSON strings use double quotes, not single quotes');
    fail(i, `expected a value but found ${describeChar(text, i)}`);
    return null;
  };

  const withPositions = (): JsonProblem[] => problems.map((p) => ({ ...p, ...lines.position(p.offset) }));

  try {
    const value = parseValue('', 0);
    skipWs('');
    if (i < n) fail(i, `unexpected ${describeChar(text, i)} after the end of the JSON value`);
    return { ok: true, value, problems: withPositions(), locations, lines };
  } catch (err) {
    if (err instanceof ParseFailure) {
      return { ok: false, error: { message: err.message, kind: err.kind, ...lines.position(err.offset) }, problems: withPositions(), lines };
    }
    if (err instanceof RangeError) {
      return { ok: false, error: { message: 'the JSON is nested too deeply to read', kind: 'limit', ...lines.position(i) }, problems: withPositions(), lines };
    }
    throw err;
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
