//! Bytes as text that an HTML page holds inside a `<script type="text/plain">` element at 8 bits for
//! every 7 (base64 takes 8 for every 6): the bytes are read as 7-bit groups, and each group is one
//! ASCII character — except the three the element cannot hold as they are (NUL, which the parser
//! replaces; CR, which it turns into LF; `<`, which could end the element). Such a group is written
//! together with the group after it as one character from U+0100 (two bytes of UTF-8 for 14 bits).
//! The text starts with the byte count and a colon, so the last group's padding is dropped.
//!
//! Ours because no crate writes it (base-122 is the same idea for URLs); `formats::page` decodes it in
//! JavaScript with the same twenty lines (`UNPACK_JS`), and `tests/page.rs` checks both on any bytes.

/// The 7-bit groups that are never written as themselves, in escape order.
const ESCAPED: [u8; 3] = [0, b'\r', b'<'];
/// The first character of an escape: an escaped group's index × 128 + the next group.
const ESCAPE_BASE: u32 = 0x100;

/// The bytes as text.
pub fn pack(bytes: &[u8]) -> String {
    let mut groups = Vec::with_capacity(bytes.len() * 8 / 7 + 2);
    let (mut acc, mut bits) = (0u32, 0u32);
    for &b in bytes {
        acc = (acc << 8) | u32::from(b);
        bits += 8;
        while bits >= 7 {
            bits -= 7;
            groups.push(((acc >> bits) & 0x7f) as u8);
        }
        acc &= (1 << bits) - 1;
    }
    if bits > 0 {
        groups.push(((acc << (7 - bits)) & 0x7f) as u8);
    }
    let mut out = format!("{}:", bytes.len());
    out.reserve(groups.len());
    let mut i = 0;
    while i < groups.len() {
        let g = groups[i];
        if let Some(index) = ESCAPED.iter().position(|&e| e == g) {
            let next = groups.get(i + 1).copied().unwrap_or(0);
            let code = ESCAPE_BASE + (index as u32) * 128 + u32::from(next);
            out.push(char::from_u32(code).unwrap_or('\u{100}'));
            i += 2;
        } else {
            out.push(char::from(g));
            i += 1;
        }
    }
    out
}

/// The bytes [`pack`] wrote.
pub fn unpack(text: &str) -> Result<Vec<u8>, String> {
    let (count, body) = text.split_once(':').ok_or("the packed text has no byte count")?;
    let count: usize = count.trim().parse().map_err(|_| format!("\"{}\" is not a byte count", count.trim()))?;
    let mut out = Vec::with_capacity(count);
    let (mut acc, mut bits) = (0u32, 0u32);
    let mut push = |group: u32| {
        acc = (acc << 7) | group;
        bits += 7;
        if bits >= 8 {
            bits -= 8;
            if out.len() < count {
                out.push(((acc >> bits) & 0xff) as u8);
            }
        }
        acc &= (1 << bits) - 1;
    };
    for c in body.chars() {
        let code = u32::from(c);
        if code < 0x80 {
            push(code);
        } else if (ESCAPE_BASE..ESCAPE_BASE + 128 * ESCAPED.len() as u32).contains(&code) {
            let value = code - ESCAPE_BASE;
            push(u32::from(ESCAPED[(value >> 7) as usize]));
            push(value & 0x7f);
        } else {
            return Err(format!("U+{code:04X} is not part of packed text"));
        }
    }
    if out.len() == count { Ok(out) } else { Err(format!("the packed text holds {} of its {count} bytes", out.len())) }
}

/// [`unpack`] in JavaScript, for the page's boot script: `unpack7(text) -> Uint8Array`.
pub const UNPACK_JS: &str = r#"function unpack7(text) {
  const colon = text.indexOf(":"), count = Number(text.slice(0, colon)), out = new Uint8Array(count);
  const escaped = [0, 13, 60];
  let acc = 0, bits = 0, at = 0;
  const push = (group) => {
    acc = (acc << 7) | group; bits += 7;
    if (bits >= 8) { bits -= 8; if (at < count) out[at++] = (acc >> bits) & 255; }
    acc &= (1 << bits) - 1;
  };
  for (let i = colon + 1; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 128) push(code); else { const v = code - 256; push(escaped[v >> 7]); push(v & 127); }
  }
  if (at !== count) throw new Error(`the page's wasm holds ${at} of its ${count} bytes`);
  return out;
}
"#;
