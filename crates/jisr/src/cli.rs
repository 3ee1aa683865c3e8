//! The subcommands.

use crate::checkpoints;
use crate::config::Config;
use crate::progress::Reporter;
use crate::{demo, serve};
use anyhow::{Context, Result, anyhow, bail};
use clap::{Args, Parser, Subcommand};
use jisr_domain::access::{Role, Scope};
use jisr_store::accounts::{self, Password};
use jisr_store::audit::{self, Actor};
use jisr_store::geo::{self, GeoSource};
use jisr_store::{Backend, Store};
use std::path::PathBuf;

#[derive(Parser, Debug)]
#[command(
    name = "jisr",
    version,
    about = "Jisr — the platform of a social-welfare agency and its establishments"
)]
pub struct Cli {
    /// A TOML configuration file (also JISR_CONFIG).
    #[arg(long, global = true, value_name = "FILE")]
    config: Option<PathBuf>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Run the web platform (pages and the JSON API).
    Serve(ServeArgs),
    /// Run the platform on a fresh SQLite database seeded with demo data.
    Demo(DemoArgs),
    /// Apply or list database migrations.
    Migrate {
        #[command(subcommand)]
        action: Option<MigrateAction>,
    },
    /// Reference geography.
    Geo {
        #[command(subcommand)]
        action: GeoAction,
    },
    /// The social registry.
    Registry {
        #[command(subcommand)]
        action: RegistryAction,
    },
    /// Staff accounts and their roles.
    User {
        #[command(subcommand)]
        action: UserAction,
    },
    /// Copy a running SQLite database consistently to a file.
    Backup {
        /// Destination file (must not exist).
        dest: PathBuf,
    },
    /// Put a SQLite backup back as the database (the server must be stopped): checked
    /// first (a SQLite file, undamaged, a Jisr database of this version or older, its
    /// audit chain intact); the replaced database is kept beside it.
    Restore {
        /// The backup file (from `jisr backup`).
        file: PathBuf,
    },
    /// API tokens for programs calling the JSON API.
    Token {
        #[command(subcommand)]
        action: TokenAction,
    },
    /// The audit trail.
    Audit {
        #[command(subcommand)]
        action: AuditAction,
    },
    /// Find the persons in a file of person records.
    Match {
        #[command(subcommand)]
        what: MatchWhat,
    },
    /// Measure the speed and memory of an engine on synthetic data; prints a report.
    Bench {
        #[command(subcommand)]
        what: BenchWhat,
    },
}

#[derive(Subcommand, Debug)]
enum BenchWhat {
    /// Eligibility rules, needs score and simulation over a synthetic registry.
    Targeting {
        /// Households to generate (persons follow the census household sizes).
        #[arg(long, default_value_t = 4_000_000)]
        households: usize,
        /// Seed of the generator: the same seed gives the same registry.
        #[arg(long, default_value_t = 2024)]
        seed: u64,
        /// Also write the Markdown report to this file.
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
        /// Fill a fresh SQLite database (in a temporary directory) with the households
        /// through the registry import, then time loading them back and the rules on what
        /// was loaded.
        #[arg(long)]
        from_db: bool,
    },
    /// The registry's data path at scale: a synthetic households file imported, imported
    /// again unchanged, loaded into the engine and simulated over, on a fresh SQLite
    /// database and, with a PostgreSQL address, on a fresh PostgreSQL database; times,
    /// lines per second and peak memory beside a raw load of the same file.
    Registry {
        /// Households to generate (persons follow the census household sizes).
        #[arg(long, default_value_t = 100_000)]
        households: usize,
        /// Seed of the generator: the same seed gives the same registry.
        #[arg(long, default_value_t = 2024)]
        seed: u64,
        /// A PostgreSQL address whose user may create databases (default:
        /// JISR_DATABASE_URL when it is a PostgreSQL address); a fresh database is created
        /// there for the run and dropped after it.
        #[arg(long, value_name = "URL")]
        postgres: Option<String>,
        /// Also write the Markdown report to this file.
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
    },
    /// Person matching: synthetic persons in both scripts with known duplicates; quality,
    /// search and speed beside an exact-key reference.
    Matching {
        /// Records to generate (duplicates included).
        #[arg(long, default_value_t = 100_000)]
        records: usize,
        /// Seed of the generator: the same seed gives the same records.
        #[arg(long, default_value_t = 2024)]
        seed: u64,
        /// Also write the Markdown report to this file.
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
    },
    /// Load and soak of the real server (`jisr demo` in a child process on 127.0.0.1,
    /// fresh data): public pages, API reads, anonymous filings with a document, staff
    /// reads; requests/s, p50/p99, errors and memory beside a bare axum handler.
    Http {
        /// Concurrent clients, each with one kept-alive connection (1 to 1024).
        #[arg(long, default_value_t = 64)]
        clients: usize,
        /// Seconds per scenario (1 to 600).
        #[arg(long, default_value_t = 10)]
        seconds: u64,
        /// Seconds of soak on the public pages at half the rate reached (0: none; at
        /// most 3600).
        #[arg(long, default_value_t = 0)]
        soak_seconds: u64,
        /// Run on PostgreSQL: a database is made beside this one for the run and dropped
        /// after (default: SQLite in a temporary directory).
        #[arg(long, value_name = "URL")]
        postgres: Option<String>,
        /// Also write the Markdown report to this file.
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
    },
}

