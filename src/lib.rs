//! revmap: reverse-mentoring workshops in the terminal.
//!
//! `domain` is plain Rust (no terminal); `store` reads and writes files; `cli` holds the
//! subcommands; `app` and `ui` are the interactive session.

pub mod app;
pub mod cli;
pub mod domain;
pub mod export;
pub mod i18n;
pub mod import;
pub mod store;
pub mod ui;
