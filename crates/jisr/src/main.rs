//! `jisr`: one binary for the whole platform. See `jisr --help`.

mod bench_db;
mod bench_http;
mod bench_registry;
mod checkpoints;
mod cli;
mod config;
mod demo;
mod demo_annual_reports;
mod demo_grants;
mod demo_grievances;
mod demo_matching;
mod demo_partners;
mod demo_quality;
mod demo_staff;
mod matching;
mod progress;
mod restore;
mod serve;

use std::process::ExitCode;

fn main() -> ExitCode {
    let args = <cli::Cli as clap::Parser>::parse();
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(rt) => rt,
        Err(e) => {
            eprintln!("jisr: cannot start the runtime: {e}");
            return ExitCode::FAILURE;
        }
    };
    match runtime.block_on(cli::run(args)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            // One line, no backtrace: the chain of causes joined by ": ".
            let line = format!("{e:#}").replace('\n', " ");
            eprintln!("jisr: {line}");
            ExitCode::from(2)
        }
    }
}