#[derive(Subcommand, Debug)]
enum MatchWhat {
    /// Cluster person records (CSV or XLSX, first sheet) into persons, across Arabic and
    /// Latin spellings. Columns, in any order: record_id, first_name_lat, last_name_lat,
    /// first_name_ar, last_name_ar, birth_date (YYYY-MM-DD, DD/MM/YYYY or YYYY), sex (M or
    /// F), cin, commune_code; any may be empty but record_id. Every line is checked: a file
    /// with any refused line writes nothing, and each refusal is printed as
    /// FILE:LINE: column: reason.
    Persons {
        file: PathBuf,
        /// Where to write `record_id,cluster_id`.
        #[arg(long, value_name = "CLUSTERS.csv")]
        out: PathBuf,
        /// Also write the linked pairs: `record_id_a,record_id_b,score,explanation`.
        #[arg(long, value_name = "PAIRS.csv")]
        pairs: Option<PathBuf>,
        /// Probability at or above which two records are linked.
        #[arg(long, default_value_t = 0.9)]
        threshold: f64,
    },
}

#[derive(Args, Debug, Clone, Default)]
pub struct ServeArgs {
    /// Address and port to listen on (also JISR_BIND).
    #[arg(long, value_name = "ADDR:PORT")]
    pub bind: Option<String>,
    /// Directory of the SQLite database and uploaded files (also JISR_DATA_DIR).
    #[arg(long, value_name = "DIR")]
    pub data_dir: Option<PathBuf>,
}

#[derive(clap::Args, Debug)]
pub struct DemoArgs {
    #[command(flatten)]
    pub serve: ServeArgs,
    /// Synthetic households in the registry. Up to 400 they are Marrakech-Safi's (the
    /// demo's journeys expect these); above, the whole country's, in the census
    /// proportions, to try the pages at national scale (4000000: about 15.7 million
    /// persons).
    #[arg(long, default_value_t = crate::demo::DEMO_HOUSEHOLDS)]
    pub households: usize,
}

#[derive(Subcommand, Debug)]
enum MigrateAction {
    /// Apply every pending migration (the default).
    Up,
    /// List migrations and whether each is applied.
    Status,
}

#[derive(Subcommand, Debug)]
enum GeoAction {
    /// Load regions, provinces, cercles, communes and arrondissements (idempotent).
    Import {
        /// Read the five CSV files from this directory instead of the copy in the binary.
        #[arg(long, value_name = "DIR")]
        dir: Option<PathBuf>,
    },
}

#[derive(Subcommand, Debug)]
enum RegistryAction {
    /// Import a households file or an index file, CSV or XLSX (first sheet), told apart by
    /// its content. Every line is checked: a file with any refused line imports nothing,
    /// and each refusal is printed as FILE:LINE: column: reason (in an XLSX workbook, the
    /// line is the row number of the sheet). Importing the same file again changes nothing.
    Import {
        /// What the file holds.
        #[arg(value_enum)]
        kind: RegistryFile,
        file: PathBuf,
        /// Language of the reasons for refused lines: fr or ar.
        #[arg(long, default_value = "fr")]
        lang: String,
    },
}

#[derive(clap::ValueEnum, Clone, Copy, Debug)]
enum RegistryFile {
    /// Households and their persons, one line per person.
    Households,
    /// Dated registry index values of households already in the registry.
    Index,
}

