//! `cargo run --release -p jisr-matching --example bench -- RECORDS [SEED]`: the matching
//! benchmark without the rest of the binary.

fn main() {
    let mut args = std::env::args().skip(1);
    let records = args.next().and_then(|a| a.parse().ok()).unwrap_or(20_000);
    let seed = args.next().and_then(|a| a.parse().ok()).unwrap_or(2024);
    print!("{}", jisr_matching::bench::run(records, seed));
}
