use std::process::ExitCode;

use clap::Parser;

use revmap::cli::{self, Cli};

fn main() -> ExitCode {
    let args = Cli::parse();
    match args.command {
        Some(command) => cli::run(command, args.lang),
        None => revmap::app::open(
            args.file.as_deref(),
            args.output.as_deref(),
            args.lang,
            args.theme,
        ),
    }
}
