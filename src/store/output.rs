//! Writing generated files (exports, handouts) where the user said and nowhere else:
//! never over a folder, never over the input they were made from, always atomically.

use std::path::Path;

use super::atomic::write_atomic;
use super::session_file::describe_io;

/// Writes `text` to `path`, refusing a folder and any of `inputs` (the same file under
/// another name included). The error says what to do instead.
pub fn write_output(path: &Path, text: &str, inputs: &[&Path]) -> Result<(), String> {
    if path.is_dir() {
        return Err(format!(
            "{} is a folder; expected a file name, e.g. {}",
            path.display(),
            path.join("export.html").display()
        ));
    }
    if inputs.iter().any(|i| same_file(i, path)) {
        return Err(format!(
            "{} is the input file; expected a different output file",
            path.display()
        ));
    }
    write_atomic(path, text.as_bytes(), false)
        .map_err(|e| format!("cannot write {}: {}", path.display(), describe_io(&e)))
}

fn same_file(a: &Path, b: &Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_folders_and_inputs_and_writes_files() {
        let dir = tempfile::tempdir().unwrap();
        let input = dir.path().join("s.ron");
        std::fs::write(&input, "Session()").unwrap();
        let e = write_output(dir.path(), "x", &[&input]).unwrap_err();
        assert!(e.contains("is a folder"), "{e}");
        let alias = dir.path().join(".").join("s.ron");
        let e = write_output(&alias, "x", &[&input]).unwrap_err();
        assert!(e.contains("is the input file"), "{e}");
        assert_eq!(std::fs::read_to_string(&input).unwrap(), "Session()");
        let out = dir.path().join("s.html");
        write_output(&out, "<p>", &[&input]).unwrap();
        assert_eq!(std::fs::read_to_string(&out).unwrap(), "<p>");
        let files = std::fs::read_dir(dir.path()).unwrap().count();
        assert_eq!(files, 2, "no temporary files left");
    }
}
