//! `revmap pair CASE`: forms the optimal pairs of a case and prints them with their reasons.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::time::Instant;

use serde::Serialize;

use crate::domain::case::Case;
use crate::domain::pairing::explain::Explainer;
use crate::domain::pairing::{Mode, Overrides, Pairing, Problem};
use crate::i18n::Lang;
use crate::store::case_file::load_case;
use crate::store::ron_io;

use super::exit;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Case file
    #[arg(value_name = "CASE")]
    pub case: PathBuf,

    /// How pairs are formed
    #[arg(long, value_enum, default_value_t = ModeArg::OneToOne)]
    pub mode: ModeArg,

    /// Output format: a readable table with reasons, or JSON / RON for tools
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,

    /// Write the weighted graph the solver solved to FILE (JSON, for shared/peers/solve.py)
    #[arg(long, value_name = "FILE")]
    pub dump_graph: Option<PathBuf>,

    /// Print build and solve times in milliseconds to standard error
    #[arg(long)]
    pub timings: bool,

    /// Write to FILE instead of standard output
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ModeArg {
    OneToOne,
    Group,
    Network,
    Mutual,
    Choose,
}

impl ModeArg {
    fn mode(self) -> Mode {
        match self {
            ModeArg::OneToOne => Mode::OneToOne,
            ModeArg::Group => Mode::Group,
            ModeArg::Network => Mode::Network,
            ModeArg::Mutual => Mode::Mutual,
            ModeArg::Choose => Mode::Choose,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Text,
    Json,
    Ron,
}

/// The JSON / RON document (schema in `docs/pairing.md`).
#[derive(Serialize)]
struct Report<'a> {
    format: &'static str,
    version: u32,
    case: &'a str,
    mode: &'static str,
    lang: Lang,
    result: &'a Pairing,
    /// One sentence per pair and per unmatched entry, in the same order.
    reasons: Reasons,
}

#[derive(Serialize)]
struct Reasons {
    pairs: Vec<String>,
    unmatched: Vec<String>,
}

pub fn run(args: &Args, lang: Option<Lang>) -> u8 {
    let mode = args.mode.mode();
    if mode == Mode::Choose && args.dump_graph.is_some() {
        eprintln!(
            "revmap pair: --dump-graph is not available in choose mode (a stable matching is not a weighted optimum); expected one of one-to-one, group, network, mutual"
        );
        return exit::ERRORS;
    }
    let started = Instant::now();
    let case = match load_case(&args.case) {
        Ok((case, _warnings)) => case,
        Err(report) => {
            let mut text = String::new();
            report.render_text(&mut text);
            eprint!("{text}");
            return exit::ERRORS;
        }
    };
    let loaded = Instant::now();
    let problem = match Problem::build(&case, mode, &Overrides::default()) {
        Ok(p) => p,
        Err(e) => {
            eprintln!("revmap pair: {}: {e}", args.case.display());
            return exit::ERRORS;
        }
    };
    let edges = problem.edge_count();
    let built = Instant::now();
    let optimised = problem.optimise();
    let solved = Instant::now();
    let graph = args.dump_graph.as_ref().and_then(|_| optimised.graph());
    let pairing = optimised.pairing();
    let explained = Instant::now();
    let lang = lang
        .or_else(Lang::from_env)
        .or_else(|| Lang::from_code(&case.lang))
        .unwrap_or_default();
    let out = render(&case, &pairing, args.format, lang);
    let rendered = Instant::now();
    if args.timings {
        let ms = |a: Instant, b: Instant| (b - a).as_secs_f64() * 1000.0;
        eprintln!(
            "revmap pair: {} participants, {edges} candidate edges; load {:.1} ms, build {:.1} ms, solve {:.1} ms, reasons {:.1} ms, output {:.1} ms",
            case.participants.len(),
            ms(started, loaded),
            ms(loaded, built),
            ms(built, solved),
            ms(solved, explained),
            ms(explained, rendered),
        );
    }
    if let (Some(path), Some(graph)) = (&args.dump_graph, &graph) {
        let code = write_json(path, graph);
        if code != exit::OK {
            return code;
        }
    }
    super::write_output(args.output.as_deref(), &out, "pair")
}

fn write_json(path: &Path, value: &impl Serialize) -> u8 {
    match serde_json::to_string(value) {
        Ok(text) => super::write_output(Some(path), &text, "pair"),
        Err(e) => {
            eprintln!("revmap pair: cannot write {}: {e}", path.display());
            exit::ERRORS
        }
    }
}

/// What `revmap pair` prints for `pairing` (used by the snapshot tests as well).
pub fn render(case: &Case, pairing: &Pairing, format: Format, lang: Lang) -> String {
    let explainer = Explainer::new(case, lang);
    if format == Format::Text {
        return render_text(case, pairing, &explainer, lang);
    }
    let report = Report {
        format: "revmap-pairing",
        version: 1,
        case: &case.title,
        mode: pairing.mode.key(),
        lang,
        result: pairing,
        reasons: Reasons {
            pairs: pairing.pairs.iter().map(|p| explainer.pair(p)).collect(),
            unmatched: pairing
                .unmatched
                .iter()
                .map(|u| explainer.unmatched(u))
                .collect(),
        },
    };
    let text = match format {
        Format::Json => serde_json::to_string_pretty(&report)
            .map(|s| s + "\n")
            .map_err(|e| e.to_string()),
        _ => ron_io::to_pretty(&report).map_err(|e| e.to_string()),
    };
    text.unwrap_or_else(|e| format!("cannot serialise the result: {e}\n"))
}

fn render_text(case: &Case, pairing: &Pairing, ex: &Explainer, lang: Lang) -> String {
    let t = lang.reasons();
    let name = |id| ex.name(id);
    let mut out = String::new();
    let summary = t
        .summary
        .replace("{pairs}", &pairing.pairs.len().to_string())
        .replace("{served}", &pairing.objective.served.to_string())
        .replace("{score}", &pairing.objective.score.to_string());
    let mode = lang.strings().mode_name(pairing.mode);
    let _ = writeln!(out, "{} — {mode}\n{summary}\n", case.title);
    for (k, p) in pairing.pairs.iter().enumerate() {
        let lock = if p.locked {
            format!(" {}", t.locked_mark)
        } else {
            String::new()
        };
        let topic = if p.topic.is_empty() {
            "—"
        } else {
            ex.topic_name(&p.topic)
        };
        let _ = writeln!(
            out,
            "{:>4}. {} → {}  ·  {topic}  ·  {}{lock}",
            k + 1,
            name(&p.mentor),
            name(&p.mentee),
            p.score
        );
        let _ = writeln!(out, "      {}", ex.pair(p));
    }
    if !pairing.unmatched.is_empty() {
        let heading = t
            .unmatched_heading
            .replace("{count}", &pairing.unmatched.len().to_string());
        let _ = writeln!(out, "\n{heading}");
        for u in &pairing.unmatched {
            let _ = writeln!(out, "  {}: {}", name(&u.participant), ex.unmatched(u));
        }
    }
    if !pairing.blocking.is_empty() {
        let heading = t
            .blocking_heading
            .replace("{count}", &pairing.blocking.len().to_string());
        let _ = writeln!(out, "\n{heading}");
        for b in &pairing.blocking {
            let _ = writeln!(out, "  {} → {}", name(&b.mentor), name(&b.mentee));
        }
    }
    out
}
