//! `jisr bench registry`: the registry's data path at scale, on SQLite and on PostgreSQL
//! (`--postgres ADMIN_URL`, or `JISR_DATABASE_URL` when it is a PostgreSQL address): a
//! synthetic households file written to disk, then on a fresh database of each engine
//! the raw load of that file into a plain table (the reference: what the engine does
//! with no checks), the import, the import of the same file again, the index values, the
//! load into the targeting engine and a simulation of a threshold change — each with its
//! time and the process's peak memory during the step.

use anyhow::{Context, Result, anyhow};
use jisr_domain::access::Scope;
use jisr_store::audit::Actor;
use jisr_store::geo::{self, GeoSource};
use jisr_store::progress::Silent;
use jisr_store::registry;
use jisr_store::testing::TestDb;
use jisr_store::{Backend, Store};
use jisr_targeting::rules::{Criterion, Schema};
use jisr_targeting::seeds;
use jisr_targeting::simulate::simulate;
use jisr_targeting::synth::{Marginals, generate};
use sea_orm::{ConnectionTrait, DbBackend, Statement, Value};
use std::fmt::Write as _;
use std::io::{BufRead, BufReader};
use std::path::Path;
use std::time::Instant;

/// One measured step: its name, seconds, and peak resident memory in MiB.
struct Step {
    label: &'static str,
    seconds: f64,
    peak_mib: Option<u64>,
    /// Lines per second, for the steps that read the file.
    rate: Option<f64>,
}

/// Forgets the process's peak memory so far (Linux), so the next reading is the step's.
fn reset_peak() {
    let _ = std::fs::write("/proc/self/clear_refs", "5");
}

fn peak_mib() -> Option<u64> {
    jisr_targeting::bench::peak_rss_kib().map(|k| k / 1024)
}

async fn step<T, F: Future<Output = Result<T>>>(
    steps: &mut Vec<Step>,
    label: &'static str,
    lines: Option<u64>,
    f: F,
) -> Result<T> {
    reset_peak();
    let t = Instant::now();
    let out = f.await?;
    let seconds = t.elapsed().as_secs_f64();
    steps.push(Step {
        label,
        seconds,
        peak_mib: peak_mib(),
        rate: lines.map(|n| n as f64 / seconds.max(1e-9)),
    });
    Ok(out)
}

pub async fn run(households: usize, seed: u64, postgres: Option<String>) -> Result<String> {
    let dir = std::env::temp_dir().join(format!("jisr-bench-registry-{}", std::process::id()));
    std::fs::create_dir_all(&dir).with_context(|| format!("cannot create {}", dir.display()))?;
    let result = measure(&dir, households, seed, postgres).await;
    let _ = std::fs::remove_dir_all(&dir);
    result
}

async fn measure(
    dir: &Path,
    households: usize,
    seed: u64,
    postgres: Option<String>,
) -> Result<String> {
    let t = Instant::now();
    let generated = generate(&Marginals::embedded(), households, seed);
    let (persons_csv, index_csv) =
        registry::synthetic_files(&generated, chrono::Utc::now().date_naive());
    let persons = generated.person_count();
    drop(generated);
    let households_file = dir.join("households.csv");
    let index_file = dir.join("index.csv");
    std::fs::write(&households_file, &persons_csv)?;
    std::fs::write(&index_file, &index_csv)?;
    let lines = persons_csv.iter().filter(|b| **b == b'\n').count() as u64 - 1;
    drop(persons_csv);
    drop(index_csv);
    let generate_s = t.elapsed().as_secs_f64();

    let mut out = String::new();
    let _ = writeln!(out, "# The registry's data path\n");
    let _ = writeln!(
        out,
        "{households} synthetic households (seed {seed}), {persons} persons, {lines} lines in the households file \
         ({} MiB), generated in {generate_s:.1} s; {} threads. Each engine starts from a fresh database. \
         Peak memory is the process's resident peak during the step (the database server's own memory is not counted).\n",
        std::fs::metadata(&households_file)?.len() / (1024 * 1024),
        std::thread::available_parallelism().map_or(1, |n| n.get()),
    );
    let mut engines = vec![("SQLite", None)];
    if let Some(admin) = postgres {
        engines.push(("PostgreSQL", Some(admin)));
    }
    for (name, admin) in engines {
        let db = match &admin {
            None => TestDb::sqlite().await,
            Some(url) => TestDb::postgres_unmigrated(url).await,
        };
        let steps = engine(&db.store, &households_file, &index_file, lines).await;
        db.finish().await;
        let steps = steps?;
        let _ = writeln!(out, "## {name}\n");
        let _ = writeln!(
            out,
            "| step | time | lines/s | peak memory |\n|---|---:|---:|---:|"
        );
        for s in &steps {
            let _ = writeln!(
                out,
                "| {} | {:.2} s | {} | {} |",
                s.label,
                s.seconds,
                s.rate.map_or("".into(), |r| format!("{r:.0}")),
                s.peak_mib.map_or("".into(), |m| format!("{m} MiB")),
            );
        }
        out.push('\n');
    }
    Ok(out)
}

