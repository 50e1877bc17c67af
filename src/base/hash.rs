//! SHA-256 in hex: the one hashing helper every stage uses (font and image identity,
//! review text hashes, content hashes, manifests). Base layer: imports nothing from the
//! crate.

use sha2::Digest as _;

/// This program's identity: a hash of its source code, `Cargo.lock`, the library built
/// into it and the compiler's version (made by `build.rs`). Cached renders are keyed by
/// it, so another build of hotline-kit never reuses them.
pub const BUILD_ID: &str = include_str!(concat!(env!("OUT_DIR"), "/build_id"));

/// Hex SHA-256 of bytes.
pub fn digest(bytes: &[u8]) -> String {
    sha2::Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// Hex SHA-256 of text, with Windows line endings read as Unix ones, so a checkout with
/// either gives the same hash.
pub fn text_digest(text: &str) -> String {
    digest(text.replace("\r\n", "\n").as_bytes())
}

/// Hex SHA-256 of a file: text files (SVG, TOML) with line endings normalised.
pub fn file_digest(bytes: &[u8]) -> String {
    match std::str::from_utf8(bytes) {
        Ok(t) if t.contains("\r\n") => text_digest(t),
        _ => digest(bytes),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_endings_do_not_change_a_text_hash() {
        assert_eq!(text_digest("a\r\nb\r\n"), text_digest("a\nb\n"));
        assert_eq!(file_digest(b"a\r\nb"), digest(b"a\nb"));
        assert_ne!(file_digest(b"a\r\nb"), digest(b"a\r\nb"));
        assert_eq!(
            digest(b""),
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
        );
    }
}
