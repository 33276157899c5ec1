//! Reading text files that may come from anyone: bounded size, UTF-8 with or without BOM,
//! LF or CRLF. Every refusal names the file and, where it applies, the line and column.

use std::fs::File;
use std::io::Read;
use std::path::Path;

use crate::domain::limits::MAX_FILE_BYTES;

use super::locate::line_col;
use super::report::FileReport;

/// Reads `path` as text, refusing files over `MAX_FILE_BYTES` without reading them whole.
pub fn read_text(path: &Path) -> Result<String, FileReport> {
    let name = path.display().to_string();
    let file = File::open(path).map_err(|e| {
        FileReport::single(&name, "io", (1, 1), format!("cannot open the file: {e}"))
    })?;
    let too_large = || {
        FileReport::single(
            &name,
            "too-large",
            (1, 1),
            format!(
                "the file is larger than {} MiB; expected a smaller case or session file",
                MAX_FILE_BYTES / 1024 / 1024
            ),
        )
    };
    // A regular file's size is known up front: refuse it without reading a byte. The
    // bounded read below still guards files that grow, pipes and special files.
    if file.metadata().is_ok_and(|m| m.len() > MAX_FILE_BYTES) {
        return Err(too_large());
    }
    let mut bytes = Vec::new();
    file.take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| {
            FileReport::single(&name, "io", (1, 1), format!("cannot read the file: {e}"))
        })?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(too_large());
    }
    decode(&name, bytes)
}

/// UTF-8 → text without BOM and with LF line ends. Line and column numbers stay those an
/// editor shows: CR only ever precedes LF here, and a BOM is not a visible column.
pub fn decode(name: &str, mut bytes: Vec<u8>) -> Result<String, FileReport> {
    if bytes.starts_with(b"\xEF\xBB\xBF") {
        bytes.drain(..3);
    }
    let text = String::from_utf8(bytes).map_err(|e| {
        let good = e.utf8_error().valid_up_to();
        let prefix = String::from_utf8_lossy(&e.as_bytes()[..good]).into_owned();
        FileReport::single(
            name,
            "encoding",
            line_col(&prefix, prefix.len()),
            "invalid UTF-8 byte; expected a UTF-8 text file (save it as UTF-8 in your editor)"
                .to_string(),
        )
    })?;
    Ok(if text.contains('\r') {
        text.replace("\r\n", "\n")
    } else {
        text
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strips_bom_and_crlf() {
        let t = decode("f", b"\xEF\xBB\xBFa\r\nb\r\n".to_vec()).unwrap();
        assert_eq!(t, "a\nb\n");
    }

    #[test]
    fn invalid_utf8_points_at_the_byte() {
        let r = decode("f.ron", b"ok\nab\xFFc".to_vec()).unwrap_err();
        let d = &r.diagnostics[0];
        assert_eq!((d.line, d.col), (2, 3));
        assert_eq!(d.code, "encoding");
    }

    #[test]
    fn refuses_huge_files_without_reading_them_whole() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("big.ron");
        let f = File::create(&p).unwrap();
        f.set_len(MAX_FILE_BYTES + 10).unwrap();
        let r = read_text(&p).unwrap_err();
        assert_eq!(r.diagnostics[0].code, "too-large");
    }
}
