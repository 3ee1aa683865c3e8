//! `cargo run --release --example bench -- [households] [seed]`
//! Prints a Markdown report of the targeting engine's timings over a synthetic registry.

fn main() {
    let mut args = std::env::args().skip(1);
    let households = args
        .next()
        .and_then(|a| a.parse().ok())
        .unwrap_or(1_000_000);
    let seed = args.next().and_then(|a| a.parse().ok()).unwrap_or(2024);
    print!("{}", jisr_targeting::bench::run(households, seed));
}
