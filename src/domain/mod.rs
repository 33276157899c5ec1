//! The domain: cases, participants, status, validation, synthetic cases. Plain Rust with no
//! terminal or file-system dependency, so the CLI, the TUI and tests share it.

pub mod case;
pub mod coverage;
pub mod diag;
pub mod limits;
pub mod map;
pub mod merge;
pub mod pairing;
pub mod privacy;
pub mod room;
pub mod session;
pub mod session_diff;
pub mod status;
pub mod synth;
pub mod text;
pub mod validate;
