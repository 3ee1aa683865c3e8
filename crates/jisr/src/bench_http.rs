//! `jisr bench http`: load and soak of the real server. It starts `jisr demo` as a child
//! process on a free loopback port (fresh SQLite in a temporary directory, or a fresh
//! PostgreSQL database made beside the given one and dropped after), and a bare axum
//! handler in this process as the reference measured in the same run. Then, for each
//! scenario, a number of clients with one kept-alive connection each send requests for a
//! bounded time; the report gives requests/s, p50, p99, the slowest, the errors, and the
//! server's memory. The soak runs the public pages at half the rate reached, in windows,
//! to show whether p99 and memory stay flat.
//!
//! Only 127.0.0.1 is ever addressed. The client is a minimal HTTP/1.1 one (keep-alive,
//! `Content-Length` and chunked bodies), enough for the server's own answers.

use anyhow::{Context, Result, anyhow, bail};
use std::fmt::Write as _;
use std::path::PathBuf;
use std::process::Stdio;
use std::sync::Arc;
use std::time::{Duration, Instant};
use tokio::io::{AsyncBufReadExt, AsyncReadExt, AsyncWriteExt, BufReader};
use tokio::net::TcpStream;

/// What to run.
pub struct Plan {
    /// Concurrent clients per scenario.
    pub clients: usize,
    /// Seconds per scenario.
    pub seconds: u64,
    /// Seconds of soak (0: none).
    pub soak_seconds: u64,
    /// A PostgreSQL address to make the bench database beside; SQLite when `None`.
    pub postgres: Option<String>,
}

/// One request a scenario sends, and the statuses that count as success.
#[derive(Clone)]
struct Req {
    method: &'static str,
    path: String,
    body: Option<String>,
    bearer: Option<String>,
    ok: &'static [u16],
}

impl Req {
    fn get(path: &str) -> Self {
        Req {
            method: "GET",
            path: path.into(),
            body: None,
            bearer: None,
            ok: &[200],
        }
    }
}

/// A scenario: a name and how the n-th request of client c is made.
struct Scenario {
    name: &'static str,
    make: Box<dyn Fn(usize, usize) -> Req + Send + Sync>,
}

/// What a run of one scenario measured.
#[derive(Default)]
struct Measured {
    latencies_us: Vec<u32>,
    errors: usize,
    first_error: Option<String>,
    elapsed: Duration,
}

impl Measured {
    fn rate(&self) -> f64 {
        self.latencies_us.len() as f64 / self.elapsed.as_secs_f64().max(1e-9)
    }

    fn percentile_ms(&self, p: f64) -> f64 {
        if self.latencies_us.is_empty() {
            return 0.0;
        }
        let mut v = self.latencies_us.clone();
        v.sort_unstable();
        let i = ((v.len() as f64 - 1.0) * p).round() as usize;
        f64::from(v[i]) / 1000.0
    }
}

/// A kept-alive HTTP/1.1 connection to 127.0.0.1.
struct Conn {
    reader: BufReader<TcpStream>,
    port: u16,
}

impl Conn {
    async fn open(port: u16) -> Result<Self> {
        let stream = TcpStream::connect(("127.0.0.1", port)).await?;
        stream.set_nodelay(true)?;
        Ok(Conn {
            reader: BufReader::new(stream),
            port,
        })
    }

