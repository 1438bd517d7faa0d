// The encodings of the tables people import: UTF-8 (with or without a byte order mark) and Shift_JIS (CP932), which
// Japanese Excel writes. Decoding is fatal: a byte that does not fit refuses the file, where a lenient decoder would
// store U+FFFD in its place. Both decoders drop a leading byte order mark.

export const TEXT_ENCODINGS = ['utf-8', 'shift_jis'] as const;
export type TextEncoding = (typeof TEXT_ENCODINGS)[number];

const DECODERS: Record<TextEncoding, TextDecoder> = {
  'utf-8': new TextDecoder('utf-8', { fatal: true }),
  // The WHATWG Shift_JIS decoder is Windows' CP932, with its NEC and IBM extensions (①, ㈱ …).
  shift_jis: new TextDecoder('shift_jis', { fatal: true }),
};

/** The bytes as text in this encoding, or null when they are not. */
export function decodeText(bytes: Uint8Array, encoding: TextEncoding): string | null {
  try {
    return DECODERS[encoding].decode(bytes);
  } catch {
    return null;
  }
}

/** The encoding the bytes are in: UTF-8 when they read as UTF-8 (as plain ASCII does), else Shift_JIS; null for neither. */
export function detectEncoding(bytes: Uint8Array): TextEncoding | null {
  return TEXT_ENCODINGS.find((encoding) => decodeText(bytes, encoding) !== null) ?? null;
}
