// Reading a wasm module's binary format, as far as pykata's build and bench need it: LEB128
// integers and the module's sections.

/** Read a LEB128 unsigned integer at `at`: [value, next offset].
 * @param {Uint8Array} bytes @param {number} at @returns {[number, number]} */
export function leb(bytes, at) {
  let value = 0;
  let shift = 0;
  let byte;
  do {
    byte = bytes[at++];
    value += (byte & 0x7f) * 2 ** shift;
    shift += 7;
  } while (byte & 0x80);
  return [value, at];
}

/** `value` as LEB128 bytes. @param {number} value @returns {number[]} */
export function encodeLeb(value) {
  const out = [];
  do {
    let byte = value & 0x7f;
    value = Math.floor(value / 128);
    if (value) byte |= 0x80;
    out.push(byte);
  } while (value);
  return out;
}

/** The module's sections: `{id, name, start, body, end}`, `name` being a custom section's
 * (null for the others), `body` where its contents start (after the id and size).
 * @param {Uint8Array} bytes */
export function sections(bytes) {
  const found = [];
  for (let at = 8; at < bytes.length; ) {
    const id = bytes[at];
    const [size, body] = leb(bytes, at + 1);
    let name = null;
    if (id === 0) {
      const [length, start] = leb(bytes, body);
      name = new TextDecoder().decode(bytes.subarray(start, start + length));
    }
    found.push({ id, name, start: at, body, end: body + size });
    at = body + size;
  }
  return found;
}
