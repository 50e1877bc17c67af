//! A kit as one zip file (the web application's downloads, `batch`'s per-facility
//! zip): the same entries always make the same bytes.

use std::io::Write as _;

use crate::base::diag::Diagnostic;

/// A zip of `entries` (name, bytes), the same bytes every time: fixed timestamps and
/// permissions, entries in the order given; files that are compressed already (PDF,
/// PNG, MP4) are stored, others deflated.
pub fn zip(entries: &[(String, &[u8])]) -> Result<Vec<u8>, Diagnostic> {
    use zip::write::SimpleFileOptions;
    let fail = |e: String| Diagnostic::error(format!("cannot make the zip file: {e}"));
    let mut w = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for (name, bytes) in entries {
        let packed = [".pdf", ".png", ".mp4", ".jpg", ".zip"]
            .iter()
            .any(|e| name.ends_with(e));
        let opts = SimpleFileOptions::default()
            .compression_method(if packed {
                zip::CompressionMethod::Stored
            } else {
                zip::CompressionMethod::Deflated
            })
            .last_modified_time(zip::DateTime::default())
            .unix_permissions(0o644);
        w.start_file(name.as_str(), opts)
            .map_err(|e| fail(e.to_string()))?;
        w.write_all(bytes).map_err(|e| fail(e.to_string()))?;
    }
    let out = w.finish().map_err(|e| fail(e.to_string()))?;
    Ok(out.into_inner())
}
