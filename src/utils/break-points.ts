/**
 * Where a host, URL, path or identifier in code may wrap: after `/`, `.`, `?`, `&`, `=` and `_`,
 * and before `-`, never inside a run of letters and digits. The parts are joined with <wbr>
 * elements, which copy as nothing, so a copied host or URL stays exact. Pure.
 */
export function breakableParts(value: string): string[] {
  return value.split(/(?<=[/.?&=_])(?=[^/.?&=_])|(?=-)/).filter((part) => part !== '');
}
