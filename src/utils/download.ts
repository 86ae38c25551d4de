/**
 * Browser-only helpers (call them from event handlers, never at module top level): save text as
 * a file, copy text to the clipboard, read a picked file.
 */

/** Offers `text` as a download named `name`. Nothing leaves the page. */
export function downloadText(name: string, type: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: `${type};charset=utf-8` }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.rel = 'noopener';
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Copies text; false when the browser refuses (no permission, insecure context). */
export async function copyText(text: string): Promise<boolean> {
  try {
    if (navigator.clipboard?.writeText) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    /* fall back below */
  }
  try {
    const area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.style.position = 'fixed';
    area.style.opacity = '0';
    document.body.appendChild(area);
    area.select();
    const ok = document.execCommand('copy');
    area.remove();
    return ok;
  } catch {
    return false;
  }
}

/** Largest file a widget reads into the page. */
export const MAX_PICKED_FILE_BYTES = 10 * 1024 * 1024;

export async function readPickedFile(file: File, as: 'text' | 'bytes'): Promise<string | Uint8Array> {
  if (file.size > MAX_PICKED_FILE_BYTES) {
    throw new Error(`"${file.name}" is ${Math.ceil(file.size / 1024 / 1024)} MB; the limit is ${MAX_PICKED_FILE_BYTES / 1024 / 1024} MB.`);
  }
  return as === 'text' ? file.text() : new Uint8Array(await file.arrayBuffer());
}