    /// Sends `req`, reads the whole answer; the status.
    async fn send(&mut self, req: &Req) -> Result<u16> {
        let mut head = format!(
            "{} {} HTTP/1.1\r\nHost: 127.0.0.1:{}\r\nUser-Agent: jisr-bench\r\nAccept-Language: ar\r\n",
            req.method, req.path, self.port
        );
        if let Some(token) = &req.bearer {
            let _ = write!(head, "Authorization: Bearer {token}\r\n");
        }
        if let Some(body) = &req.body {
            let _ = write!(
                head,
                "Content-Type: application/json\r\nContent-Length: {}\r\n",
                body.len()
            );
        }
        head.push_str("\r\n");
        if let Some(body) = &req.body {
            head.push_str(body);
        }
        self.reader.get_mut().write_all(head.as_bytes()).await?;
        let mut line = String::new();
        self.reader.read_line(&mut line).await?;
        let status: u16 = line
            .split_whitespace()
            .nth(1)
            .and_then(|s| s.parse().ok())
            .ok_or_else(|| anyhow!("not an HTTP answer: {line:?}"))?;
        let mut length: Option<usize> = None;
        let mut chunked = false;
        let mut close = false;
        loop {
            line.clear();
            if self.reader.read_line(&mut line).await? == 0 {
                bail!("the connection closed in the headers");
            }
            let l = line.trim_end();
            if l.is_empty() {
                break;
            }
            if let Some((name, value)) = l.split_once(':') {
                let value = value.trim();
                match name.to_ascii_lowercase().as_str() {
                    "content-length" => length = value.parse().ok(),
                    "transfer-encoding" => chunked = value.eq_ignore_ascii_case("chunked"),
                    "connection" => close = value.eq_ignore_ascii_case("close"),
                    _ => {}
                }
            }
        }
        if chunked {
            loop {
                line.clear();
                self.reader.read_line(&mut line).await?;
                let size = usize::from_str_radix(line.trim().split(';').next().unwrap_or(""), 16)
                    .map_err(|_| anyhow!("bad chunk size {line:?}"))?;
                let mut chunk = vec![0u8; size + 2];
                self.reader.read_exact(&mut chunk).await?;
                if size == 0 {
                    break;
                }
            }
        } else if let Some(n) = length {
            let mut body = vec![0u8; n];
            self.reader.read_exact(&mut body).await?;
        }
        if close {
            *self = Conn::open(self.port).await?;
        }
        Ok(status)
    }
}

/// Runs `scenario` with `clients` clients for `duration`; with `pace`, each client waits
/// so that all together send at most that many requests per second.
async fn run(
    port: u16,
    scenario: &Arc<Scenario>,
    clients: usize,
    duration: Duration,
    pace: Option<f64>,
) -> Measured {
    let start = Instant::now();
    let deadline = start + duration;
    let interval = pace.map(|rate| Duration::from_secs_f64(clients as f64 / rate.max(0.001)));
    let tasks: Vec<_> = (0..clients)
        .map(|c| {
            let scenario = scenario.clone();
            tokio::spawn(async move { client(port, &scenario, c, deadline, interval).await })
        })
        .collect();
    let mut total = Measured::default();
    for t in tasks {
        let Ok(p) = t.await else {
            total.errors += 1;
            continue;
        };
        total.latencies_us.extend(p.latencies_us);
        total.errors += p.errors;
        if total.first_error.is_none() {
            total.first_error = p.first_error;
        }
    }
    total.elapsed = start.elapsed();
    total
}

/// One client: its own connection, requests until the deadline.
async fn client(
    port: u16,
    scenario: &Scenario,
    c: usize,
    deadline: Instant,
    interval: Option<Duration>,
) -> Measured {
    let mut m = Measured::default();
    let mut conn = match Conn::open(port).await {
        Ok(conn) => conn,
        Err(e) => {
            m.errors += 1;
            m.first_error = Some(e.to_string());
            return m;
        }
    };
    let mut n = 0usize;
    let mut next = Instant::now();
    while Instant::now() < deadline {
        if let Some(step) = interval {
            if next > Instant::now() {
                tokio::time::sleep_until(next.into()).await;
            }
            next += step;
        }
        let req = (scenario.make)(c, n);
        n += 1;
        let sent = Instant::now();
        match conn.send(&req).await {
            Ok(status) if req.ok.contains(&status) => {
                let us = sent.elapsed().as_micros().min(u128::from(u32::MAX)) as u32;
                m.latencies_us.push(us);
            }
            Ok(status) => {
                m.errors += 1;
                m.first_error
                    .get_or_insert_with(|| format!("{} {} → {status}", req.method, req.path));
            }
            Err(e) => {
                m.errors += 1;
                m.first_error.get_or_insert_with(|| e.to_string());
                match Conn::open(port).await {
                    Ok(c) => conn = c,
                    Err(_) => break,
                }
            }
        }
    }
    m
}

/// Resident memory of a process, and its peak, in MiB (Linux).
fn memory_mib(pid: u32) -> (f64, f64) {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap_or_default();
    let field = |name: &str| {
        status
            .lines()
            .find(|l| l.starts_with(name))
            .and_then(|l| l.split_whitespace().nth(1))
            .and_then(|v| v.parse::<f64>().ok())
            .map(|kib| kib / 1024.0)
            .unwrap_or(0.0)
    };
    (field("VmRSS:"), field("VmHWM:"))
}

