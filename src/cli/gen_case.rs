//! `revmap gen-case`: a deterministic synthetic case of any size.

use std::path::PathBuf;

use crate::domain::limits::MAX_PARTICIPANTS;
use crate::domain::synth::{GenSpec, generate};
use crate::store::ron_io;

use super::exit;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Number of participants
    #[arg(long, default_value_t = 100)]
    pub participants: usize,

    /// Random seed: the same seed gives the same case
    #[arg(long, default_value_t = 1)]
    pub seed: u64,

    /// Number of catalogue topics (spread over School 291's five directions)
    #[arg(long, default_value_t = 25)]
    pub topics: usize,

    /// Language of names and topics: en or ru
    #[arg(long, default_value = "en", value_parser = ["en", "ru"])]
    pub case_lang: String,

    /// Write to FILE instead of standard output
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

pub fn run(args: &Args) -> u8 {
    if args.participants < 2 || args.participants > MAX_PARTICIPANTS {
        eprintln!("revmap gen-case: --participants must be between 2 and {MAX_PARTICIPANTS}");
        return exit::ERRORS;
    }
    if args.topics < 2 || args.topics > 10_000 {
        eprintln!("revmap gen-case: --topics must be between 2 and 10000");
        return exit::ERRORS;
    }
    let case = generate(&GenSpec {
        participants: args.participants,
        topics: args.topics,
        seed: args.seed,
        lang: args.case_lang.clone(),
    });
    let text = match ron_io::to_pretty(&case) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("revmap gen-case: cannot write the case: {e}");
            return exit::ERRORS;
        }
    };
    super::write_output(args.output.as_deref(), &text, "gen-case")
}
