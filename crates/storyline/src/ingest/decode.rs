//! Bytes to text: binary detection, byte-order marks, declared and detected charsets.

use encoding_rs::Encoding;

use crate::error::InputError;

/// Text decoded from bytes, with a note when it was not plain UTF-8.
#[derive(Debug)]
pub struct Decoded {
    pub text: String,
    /// Set when a legacy charset was used or bad bytes were replaced.
    pub warning: Option<String>,
}

const MAGIC: &[(&[u8], &str)] = &[
    (b"%PDF", "PDF document"),
    (b"\x89PNG", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF8", "GIF image"),
    (b"PK\x03\x04", "ZIP archive"),
    (b"\x7fELF", "executable"),
    (b"BZh", "bzip2 data"),
    (b"\xfd7zXZ", "xz data"),
    (b"\x28\xb5\x2f\xfd", "zstd data"),
    (b"RIFF", "RIFF media"),
    (b"OggS", "Ogg media"),
    (b"ID3", "MP3 audio"),
    (b"SQLite format 3", "SQLite database"),
];

/// Refuses data that is not text: known binary signatures, NUL bytes or many
/// control characters in the first 8 KiB (UTF-16 with a BOM is allowed).
pub fn check_text(bytes: &[u8]) -> Result<(), InputError> {
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(InputError::Empty);
    }
    for (magic, what) in MAGIC {
        if bytes.starts_with(magic) {
            return Err(InputError::Binary((*what).to_string()));
        }
    }
    if Encoding::for_bom(bytes).is_some() {
        return Ok(());
    }
    let head = &bytes[..bytes.len().min(8192)];
    if memchr::memchr(0, head).is_some() {
        return Err(InputError::Binary("contains NUL bytes".into()));
    }
    let control = head
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0c))
        .count();
    if control * 20 > head.len() {
        return Err(InputError::Binary("mostly control characters".into()));
    }
    Ok(())
}

/// Decodes `bytes` to text. `declared` is a charset named by a container (an HTTP
/// header); HTML `<meta charset>` is looked for when `html` is set.
pub fn decode(bytes: &[u8], declared: Option<&str>, html: bool) -> Result<Decoded, InputError> {
    check_text(bytes)?;
    if std::str::from_utf8(bytes).is_ok() && Encoding::for_bom(bytes).is_none() {
        return decode_owned(bytes.to_vec(), declared, html);
    }
    decode_legacy(bytes, declared, html)
}

/// [`decode`] taking the bytes by value: UTF-8 (the common case) becomes the text without
/// a copy, which matters for documents of tens of megabytes.
pub fn decode_owned(bytes: Vec<u8>, declared: Option<&str>, html: bool) -> Result<Decoded, InputError> {
    check_text(&bytes)?;
    if Encoding::for_bom(&bytes).is_none() {
        match String::from_utf8(bytes) {
            Ok(text) => return Ok(Decoded { text, warning: None }),
            Err(e) => return decode_legacy(e.as_bytes(), declared, html),
        }
    }
    decode_legacy(&bytes, declared, html)
}

/// Text with a byte-order mark or in a legacy (declared or detected) charset.
fn decode_legacy(bytes: &[u8], declared: Option<&str>, html: bool) -> Result<Decoded, InputError> {
    if let Some((enc, bom_len)) = Encoding::for_bom(bytes) {
        let (text, had_errors) = enc.decode_without_bom_handling(&bytes[bom_len..]);
        return Ok(finish(text.into_owned(), enc, had_errors, "byte-order mark"));
    }
    let named = declared
        .and_then(|l| Encoding::for_label(l.trim().as_bytes()))
        .map(|e| (e, "declared charset"))
        .or_else(|| {
            html.then(|| meta_charset(bytes))
                .flatten()
                .map(|e| (e, "meta charset"))
        })
        .filter(|(e, _)| *e != encoding_rs::UTF_8);
    let (enc, how) = named.unwrap_or_else(|| {
        let mut det = chardetng::EncodingDetector::new();
        det.feed(bytes, true);
        (det.guess(None, true), "detected charset")
    });
    let (text, had_errors) = enc.decode_without_bom_handling(bytes);
    Ok(finish(text.into_owned(), enc, had_errors, how))
}

fn finish(text: String, enc: &'static Encoding, had_errors: bool, how: &str) -> Decoded {
    let mut warning = (enc != encoding_rs::UTF_8).then(|| format!("decoded as {} ({how})", enc.name()));
    if had_errors {
        let note = format!("invalid {} bytes replaced", enc.name());
        warning = Some(match warning {
            Some(w) => format!("{w}; {note}"),
            None => note,
        });
    }
    Decoded { text, warning }
}

/// Finds `<meta charset=X>` or `content="...; charset=X"` in the first 4 KiB.
fn meta_charset(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(4096)];
    let lower: Vec<u8> = head.iter().map(|b| b.to_ascii_lowercase()).collect();
    let at = memchr::memmem::find(&lower, b"charset=")?;
    let rest = &head[at + 8..];
    let rest = rest
        .strip_prefix(b"\"")
        .or_else(|| rest.strip_prefix(b"'"))
        .unwrap_or(rest);
    let end = rest
        .iter()
        .position(|b| !(b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b':' | b'.')))
        .unwrap_or(rest.len());
    Encoding::for_label(&rest[..end])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_passes_through() {
        let d = decode("Assad’s".as_bytes(), None, false).unwrap();
        assert_eq!(d.text, "Assad’s");
        assert!(d.warning.is_none());
    }

    #[test]
    fn cp1251_is_detected() {
        let (bytes, _, _) = encoding_rs::WINDOWS_1251.encode(
            "Министр иностранных дел России Сергей Лавров заявил в четверг, что переговоры продолжатся.",
        );
        let d = decode(&bytes, None, false).unwrap();
        assert!(d.text.contains("Лавров"), "{}", d.text);
        assert!(d.warning.unwrap().contains("windows-1251"));
    }

    #[test]
    fn html_meta_charset_is_used() {
        let mut bytes = b"<html><head><meta charset=\"iso-8859-1\"></head><body>caf".to_vec();
        bytes.push(0xe9);
        bytes.extend_from_slice(b" au lait</body></html>");
        let d = decode(&bytes, None, true).unwrap();
        assert!(d.text.contains("café"));
    }

    #[test]
    fn owned_and_borrowed_decoding_agree() {
        let (latin, _, _) =
            encoding_rs::WINDOWS_1252.encode("Caf\u{e9} cr\u{e8}me on the quay, said the owner.");
        let mut bom = b"\xef\xbb\xbf".to_vec();
        bom.extend_from_slice("Na\u{ef}ve text".as_bytes());
        for bytes in [&b"plain words"[..], &latin, &bom] {
            let a = decode(bytes, None, false).unwrap();
            let b = decode_owned(bytes.to_vec(), None, false).unwrap();
            assert_eq!((a.text, a.warning), (b.text, b.warning));
        }
        assert_eq!(decode_owned(bom, None, false).unwrap().text, "Na\u{ef}ve text");
    }

    #[test]
    fn binary_and_empty_are_refused() {
        assert!(matches!(check_text(b"%PDF-1.4 ..."), Err(InputError::Binary(_))));
        assert!(matches!(check_text(b"ab\0cd"), Err(InputError::Binary(_))));
        assert!(matches!(check_text(b"  \n "), Err(InputError::Empty)));
    }
}
