// The `uri` format of the generated Teams validators: ajv-formats' full `uri` check, with a
// cheaper test in front of it for the URLs manifests are made of.
//
// ajv-formats checks a `uri` against one large RFC 3986 regular expression. V8 compiles a regular
// expression on its first use, and this one takes about 5 ms to compile: a large share of a cold
// `botflow manifest` (V8's code cache keeps compiled functions, not compiled regular expressions).
// PLAIN below accepts a strict subset of what that expression accepts: a scheme, "//", a host
// made of reg-name characters, an optional port, path segments, a query and a fragment, each
// drawn from the very character classes the full expression allows in that place, with no
// percent-escapes, user info or IP-literal hosts. Whatever PLAIN accepts, the full check accepts;
// everything else goes to the full check. So the verdict is always the full check's
// (uri-format.test.ts holds the two equal on generated and real-world strings).
import { fullFormats } from 'ajv-formats/dist/formats.js';

const PLAIN = /^[a-z][a-z0-9+\-.]*:\/\/[a-z0-9\-._~!$&'()*+,;=]*(?::\d*)?(?:\/[a-z0-9\-._~!$&'()*+,;=:@]*)*(?:\?[a-z0-9\-._~!$&'()*+,;=:@/?]*)?(?:#[a-z0-9\-._~!$&'()*+,;=:@/?]*)?$/i;
const fullUri = fullFormats.uri as (str: string) => boolean;

/** True when PLAIN alone decides (exported for the test). */
export function isPlainUri(str: string): boolean {
  return PLAIN.test(str);
}

/** ajv-formats' full `uri` format, answered by PLAIN where PLAIN accepts. */
export function uri(str: string): boolean {
  return PLAIN.test(str) || fullUri(str);
}

/** ajv-formats' full formats, with `uri` replaced by the function above. */
const formats = { ...fullFormats, uri };
export { formats as fullFormats };
