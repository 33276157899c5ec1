//! Atomic file writes: the real name only ever holds a complete file.
//!
//! Write a temporary file in the same folder, fsync it, keep the previous version as
//! `FILE.bak`, rename over the real name, fsync the folder. A crash at any point leaves
//! either the old file or the new one, never a mix.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// Writes `bytes` to `path` atomically. With `backup`, an existing file is kept as `FILE.bak`.
pub fn write_atomic(path: &Path, bytes: &[u8], backup: bool) -> io::Result<()> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let name = path
        .file_name()
        .ok_or_else(|| io::Error::new(io::ErrorKind::InvalidInput, "the path names no file"))?;
    let tmp = dir.join(format!(
        ".{}.tmp-{}",
        name.to_string_lossy(),
        std::process::id()
    ));
    let result = write_then_rename(&tmp, path, &dir, bytes, backup);
    if result.is_err() {
        let _ = fs::remove_file(&tmp);
    }
    result
}

fn write_then_rename(
    tmp: &Path,
    path: &Path,
    dir: &Path,
    bytes: &[u8],
    backup: bool,
) -> io::Result<()> {
    let mut f = match OpenOptions::new().write(true).create_new(true).open(tmp) {
        // The name carries our process id, so an existing one is left by a dead process
        // that had the same id (killed mid-save): it is ours to replace.
        Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {
            fs::remove_file(tmp)?;
            OpenOptions::new().write(true).create_new(true).open(tmp)?
        }
        other => other?,
    };
    f.write_all(bytes)?;
    f.sync_all()?;
    drop(f);
    if backup && path.exists() {
        // Copy rather than rename so the real name never disappears, even for an instant.
        fs::copy(path, backup_path(path))?;
    }
    fs::rename(tmp, path)?;
    sync_dir(dir);
    Ok(())
}

/// `FILE.bak` beside `FILE`.
pub fn backup_path(path: &Path) -> PathBuf {
    let mut s = path.as_os_str().to_owned();
    s.push(".bak");
    PathBuf::from(s)
}

/// Makes the rename durable. Not every platform can open a folder; that is not an error.
fn sync_dir(dir: &Path) {
    if let Ok(d) = File::open(dir) {
        let _ = d.sync_all();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_and_keeps_a_backup() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("s.ron");
        write_atomic(&p, b"one", true).unwrap();
        assert!(!backup_path(&p).exists());
        write_atomic(&p, b"two", true).unwrap();
        assert_eq!(fs::read(&p).unwrap(), b"two");
        assert_eq!(fs::read(backup_path(&p)).unwrap(), b"one");
        let leftovers: Vec<_> = fs::read_dir(dir.path())
            .unwrap()
            .filter_map(|e| e.ok())
            .filter(|e| e.file_name().to_string_lossy().contains(".tmp-"))
            .collect();
        assert!(leftovers.is_empty());
    }

    #[test]
    fn a_stale_temp_file_from_a_killed_process_is_replaced() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("s.ron");
        let stale = dir
            .path()
            .join(format!(".s.ron.tmp-{}", std::process::id()));
        fs::write(&stale, b"half").unwrap();
        write_atomic(&p, b"whole", true).unwrap();
        assert_eq!(fs::read(&p).unwrap(), b"whole");
        assert!(!stale.exists());
    }

    #[test]
    fn failure_leaves_the_old_file() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("missing-folder").join("s.ron");
        assert!(write_atomic(&p, b"x", true).is_err());
        assert!(!p.exists());
    }
}
