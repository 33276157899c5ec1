//! Files: RON load and save with limits, located errors, sessions, autosave
//! and recovery. The domain never touches the file system; this module does.

pub mod atomic;
pub mod autosave;
pub mod case_file;
pub mod document;
pub mod library;
pub mod locate;
pub mod migrate;
pub mod output;
pub mod recovery;
pub mod report;
pub mod ron_io;
pub mod session_file;
pub mod source;