async fn engine(store: &Store, file: &Path, index: &Path, lines: u64) -> Result<Vec<Step>> {
    store.migrate().await?;
    let actor = Actor::system("bench");
    geo::import(store, &GeoSource::embedded(), &actor, &Silent).await?;
    let mut steps = Vec::new();
    let open = || -> Result<BufReader<std::fs::File>> {
        Ok(BufReader::with_capacity(
            1 << 20,
            std::fs::File::open(file)?,
        ))
    };

    step(
        &mut steps,
        "reference: the file loaded raw into a plain table",
        Some(lines),
        raw_load(store, open()?),
    )
    .await?;
    let first = step(
        &mut steps,
        "**import households** (checked, all or nothing, audited)",
        Some(lines),
        async {
            registry::import_households(store, &actor, open()?, &Silent)
                .await
                .map_err(|e| anyhow!("households import: {e:?}"))
        },
    )
    .await?;
    if first.persons.inserted != lines {
        return Err(anyhow!(
            "{} persons imported of {lines}",
            first.persons.inserted
        ));
    }
    let again = step(
        &mut steps,
        "**import the same file again** (nothing changes)",
        Some(lines),
        async {
            registry::import_households(store, &actor, open()?, &Silent)
                .await
                .map_err(|e| anyhow!("households re-import: {e:?}"))
        },
    )
    .await?;
    if again.changed() {
        return Err(anyhow!("the second import changed the registry: {again:?}"));
    }
    step(&mut steps, "import index values", None, async {
        let f = BufReader::with_capacity(1 << 20, std::fs::File::open(index)?);
        registry::import_index_values(store, &actor, f, &Silent)
            .await
            .map_err(|e| anyhow!("index import: {e:?}"))
    })
    .await?;
    let reg = step(
        &mut steps,
        "**load the registry into the engine**",
        None,
        async {
            registry::load(store, &Scope::National)
                .await
                .map_err(|e| anyhow!("load: {e}"))
        },
    )
    .await?;
    step(
        &mut steps,
        "simulate ASD with its threshold at 9.80 (on what was loaded)",
        None,
        async {
            let schema = Schema::households(&reg.geo);
            let mut draft = seeds::asd();
            let mut v2 = draft.versions[0].clone();
            v2.version = 2;
            v2.criteria[0] = Criterion {
                id: "index-threshold".into(),
                expr: "index <= 9.80".into(),
            };
            draft.versions.push(v2);
            let before = draft.compile(1, &schema).map_err(|e| anyhow!("{e:?}"))?;
            let after = draft.compile(2, &schema).map_err(|e| anyhow!("{e:?}"))?;
            simulate(&reg, &before, &after).map_err(|e| anyhow!("{e:?}"))
        },
    )
    .await?;
    Ok(steps)
}

/// The reference: every line of the file into a table of text columns without a key or
/// an index — PostgreSQL's `COPY … (FORMAT csv)`, SQLite's multi-row `INSERT`s in one
/// transaction.
async fn raw_load(store: &Store, mut file: impl BufRead) -> Result<()> {
    let mut header = String::new();
    file.read_line(&mut header)?;
    let columns: Vec<String> = header.trim_end().split(',').map(str::to_owned).collect();
    let conn = store.conn();
    conn.execute_unprepared(&format!(
        "CREATE TABLE bench_raw ({})",
        columns
            .iter()
            .map(|c| format!("{c} TEXT"))
            .collect::<Vec<_>>()
            .join(", ")
    ))
    .await?;
    match store.backend() {
        Backend::Postgres => {
            use sqlx::postgres::PgPoolCopyExt;
            let pool = conn.get_postgres_connection_pool();
            let mut copy = pool
                .copy_in_raw(&format!(
                    "COPY bench_raw ({}) FROM STDIN (FORMAT csv)",
                    columns.join(", ")
                ))
                .await?;
            let mut buf = vec![0u8; 1 << 20];
            loop {
                let n = file.read(&mut buf)?;
                if n == 0 {
                    break;
                }
                copy.send(&buf[..n]).await?;
            }
            copy.finish().await?;
        }
        Backend::Sqlite => {
            let per = 32_000 / columns.len();
            let one = format!("({})", vec!["?"; columns.len()].join(","));
            let mut reader = csv::ReaderBuilder::new()
                .has_headers(false)
                .from_reader(file);
            let txn = store.begin_write().await?;
            let mut values: Vec<Value> = Vec::new();
            let mut rows = 0;
            let flush = |values: Vec<Value>, rows: usize| {
                let sql = format!(
                    "INSERT INTO bench_raw VALUES {}",
                    vec![one.as_str(); rows].join(",")
                );
                Statement::from_sql_and_values(DbBackend::Sqlite, sql, values)
            };
            for record in reader.records() {
                let record = record?;
                values.extend(record.iter().map(|v| Value::from(v.to_owned())));
                rows += 1;
                if rows == per {
                    txn.execute_raw(flush(std::mem::take(&mut values), rows))
                        .await?;
                    rows = 0;
                }
            }
            if rows > 0 {
                txn.execute_raw(flush(values, rows)).await?;
            }
            txn.commit().await?;
        }
    }
    conn.execute_unprepared("DROP TABLE bench_raw").await?;
    Ok(())
}