#[derive(Subcommand, Debug)]
enum UserAction {
    /// Create a staff account. Without --password-stdin a temporary password is generated
    /// and printed once; it must be changed at first login.
    Add {
        username: String,
        /// The name shown in the interface.
        #[arg(long)]
        name: String,
        /// Read the password from the first line of standard input.
        #[arg(long)]
        password_stdin: bool,
        /// Grant this role at once (e.g. national_administrator).
        #[arg(long)]
        role: Option<String>,
        /// The scope of that role: national, region:07, province:07.427, establishment:12.
        #[arg(long, default_value = "national")]
        scope: String,
    },
    /// Grant a role over a scope to an existing account.
    Grant {
        username: String,
        #[arg(long)]
        role: String,
        #[arg(long, default_value = "national")]
        scope: String,
    },
}

#[derive(Subcommand, Debug)]
enum TokenAction {
    /// Create a token acting as USERNAME (with that account's grants); printed once.
    Create {
        username: String,
        /// What the token is for, e.g. "registry sync".
        #[arg(long)]
        name: String,
    },
    /// Revoke a token by its id; it stops working at once.
    Revoke { id: i64 },
    /// List tokens (never the tokens themselves).
    List,
}

#[derive(Subcommand, Debug)]
enum AuditAction {
    /// Walk the hash chain, then check it against the newest signed checkpoint; exit
    /// non-zero naming the first broken entry, a cut tail, a rollback or a rewrite.
    Verify {
        /// A checkpoint file kept outside the database (default: the newest in the
        /// checkpoint directory).
        #[arg(long)]
        checkpoint: Option<PathBuf>,
        /// The platform's public key, as a witness keeps it (default: the configured
        /// signing key's).
        #[arg(long)]
        public_key: Option<String>,
    },
    /// Take a signed checkpoint of the trail's head now, write it to the checkpoint
    /// directory and print it (for a witness to keep).
    Checkpoint,
    /// Print the public key that verifies the checkpoints.
    Key,
}

fn init_logging(cfg: &Config) {
    use tracing_subscriber::EnvFilter;
    let filter = EnvFilter::try_new(format!(
        "{},sqlx=warn,sea_orm=warn,sea_orm_migration=warn",
        cfg.log
    ))
    .unwrap_or_else(|_| EnvFilter::new("info"));
    // Colours only on a terminal: logs in files and pipes stay plain text.
    let ansi = std::io::IsTerminal::is_terminal(&std::io::stderr());
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_ansi(ansi)
        .with_writer(std::io::stderr);
    let _ = if cfg.log_format == "json" {
        builder.json().try_init()
    } else {
        builder.try_init()
    };
}

/// Connects to the configured database, naming the variable on failure.
pub async fn connect(cfg: &Config) -> Result<Store> {
    let url = cfg.database()?;
    if let Some(path) = url.sqlite_path()
        && let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty())
    {
        std::fs::create_dir_all(dir)
            .with_context(|| format!("JISR_DATA_DIR: cannot create {}", dir.display()))?;
    }
    Store::connect(&url).await.map_err(|e| {
        anyhow!(
            "JISR_DATABASE_URL: cannot connect to {}: {}",
            url.redacted(),
            one_line(&e.to_string())
        )
    })
}

/// Connects and makes sure the schema is current: SQLite migrates itself, PostgreSQL
/// asks for an explicit `jisr migrate`.
pub async fn connect_migrated(cfg: &Config) -> Result<Store> {
    let store = connect(cfg).await?;
    match store.backend() {
        Backend::Sqlite => store
            .migrate()
            .await
            .context("migrating the SQLite database")?,
        Backend::Postgres => {
            if store.has_pending_migrations().await? {
                bail!("the PostgreSQL database has pending migrations: run `jisr migrate` first");
            }
        }
    }
    Ok(store)
}

fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn apply_serve_args(cfg: &mut Config, args: &ServeArgs) {
    if let Some(b) = &args.bind {
        cfg.bind = b.clone();
    }
    if let Some(d) = &args.data_dir {
        cfg.data_dir = d.clone();
    }
}

fn parse_scope(s: &str) -> Result<Scope> {
    let (kind, code) = match s.split_once(':') {
        Some((k, c)) => (k, Some(c)),
        None => (s, None),
    };
    Scope::from_parts(kind, code).map_err(|e| anyhow!("--scope {s}: {e}"))
}

fn parse_role(s: &str) -> Result<Role> {
    Role::parse(s).ok_or_else(|| {
        let all: Vec<_> = Role::ALL.iter().map(|r| r.as_str()).collect();
        anyhow!("--role {s}: unknown role (one of {})", all.join(", "))
    })
}

