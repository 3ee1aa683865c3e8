//! Regenerates `data/marginals.csv` and `data/communes.csv` from the HCP census files.
//! Usage: `cargo run --example derive_marginals -- [census-dir]`.

use jisr_targeting::synth::marginals::{census_dir, derive_from_dir};
use std::path::PathBuf;

fn main() -> Result<(), String> {
    let dir = std::env::args()
        .nth(1)
        .map(PathBuf::from)
        .or_else(census_dir)
        .ok_or("census directory not found")?;
    let (cells, communes) = derive_from_dir(&dir)?.to_csv();
    let data = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("data");
    std::fs::write(data.join("marginals.csv"), cells).map_err(|e| e.to_string())?;
    std::fs::write(data.join("communes.csv"), communes).map_err(|e| e.to_string())?;
    Ok(())
}
