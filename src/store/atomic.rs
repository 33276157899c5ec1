//! Atomic file writes: the real name only ever holds a complete file.
//!
//! Write a temporary file in the same folder, fsync it, keep the previous version as
//! `FILE.bak`, rename over the real name, fsync the folder. A crash at any point leaves
//! either the old file or the new one, never a mix.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// Writes `bytes` to `path` atomically. With `backup`, an existing file is kept as `FILE.bak`.
///
/// A symlink is followed, so a linked session file stays a link. A path that is not a
/// regular file (`/dev/stdout`, a pipe) is written in place: renaming over it would replace
/// the device with a plain file.
pub fn write_atomic(path: &Path, bytes: &[u8], backup: bool) -> io::Result<()> {
    let path = &fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
    if let Ok(meta) = fs::metadata(path) {
        if meta.is_dir() {
            return Err(io::Error::new(
                io::ErrorKind::InvalidInput,
                "the path is a folder; expected a file name",
            ));
        }
        if !meta.is_file() {
            return OpenOptions::new().write(true).open(path)?.write_all(bytes);
        }
    }
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
    // The temp name is per process: two saves at once (autosave and Ctrl-S) take turns.
    static ONE_AT_A_TIME: Mutex<()> = Mutex::new(());
    let _turn = ONE_AT_A_TIME
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
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

    #[test]
    fn symlinks_stay_links() {
        let dir = tempfile::tempdir().unwrap();
        let real = dir.path().join("real.ron");
        let link = dir.path().join("link.ron");
        fs::write(&real, b"old").unwrap();
        std::os::unix::fs::symlink(&real, &link).unwrap();
        write_atomic(&link, b"new", true).unwrap();
        assert!(
            fs::symlink_metadata(&link)
                .unwrap()
                .file_type()
                .is_symlink()
        );
        assert_eq!(fs::read(&real).unwrap(), b"new");
        assert_eq!(fs::read(backup_path(&real)).unwrap(), b"old");
    }

    #[test]
    fn pipes_are_written_in_place_not_replaced() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("pipe");
        let made = std::process::Command::new("mkfifo").arg(&fifo).status();
        if !made.is_ok_and(|s| s.success()) {
            eprintln!("skipped: mkfifo is not available");
            return;
        }
        let reader = {
            let fifo = fifo.clone();
            std::thread::spawn(move || fs::read(fifo).unwrap())
        };
        write_atomic(&fifo, b"through the pipe", false).unwrap();
        assert_eq!(reader.join().unwrap(), b"through the pipe");
        assert!(!fs::metadata(&fifo).unwrap().is_file(), "still a pipe");
    }

    #[test]
    fn a_folder_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let err = write_atomic(dir.path(), b"x", false).unwrap_err();
        assert!(err.to_string().contains("folder"), "{err}");
    }
}
