//! Writes the big hostile files (too big to commit) into a folder and prints the path of
//! every hostile file, committed ones included, for `scripts/hostile.sh`.
//! Usage: cargo run --example hostile_files -- DIR

#[path = "../tests/common/hostile.rs"]
mod hostile;

fn main() {
    let Some(dir) = std::env::args_os().nth(1) else {
        eprintln!("usage: hostile_files DIR");
        std::process::exit(2);
    };
    let dir = std::path::PathBuf::from(dir);
    std::fs::create_dir_all(&dir).expect("create the folder");
    for path in hostile::corpus(&dir) {
        println!("{}", path.display());
    }
}