/// Imports one registry file, printing what it did or every refused line.
async fn registry_import(
    store: &Store,
    kind: RegistryFile,
    path: &std::path::Path,
    locale: jisr_i18n::Locale,
) -> Result<()> {
    use jisr_store::registry::{self, Counts, ImportError};
    let open = || {
        std::fs::File::open(path)
            .map(std::io::BufReader::new)
            .with_context(|| format!("cannot read {}", path.display()))
    };
    let actor = Actor::system("cli");
    let progress = Reporter::new();
    let counts = |c: Counts| {
        format!(
            "{} inserted, {} updated, {} unchanged",
            c.inserted, c.updated, c.unchanged
        )
    };
    let outcome = match kind {
        RegistryFile::Households => registry::import_households(store, &actor, open()?, &progress)
            .await
            .map(|r| {
                format!(
                    "registry import: {} lines; households {}; persons {}; stays {} opened, {} closed; file sha256 {}",
                    r.rows,
                    counts(r.households),
                    counts(r.persons),
                    r.stays_opened,
                    r.stays_closed,
                    r.file_sha256
                )
            }),
        RegistryFile::Index => registry::import_index_values(store, &actor, open()?, &progress)
            .await
            .map(|r| {
                format!(
                    "registry index import: {} lines; values {}; file sha256 {}",
                    r.rows,
                    counts(r.values),
                    r.file_sha256
                )
            }),
    };
    match outcome {
        Ok(line) => {
            println!("{line}");
            Ok(())
        }
        Err(ImportError::Rows(rows)) => {
            let catalog = jisr_i18n::Catalog::load().map_err(|e| anyhow!("translations: {e}"))?;
            for r in &rows {
                eprintln!(
                    "{}:{}: {}: {}",
                    path.display(),
                    r.line,
                    r.column.unwrap_or("-"),
                    catalog.t(locale, r.problem.code())
                );
            }
            let mut lines: Vec<u64> = rows.iter().map(|r| r.line).collect();
            lines.dedup();
            let n = lines.len();
            bail!(
                "{}: {n} {} refused; nothing was imported",
                path.display(),
                if n == 1 { "line" } else { "lines" }
            )
        }
        Err(e) => Err(anyhow!("{}: {e}", path.display())),
    }
}