fn free_port() -> Result<u16> {
    let l = std::net::TcpListener::bind("127.0.0.1:0")?;
    Ok(l.local_addr()?.port())
}

/// The bare reference: one axum handler answering a short text, in this process.
async fn reference_server() -> Result<u16> {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
    let port = listener.local_addr()?.port();
    let app = axum::Router::new().route("/", axum::routing::get(|| async { "ok" }));
    tokio::spawn(async move {
        let _ = axum::serve(listener, app).await;
    });
    Ok(port)
}

/// The server under test: `jisr demo` in a child process, with its own data.
struct Server {
    child: tokio::process::Child,
    port: u16,
    dir: tempfile_dir::Dir,
    env: Vec<(String, String)>,
    drop_database: Option<(String, String)>,
}

mod tempfile_dir {
    /// A directory removed when dropped.
    pub struct Dir(pub std::path::PathBuf);
    impl Drop for Dir {
        fn drop(&mut self) {
            let _ = std::fs::remove_dir_all(&self.0);
        }
    }
}

impl Server {
    async fn start(postgres: Option<&str>) -> Result<Server> {
        let exe = std::env::current_exe()?;
        let dir = std::env::temp_dir().join(format!("jisr-bench-http-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir)?;
        let dir = tempfile_dir::Dir(dir);
        let port = free_port()?;
        let mut env = vec![
            (
                "JISR_DATA_DIR".to_owned(),
                dir.0.join("data").display().to_string(),
            ),
            ("JISR_LIMIT_FILINGS".to_owned(), "off".to_owned()),
            ("JISR_LIMIT_TRACKING".to_owned(), "off".to_owned()),
            ("JISR_AUDIT_CHECKPOINT_MINUTES".to_owned(), "0".to_owned()),
            ("RUST_LOG".to_owned(), "warn".to_owned()),
        ];
        let mut drop_database = None;
        if let Some(admin) = postgres {
            let name = format!("jisr_bench_http_{}", std::process::id());
            let store_url = jisr_store::testing::with_database(admin, &name);
            create_database(admin, &name).await?;
            drop_database = Some((admin.to_owned(), name));
            env.push(("JISR_DATABASE_URL".to_owned(), store_url));
        }
        let log = std::fs::File::create(dir.0.join("server.log"))?;
        let child = tokio::process::Command::new(&exe)
            .arg("demo")
            .arg("--bind")
            .arg(format!("127.0.0.1:{port}"))
            .envs(env.iter().map(|(k, v)| (k.as_str(), v.as_str())))
            .stdout(Stdio::from(log.try_clone()?))
            .stderr(Stdio::from(log))
            .kill_on_drop(true)
            .spawn()
            .context("cannot start `jisr demo`")?;
        let mut server = Server {
            child,
            port,
            dir,
            env,
            drop_database,
        };
        let started = Instant::now();
        loop {
            if let Ok(mut conn) = Conn::open(port).await
                && conn.send(&Req::get("/readyz")).await.ok() == Some(200)
            {
                break;
            }
            if let Some(status) = server.child.try_wait()? {
                let log =
                    std::fs::read_to_string(server.dir.0.join("server.log")).unwrap_or_default();
                bail!("`jisr demo` ended ({status}) before it was ready:\n{log}");
            }
            if started.elapsed() > Duration::from_secs(300) {
                bail!("`jisr demo` was not ready within 5 minutes");
            }
            tokio::time::sleep(Duration::from_millis(200)).await;
        }
        Ok(server)
    }

    fn pid(&self) -> u32 {
        self.child.id().unwrap_or(0)
    }

    /// An API token of a demo account, made by the same binary on the same data.
    async fn token(&self, username: &str) -> Result<String> {
        let exe = std::env::current_exe()?;
        let out = tokio::process::Command::new(exe)
            .args(["token", "create", username, "--name", "bench"])
            .envs(self.env.iter().map(|(k, v)| (k.as_str(), v.as_str())))
            .output()
            .await?;
        let text = String::from_utf8_lossy(&out.stdout).into_owned()
            + &String::from_utf8_lossy(&out.stderr);
        text.split_whitespace()
            .find(|w| w.starts_with("jisr_"))
            .map(str::to_owned)
            .ok_or_else(|| anyhow!("no token for {username}: {text}"))
    }

    async fn stop(mut self) -> Result<()> {
        if let Some(pid) = self.child.id() {
            let _ = std::process::Command::new("kill")
                .args(["-TERM", &pid.to_string()])
                .status();
        }
        let _ = tokio::time::timeout(Duration::from_secs(20), self.child.wait()).await;
        let _ = self.child.kill().await;
        if let Some((admin, name)) = self.drop_database.take() {
            drop_database(&admin, &name).await?;
        }
        Ok(())
    }
}

async fn create_database(admin: &str, name: &str) -> Result<()> {
    use sea_orm::ConnectionTrait;
    let db = sea_orm::Database::connect(admin)
        .await
        .context("cannot reach the PostgreSQL server")?;
    db.execute_unprepared(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
        .await?;
    db.execute_unprepared(&format!("CREATE DATABASE {name}"))
        .await?;
    Ok(())
}

async fn drop_database(admin: &str, name: &str) -> Result<()> {
    use sea_orm::ConnectionTrait;
    let db = sea_orm::Database::connect(admin).await?;
    db.execute_unprepared(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
        .await?;
    Ok(())
}

/// A filing with one small PDF, unique per client and request.
fn filing(c: usize, n: usize, run: u32) -> String {
    serde_json::json!({
        "service": "disability-centre",
        "submission_key": format!("bench-{run}-{c}-{n}"),
        "applicant_relation": "parent",
        "applicant_name_fr": "Aicha Bench",
        "applicant_phone": "0612345678",
        "beneficiary_name_fr": format!("Salma {c} {n}"),
        "beneficiary_birth_date": "2018-01-01",
        "beneficiary_sex": "female",
        "commune_code": "07.427.01.01",
        "consent": true,
        "documents": [{
            "requirement": "birth_certificate",
            "file_name": "acte.pdf",
            "content_base64": "JVBERi0xLjQKJSBiZW5jaCBhY3RlCg=="
        }]
    })
    .to_string()
}

fn scenarios(officer_token: String, run: u32) -> Vec<Scenario> {
    let public = ["/", "/directory", "/services", "/open-data", "/track"];
    let api = [
        "/api/v1/regions",
        "/api/v1/provinces?region=07",
        "/api/v1/services",
        "/api/v1/services/disability-centre",
    ];
    let staff_token = officer_token;
    vec![
        Scenario {
            name: "public pages (home, directory, services, open data, tracking form)",
            make: Box::new(move |c, n| Req::get(public[(c + n) % public.len()])),
        },
        Scenario {
            name: "public API reads (regions, provinces, services)",
            make: Box::new(move |c, n| Req::get(api[(c + n) % api.len()])),
        },
        Scenario {
            name: "anonymous filings with a document (POST /api/v1/applications)",
            make: Box::new(move |c, n| Req {
                method: "POST",
                path: "/api/v1/applications".into(),
                body: Some(filing(c, n, run)),
                bearer: None,
                ok: &[200, 201],
            }),
        },
        Scenario {
            name: "staff queue reads as a provincial officer (GET /api/v1/applications)",
            make: Box::new(move |c, n| Req {
                method: "GET",
                path: if (c + n) % 2 == 0 {
                    "/api/v1/applications".into()
                } else {
                    "/api/v1/applications?status=submitted".into()
                },
                body: None,
                bearer: Some(staff_token.clone()),
                ok: &[200],
            }),
        },
    ]
}

fn row(out: &mut String, name: &str, clients: usize, m: &Measured, mem: (f64, f64)) {
    let _ = writeln!(
        out,
        "| {name} | {clients} | {} | {:.0} | {:.2} | {:.2} | {:.1} | {} | {:.0} / {:.0} |",
        m.latencies_us.len(),
        m.rate(),
        m.percentile_ms(0.5),
        m.percentile_ms(0.99),
        m.percentile_ms(1.0),
        m.errors,
        mem.0,
        mem.1,
    );
}

/// Runs the plan; the Markdown report.
pub async fn bench(plan: Plan) -> Result<String> {
    if plan.clients == 0 || plan.clients > 1024 {
        bail!("--clients: from 1 to 1024");
    }
    if plan.seconds == 0 || plan.seconds > 600 {
        bail!("--seconds: from 1 to 600");
    }
    if plan.soak_seconds > 3600 {
        bail!("--soak-seconds: at most 3600");
    }
    let engine = if plan.postgres.is_some() {
        "PostgreSQL"
    } else {
        "SQLite"
    };
    eprintln!("starting `jisr demo` on {engine}…");
    let server = Server::start(plan.postgres.as_deref()).await?;
    let token = server.token("officer.rehamna").await?;
    let reference_port = reference_server().await?;
    let duration = Duration::from_secs(plan.seconds);
    let mut out = String::new();
    let _ = writeln!(
        out,
        "## HTTP load on {engine}\n\n{} clients, {} s per scenario, one kept-alive connection per client; the server is `jisr demo` in its own process{}; the reference is a bare axum handler answering \"ok\" in the bench's process, measured in the same run. Memory: the server's resident set now / its peak, MiB. Machine: {} cores.\n",
        plan.clients,
        plan.seconds,
        if cfg!(debug_assertions) {
            " (unoptimised build: figures are not representative)"
        } else {
            ""
        },
        std::thread::available_parallelism()
            .map(|n| n.get())
            .unwrap_or(1),
    );
    out.push_str("| scenario | clients | requests | req/s | p50 ms | p99 ms | max ms | errors | memory MiB |\n|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    let reference = Arc::new(Scenario {
        name: "reference: bare axum handler",
        make: Box::new(|_, _| Req::get("/")),
    });
    eprintln!("{}…", reference.name);
    let m = run(reference_port, &reference, plan.clients, duration, None).await;
    row(&mut out, reference.name, plan.clients, &m, (0.0, 0.0));
    let mut errors = Vec::new();
    let mut public_rate = 0.0;
    for (i, s) in scenarios(token, std::process::id())
        .into_iter()
        .map(Arc::new)
        .enumerate()
    {
        eprintln!("{}…", s.name);
        let m = run(server.port, &s, plan.clients, duration, None).await;
        if i == 0 {
            public_rate = m.rate();
        }
        if let Some(e) = &m.first_error {
            errors.push(format!("{}: {} errors, first: {e}", s.name, m.errors));
        }
        row(&mut out, s.name, plan.clients, &m, memory_mib(server.pid()));
    }
    if !errors.is_empty() {
        out.push_str("\nErrors:\n");
        for e in &errors {
            let _ = writeln!(out, "- {e}");
        }
    }
    if plan.soak_seconds > 0 {
        let target = public_rate / 2.0;
        let windows = 10u64.min(plan.soak_seconds).max(1);
        let window = Duration::from_secs(plan.soak_seconds / windows);
        let _ = writeln!(
            out,
            "\n### Soak: public pages at half the rate reached ({target:.0} req/s), {} s in {windows} windows\n\n| window | requests | req/s | p50 ms | p99 ms | errors | memory MiB |\n|---:|---:|---:|---:|---:|---:|---:|",
            plan.soak_seconds
        );
        let public = Arc::new(scenarios(String::new(), 0).swap_remove(0));
        for w in 1..=windows {
            eprintln!("soak window {w}/{windows}…");
            let m = run(server.port, &public, plan.clients, window, Some(target)).await;
            let mem = memory_mib(server.pid());
            let _ = writeln!(
                out,
                "| {w} | {} | {:.0} | {:.2} | {:.2} | {} | {:.0} / {:.0} |",
                m.latencies_us.len(),
                m.rate(),
                m.percentile_ms(0.5),
                m.percentile_ms(0.99),
                m.errors,
                mem.0,
                mem.1
            );
        }
    }
    let log = std::fs::read_to_string(server.dir.0.join("server.log")).unwrap_or_default();
    let locked = log.matches("database is locked").count();
    let _ = writeln!(
        out,
        "\nServer log: {locked} \"database is locked\" line(s), {} error line(s).",
        log.lines().filter(|l| l.contains("ERROR")).count()
    );
    server.stop().await?;
    Ok(out)
}

/// Where the report goes besides the terminal.
pub fn write_report(path: Option<&PathBuf>, report: &str) -> Result<()> {
    if let Some(path) = path {
        std::fs::write(path, report).with_context(|| format!("cannot write {}", path.display()))?;
    }
    Ok(())
}