pub async fn run(cli: Cli) -> Result<()> {
    let mut cfg = Config::load(cli.config.as_deref())?;
    match cli.command {
        Command::Serve(args) => {
            apply_serve_args(&mut cfg, &args);
            init_logging(&cfg);
            let store = connect_migrated(&cfg).await?;
            serve::run(&cfg, store, None).await
        }
        Command::Demo(args) => {
            apply_serve_args(&mut cfg, &args.serve);
            if args.serve.data_dir.is_none() && std::env::var_os("JISR_DATA_DIR").is_none() {
                cfg.data_dir = std::env::temp_dir().join("jisr-demo");
            }
            init_logging(&cfg);
            demo::run(cfg, args.households).await
        }
        Command::Migrate { action } => {
            let store = connect(&cfg).await?;
            match action.unwrap_or(MigrateAction::Up) {
                MigrateAction::Up => {
                    store.migrate().await?;
                    println!("migrations applied ({})", store.backend().as_str());
                }
                MigrateAction::Status => {
                    for (name, applied) in store.migration_status().await? {
                        println!("{} {name}", if applied { "applied" } else { "pending" });
                    }
                }
            }
            Ok(())
        }
        Command::Geo {
            action: GeoAction::Import { dir },
        } => {
            let store = connect_migrated(&cfg).await?;
            let source = match &dir {
                Some(d) => GeoSource::from_dir(d)?,
                None => GeoSource::embedded(),
            };
            let s = geo::import(&store, &source, &Actor::system("cli"), &Reporter::new()).await?;
            println!(
                "geo import: {} inserted, {} updated, {} unchanged",
                s.inserted, s.updated, s.unchanged
            );
            Ok(())
        }
        Command::Registry {
            action: RegistryAction::Import { kind, file, lang },
        } => {
            let locale = jisr_i18n::Locale::parse(&lang)
                .filter(|l| matches!(l, jisr_i18n::Locale::Fr | jisr_i18n::Locale::Ar))
                .ok_or_else(|| anyhow!("--lang {lang}: one of fr, ar"))?;
            let store = connect_migrated(&cfg).await?;
            registry_import(&store, kind, &file, locale).await
        }
        Command::User { action } => {
            let store = connect_migrated(&cfg).await?;
            let actor = Actor::system("cli");
            match action {
                UserAction::Add {
                    username,
                    name,
                    password_stdin,
                    role,
                    scope,
                } => {
                    let role = role.as_deref().map(parse_role).transpose()?;
                    let scope = parse_scope(&scope)?;
                    let (text, generated) = if password_stdin {
                        let mut line = String::new();
                        std::io::stdin()
                            .read_line(&mut line)
                            .context("reading the password")?;
                        (line.trim_end_matches(['\r', '\n']).to_owned(), false)
                    } else {
                        (Password::temporary(), true)
                    };
                    let password = Password::parse(&text)?;
                    let id = match role {
                        Some(role) => {
                            accounts::create_user_with_grant(
                                &store, &actor, &username, &name, &password, true, role, &scope,
                            )
                            .await?
                        }
                        None => {
                            accounts::create_user(&store, &actor, &username, &name, &password, true)
                                .await?
                        }
                    };
                    println!("user {} created (id {id})", username.trim().to_lowercase());
                    if generated {
                        println!(
                            "temporary password (shown once, to change at first login): {text}"
                        );
                    }
                    Ok(())
                }
                UserAction::Grant {
                    username,
                    role,
                    scope,
                } => {
                    let role = parse_role(&role)?;
                    let scope = parse_scope(&scope)?;
                    let user = accounts::find_user(store.conn(), &username)
                        .await
                        .map_err(|_| anyhow!("no user named `{username}`"))?;
                    accounts::grant_role(
                        &store,
                        &actor,
                        jisr_domain::ids::UserId(user.id),
                        role,
                        &scope,
                    )
                    .await?;
                    println!(
                        "granted {} over {scope} to {}",
                        role.as_str(),
                        user.username
                    );
                    Ok(())
                }
            }
        }
        Command::Token { action } => {
            let store = connect_migrated(&cfg).await?;
            let actor = Actor::system("cli");
            match action {
                TokenAction::Create { username, name } => {
                    let user = accounts::find_user(store.conn(), &username)
                        .await
                        .map_err(|_| anyhow!("no user named `{username}`"))?;
                    let (id, token) =
                        jisr_store::tokens::create(&store, &actor, user.id, &name).await?;
                    println!("token {id} created for {} (shown once):", user.username);
                    println!("{token}");
                }
                TokenAction::Revoke { id } => {
                    jisr_store::tokens::revoke(&store, &actor, id).await?;
                    println!("token {id} revoked");
                }
                TokenAction::List => {
                    for t in jisr_store::tokens::list(&store).await? {
                        let state = if t.revoked_at.is_some() {
                            "revoked"
                        } else {
                            "active"
                        };
                        println!(
                            "{}\t{}\tuser {}\t{}\t{}",
                            t.id, state, t.user_id, t.created_at, t.name
                        );
                    }
                }
            }
            Ok(())
        }
        Command::Bench {
            what:
                BenchWhat::Targeting {
                    households,
                    seed,
                    out,
                    from_db,
                },
        } => {
            if cfg!(debug_assertions) {
                eprintln!("note: this is an unoptimised build; build with --release to measure");
            }
            let report = if from_db {
                crate::bench_db::run(households, seed).await?
            } else {
                jisr_targeting::bench::run(households, seed).to_string()
            };
            print!("{report}");
            if let Some(path) = out {
                std::fs::write(&path, &report)
                    .with_context(|| format!("cannot write {}", path.display()))?;
            }
            Ok(())
        }
        Command::Restore { file } => {
            let r = crate::restore::run(&cfg, &file).await?;
            println!(
                "restored {}: {} audit entries, chain intact; signed checkpoint #{} taken",
                file.display(),
                r.entries,
                r.checkpoint_seq
            );
            if let Some(kept) = r.kept_previous {
                println!("the database it replaced is kept as {}", kept.display());
            }
            if !r.superseded.is_empty() {
                let list: Vec<String> = r.superseded.iter().map(|n| format!("#{n}")).collect();
                println!(
                    "checkpoints taken after the backup no longer hold and were moved aside: {} (a witness's copy of them will show this rollback; the trail records the restore)",
                    list.join(", ")
                );
            }
            Ok(())
        }
        Command::Match {
            what:
                MatchWhat::Persons {
                    file,
                    out,
                    pairs,
                    threshold,
                },
        } => crate::matching::match_persons(&file, &out, pairs.as_deref(), threshold),
        Command::Bench {
            what:
                BenchWhat::Registry {
                    households,
                    seed,
                    postgres,
                    out,
                },
        } => {
            if cfg!(debug_assertions) {
                eprintln!("note: this is an unoptimised build; build with --release to measure");
            }
            let postgres = postgres.or_else(|| {
                std::env::var("JISR_DATABASE_URL")
                    .ok()
                    .filter(|u| u.starts_with("postgres"))
            });
            let report = crate::bench_registry::run(households, seed, postgres).await?;
            print!("{report}");
            if let Some(path) = out {
                std::fs::write(&path, &report)
                    .with_context(|| format!("cannot write {}", path.display()))?;
            }
            Ok(())
        }
        Command::Bench {
            what: BenchWhat::Matching { records, seed, out },
        } => {
            if cfg!(debug_assertions) {
                eprintln!("note: this is an unoptimised build; build with --release to measure");
            }
            let report = crate::matching::bench(records, seed);
            print!("{report}");
            if let Some(path) = out {
                std::fs::write(&path, &report)
                    .with_context(|| format!("cannot write {}", path.display()))?;
            }
            Ok(())
        }
        Command::Bench {
            what:
                BenchWhat::Http {
                    clients,
                    seconds,
                    soak_seconds,
                    postgres,
                    out,
                },
        } => {
            if cfg!(debug_assertions) {
                eprintln!("note: this is an unoptimised build; build with --release to measure");
            }
            let report = crate::bench_http::bench(crate::bench_http::Plan {
                clients,
                seconds,
                soak_seconds,
                postgres,
            })
            .await?;
            print!("{report}");
            crate::bench_http::write_report(out.as_ref(), &report)
        }
        Command::Backup { dest } => {
            let store = connect(&cfg).await?;
            if dest.exists() {
                bail!("{}: already exists", dest.display());
            }
            store.backup_sqlite(&dest).await?;
            println!("backup written to {}", dest.display());
            Ok(())
        }
        Command::Audit {
            action:
                AuditAction::Verify {
                    checkpoint,
                    public_key,
                },
        } => {
            let store = connect_migrated(&cfg).await?;
            let v = audit::verify(&store).await?;
            if let Some(b) = v.first_break {
                let (id, why) = match b {
                    jisr_domain::audit::ChainBreak::PrevMismatch { id } => (
                        id,
                        "does not follow the entry before it (an entry was removed or inserted)",
                    ),
                    jisr_domain::audit::ChainBreak::HashMismatch { id } => {
                        (id, "does not match its hash (the entry was altered)")
                    }
                };
                bail!(
                    "audit trail broken at entry {id}: it {why}; {} entries before it verify",
                    v.entries
                )
            }
            let found = match checkpoint {
                Some(path) => Some((path.clone(), checkpoints::read(&path)?)),
                None => checkpoints::newest(&checkpoints::dir(&cfg))?,
            };
            let Some((path, signed)) = found else {
                println!(
                    "audit trail verified: {} entries, chain intact; no checkpoint to check it against, so a cut tail or an older copy would not show (see `jisr audit checkpoint`)",
                    v.entries
                );
                return Ok(());
            };
            let trusted = checkpoints::trusted_key(&cfg, public_key.as_deref())?;
            match jisr_store::audit::checkpoint::check(&store, &signed, trusted.as_ref()).await? {
                Err(e) => bail!("{}: {e}", path.display()),
                Ok(a) => match checkpoints::verdict(&signed, v.entries, &a) {
                    Ok(line) => {
                        println!("{line}");
                        if trusted.is_none() {
                            println!(
                                "note: no trusted public key (--public-key): the signature was checked against the key the checkpoint names"
                            );
                        }
                        Ok(())
                    }
                    Err(line) => bail!("{line}"),
                },
            }
        }
        Command::Audit {
            action: AuditAction::Checkpoint,
        } => {
            let store = connect_migrated(&cfg).await?;
            let key = checkpoints::signing_key(&cfg)?;
            let (signed, new, path) =
                checkpoints::take(&store, &key, &checkpoints::dir(&cfg), "cli", 1).await?;
            eprintln!(
                "{} {} in {}",
                if new {
                    "written:"
                } else {
                    "nothing new since:"
                },
                checkpoints::describe(&signed),
                path.display()
            );
            print!("{}", signed.to_text());
            Ok(())
        }
        Command::Audit {
            action: AuditAction::Key,
        } => {
            let key = checkpoints::signing_key(&cfg)?;
            println!("{}", hex::encode(key.verifying_key().to_bytes()));
            Ok(())
        }
    }
}
