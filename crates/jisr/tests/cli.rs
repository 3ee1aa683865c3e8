//! The binary as a user runs it: real processes, real databases.

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

fn jisr(dir: &Path) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_jisr"));
    c.env_clear()
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .env("CI", "true")
        .env("JISR_DATA_DIR", dir)
        .current_dir(dir);
    c
}

fn run(c: &mut Command) -> Output {
    c.output().expect("run jisr")
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

#[test]
fn help_lists_the_subcommands() {
    let dir = tempfile::tempdir().unwrap();
    let o = run(jisr(dir.path()).arg("--help"));
    assert!(o.status.success());
    for sub in [
        "serve", "demo", "migrate", "geo", "registry", "user", "backup", "audit",
    ] {
        assert!(stdout(&o).contains(sub), "{sub} missing from --help");
    }
}

#[test]
fn a_malformed_database_url_stops_with_one_clear_line() {
    let dir = tempfile::tempdir().unwrap();
    let o = run(jisr(dir.path())
        .env("JISR_DATABASE_URL", "mysql://x/y")
        .args(["migrate"]));
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert_eq!(err.trim().lines().count(), 1, "{err}");
    assert!(err.starts_with("jisr: JISR_DATABASE_URL:"), "{err}");
    assert!(!err.contains("panicked") && !err.contains("backtrace"));
}

#[test]
fn an_unreachable_database_stops_with_one_clear_line_without_the_password() {
    let dir = tempfile::tempdir().unwrap();
    let o = run(jisr(dir.path())
        .env(
            "JISR_DATABASE_URL",
            "postgres://jisr:topsecret@127.0.0.1:1/jisr",
        )
        .args(["migrate", "status"]));
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert_eq!(err.trim().lines().count(), 1, "{err}");
    assert!(err.contains("JISR_DATABASE_URL: cannot connect"), "{err}");
    assert!(!err.contains("topsecret"), "{err}");
}

#[test]
fn a_port_in_use_stops_with_one_clear_line() {
    let dir = tempfile::tempdir().unwrap();
    let taken = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = taken.local_addr().unwrap().to_string();
    let o = run(jisr(dir.path()).args(["serve", "--bind", &addr]));
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    let last = err.trim().lines().last().unwrap_or("");
    assert!(
        last.starts_with("jisr: JISR_BIND: cannot listen on"),
        "{err}"
    );
}

#[test]
fn geo_import_is_idempotent_and_a_bad_file_names_its_place() {
    let dir = tempfile::tempdir().unwrap();
    let first = run(jisr(dir.path()).args(["geo", "import"]));
    assert!(first.status.success(), "{}", stderr(&first));
    assert!(
        stdout(&first).contains("1852 inserted, 0 updated"),
        "{}",
        stdout(&first)
    );
    let second = run(jisr(dir.path()).args(["geo", "import"]));
    assert!(
        stdout(&second).contains("0 inserted, 0 updated, 1852 unchanged"),
        "{}",
        stdout(&second)
    );

    let files = dir.path().join("geo");
    std::fs::create_dir_all(&files).unwrap();
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data/geo");
    for f in [
        "regions.csv",
        "provinces.csv",
        "cercles.csv",
        "communes.csv",
        "arrondissements.csv",
    ] {
        std::fs::copy(src.join(f), files.join(f)).unwrap();
    }
    let provinces = std::fs::read_to_string(files.join("provinces.csv")).unwrap();
    std::fs::write(
        files.join("provinces.csv"),
        provinces.replacen("07.427,", "07.4x7,", 1),
    )
    .unwrap();
    let bad = run(jisr(dir.path())
        .args(["geo", "import", "--dir"])
        .arg(&files));
    assert_eq!(bad.status.code(), Some(2));
    let err = stderr(&bad);
    let line = provinces
        .lines()
        .position(|l| l.starts_with("07.427,"))
        .unwrap()
        + 1;
    assert!(err.contains(&format!("provinces.csv:{line}:1:")), "{err}");
}

/// A households workbook of one household of two; `spouse_birth` is the spouse's birth
/// date as text (row 3 of the sheet).
fn households_xlsx(spouse_birth: &str) -> Vec<u8> {
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    let rows = [
        [
            "household_key",
            "commune_code",
            "person_key",
            "first_name_lat",
            "last_name_lat",
            "birth_date",
            "sex",
            "relation",
        ],
        [
            "CLI-1",
            "07.427.01.01",
            "P-1",
            "Ali",
            "Amrani",
            "1980-01-01",
            "male",
            "head",
        ],
        [
            "CLI-1",
            "07.427.01.01",
            "P-2",
            "Hind",
            "Amrani",
            spouse_birth,
            "female",
            "spouse",
        ],
    ];
    for (r, row) in rows.iter().enumerate() {
        for (c, v) in row.iter().enumerate() {
            sheet.write_string(r as u32, c as u16, *v).unwrap();
        }
    }
    book.save_to_buffer().unwrap()
}

#[test]
fn registry_files_are_imported_from_the_command_line_csv_or_xlsx() {
    let dir = tempfile::tempdir().unwrap();
    assert!(
        run(jisr(dir.path()).args(["geo", "import"]))
            .status
            .success()
    );
    let good = dir.path().join("households.xlsx");
    std::fs::write(&good, households_xlsx("1982-02-03")).unwrap();
    let first = run(jisr(dir.path())
        .args(["registry", "import", "households"])
        .arg(&good));
    assert!(first.status.success(), "{}", stderr(&first));
    assert!(
        stdout(&first)
            .contains("households 1 inserted, 0 updated, 0 unchanged; persons 2 inserted"),
        "{}",
        stdout(&first)
    );
    let again = run(jisr(dir.path())
        .args(["registry", "import", "households"])
        .arg(&good));
    assert!(
        stdout(&again).contains("households 0 inserted, 0 updated, 1 unchanged; persons 0 inserted, 0 updated, 2 unchanged"),
        "{}",
        stdout(&again)
    );

    let bad = dir.path().join("bad.xlsx");
    std::fs::write(&bad, households_xlsx("1982-02-30")).unwrap();
    let o = run(jisr(dir.path())
        .args(["registry", "import", "households"])
        .arg(&bad));
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert!(
        err.contains(&format!(
            "{}:3: birth_date: Date invalide (AAAA-MM-JJ ou JJ/MM/AAAA).",
            bad.display()
        )),
        "{err}"
    );
    assert!(
        err.contains("1 line refused; nothing was imported"),
        "{err}"
    );
    let ar = run(jisr(dir.path())
        .args(["registry", "import", "households", "--lang", "ar"])
        .arg(&bad));
    assert!(stderr(&ar).contains("تاريخ غير صالح"), "{}", stderr(&ar));

    let index = dir.path().join("index.csv");
    std::fs::write(&index, "household_key,value,date\nCLI-1,9.5,2024-01-01\n").unwrap();
    let o = run(jisr(dir.path())
        .args(["registry", "import", "index"])
        .arg(&index));
    assert!(
        stdout(&o).contains("values 1 inserted, 0 updated, 0 unchanged"),
        "{}{}",
        stdout(&o),
        stderr(&o)
    );

    let broken = dir.path().join("broken.xlsx");
    let whole = households_xlsx("1982-02-03");
    std::fs::write(&broken, &whole[..whole.len() / 2]).unwrap();
    let o = run(jisr(dir.path())
        .args(["registry", "import", "households"])
        .arg(&broken));
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("not a readable XLSX workbook"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn the_first_administrator_is_created_from_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    assert!(
        run(jisr(dir.path()).args(["geo", "import"]))
            .status
            .success()
    );
    let o = run(jisr(dir.path()).args([
        "user",
        "add",
        "Admin",
        "--name",
        "Admin",
        "--role",
        "national_administrator",
    ]));
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(out.contains("user admin created"));
    let pw = out.lines().find_map(|l| l.split(": ").nth(1)).unwrap();
    assert_eq!(pw.trim().len(), 16);

    let mut c = jisr(dir.path());
    c.args([
        "user",
        "add",
        "officer",
        "--name",
        "Officer",
        "--password-stdin",
    ])
    .stdin(Stdio::piped())
    .stdout(Stdio::piped())
    .stderr(Stdio::piped());
    let mut child = c.spawn().unwrap();
    use std::io::Write;
    child.stdin.take().unwrap().write_all(b"short\n").unwrap();
    let o = child.wait_with_output().unwrap();
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("at least 12 characters"),
        "{}",
        stderr(&o)
    );

    let g = run(jisr(dir.path()).args([
        "user",
        "grant",
        "admin",
        "--role",
        "provincial_officer",
        "--scope",
        "province:07.427",
    ]));
    assert!(g.status.success(), "{}", stderr(&g));
    let bad = run(jisr(dir.path()).args([
        "user",
        "grant",
        "admin",
        "--role",
        "regional_coordinator",
        "--scope",
        "national",
    ]));
    assert_eq!(bad.status.code(), Some(2));
    let unknown = run(jisr(dir.path()).args(["user", "grant", "admin", "--role", "king"]));
    assert!(stderr(&unknown).contains("unknown role"));

    let v = run(jisr(dir.path()).args(["audit", "verify"]));
    assert!(v.status.success(), "{}", stderr(&v));
    assert!(
        stdout(&v).contains("4 entries, chain intact"),
        "{}",
        stdout(&v)
    );
}

#[test]
fn backup_copies_the_sqlite_database() {
    let dir = tempfile::tempdir().unwrap();
    assert!(
        run(jisr(dir.path()).args(["geo", "import"]))
            .status
            .success()
    );
    let dest = dir.path().join("copy.db");
    let o = run(jisr(dir.path()).arg("backup").arg(&dest));
    assert!(o.status.success(), "{}", stderr(&o));
    // The copy is a working database: import against it finds everything in place.
    let o = run(jisr(dir.path())
        .env("JISR_DATABASE_URL", format!("sqlite://{}", dest.display()))
        .args(["geo", "import"]));
    assert!(
        stdout(&o).contains("0 inserted, 0 updated, 1852 unchanged"),
        "{}",
        stdout(&o)
    );
    let again = run(jisr(dir.path()).arg("backup").arg(&dest));
    assert_eq!(
        again.status.code(),
        Some(2),
        "an existing file is never overwritten"
    );
}

/// Starts `jisr serve` and returns it with its address once it listens.
fn start_server(dir: &Path) -> (std::process::Child, String) {
    let mut child = jisr(dir)
        .args(["serve", "--bind", "127.0.0.1:0"])
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let stderr = child.stderr.take().unwrap();
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stderr).lines().map_while(Result::ok) {
            if let Some(rest) = line.split("addr=").nth(1) {
                let _ = tx.send(rest.split_whitespace().next().unwrap_or("").to_owned());
            }
        }
    });
    match rx.recv_timeout(Duration::from_secs(30)) {
        Ok(addr) => (child, addr),
        Err(_) => {
            let _ = child.kill();
            panic!("server did not report its address within 30 s");
        }
    }
}

fn http_get(addr: &str, path: &str) -> String {
    use std::io::{Read, Write};
    let mut s = std::net::TcpStream::connect(addr).unwrap();
    write!(
        s,
        "GET {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut out = String::new();
    s.read_to_string(&mut out).unwrap();
    out
}

#[test]
fn serve_answers_probes_and_stops_gracefully_on_sigterm() {
    let dir = tempfile::tempdir().unwrap();
    let (mut child, addr) = start_server(dir.path());
    let ready = http_get(&addr, "/readyz");
    assert!(ready.starts_with("HTTP/1.1 200"), "{ready}");
    assert!(ready.contains(r#""database":"sqlite""#));
    assert!(http_get(&addr, "/healthz").contains(r#"{"status":"ok"}"#));
    let status = Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(status.success());
    let deadline = Instant::now() + Duration::from_secs(15);
    loop {
        if let Some(code) = child.try_wait().unwrap() {
            assert!(code.success(), "graceful exit, got {code:?}");
            break;
        }
        assert!(Instant::now() < deadline, "server did not stop on SIGTERM");
        std::thread::sleep(Duration::from_millis(50));
    }
}

#[test]
fn postgres_needs_an_explicit_migrate_then_serves() {
    let Some(admin) = std::env::var("JISR_TEST_DATABASE_URL")
        .ok()
        .filter(|s| !s.is_empty())
    else {
        return;
    };
    let rt = tokio::runtime::Runtime::new().unwrap();
    let name = format!("jisr_cli_{}", std::process::id());
    rt.block_on(async {
        use sea_orm::ConnectionTrait;
        let db = sea_orm::Database::connect(&admin).await.unwrap();
        db.execute_unprepared(&format!("DROP DATABASE IF EXISTS {name}"))
            .await
            .unwrap();
        db.execute_unprepared(&format!("CREATE DATABASE {name}"))
            .await
            .unwrap();
    });
    let url = jisr_store::testing::with_database(&admin, &name);
    let dir = tempfile::tempdir().unwrap();
    let early = run(jisr(dir.path())
        .env("JISR_DATABASE_URL", &url)
        .args(["geo", "import"]));
    assert_eq!(early.status.code(), Some(2));
    assert!(
        stderr(&early).contains("run `jisr migrate`"),
        "{}",
        stderr(&early)
    );
    let m = run(jisr(dir.path())
        .env("JISR_DATABASE_URL", &url)
        .args(["migrate"]));
    assert!(m.status.success(), "{}", stderr(&m));
    let s = run(jisr(dir.path())
        .env("JISR_DATABASE_URL", &url)
        .args(["migrate", "status"]));
    assert!(
        stdout(&s).lines().all(|l| l.starts_with("applied ")),
        "{}",
        stdout(&s)
    );
    let g = run(jisr(dir.path())
        .env("JISR_DATABASE_URL", &url)
        .args(["geo", "import"]));
    assert!(stdout(&g).contains("1852 inserted"), "{}", stderr(&g));
    let b = run(jisr(dir.path())
        .env("JISR_DATABASE_URL", &url)
        .arg("backup")
        .arg(dir.path().join("x.db")));
    assert!(stderr(&b).contains("pg_dump"), "{}", stderr(&b));
    rt.block_on(async {
        use sea_orm::ConnectionTrait;
        let db = sea_orm::Database::connect(&admin).await.unwrap();
        db.execute_unprepared(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
            .await
            .unwrap();
    });
}

#[test]
fn tokens_are_created_listed_and_revoked_from_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    assert!(
        run(jisr(dir.path()).args(["geo", "import"]))
            .status
            .success()
    );
    assert!(
        run(jisr(dir.path()).args(["user", "add", "robot", "--name", "Robot"]))
            .status
            .success()
    );
    let c = run(jisr(dir.path()).args(["token", "create", "robot", "--name", "registry sync"]));
    assert!(c.status.success(), "{}", stderr(&c));
    let out = stdout(&c);
    let token = out.lines().nth(1).unwrap().trim();
    assert!(token.starts_with("jisr_") && token.len() == 69, "{out}");
    let list = stdout(&run(jisr(dir.path()).args(["token", "list"])));
    assert!(list.contains("active") && list.contains("registry sync") && !list.contains(token));
    assert!(
        run(jisr(dir.path()).args(["token", "revoke", "1"]))
            .status
            .success()
    );
    assert!(stdout(&run(jisr(dir.path()).args(["token", "list"]))).contains("revoked"));
    let again = run(jisr(dir.path()).args(["token", "revoke", "1"]));
    assert_eq!(again.status.code(), Some(2));
}

#[test]
fn the_demo_trail_verifies_and_tampering_is_named() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("demo");
    let mut child = jisr(dir.path())
        .args(["demo", "--bind", "127.0.0.1:0", "--data-dir"])
        .arg(&data)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    // The demo prints its address once the data is seeded.
    let out = child.stdout.take().unwrap();
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(out).lines().map_while(Result::ok) {
            if line.contains("Jisr demo is running") {
                let _ = tx.send(());
            }
        }
    });
    let started = rx.recv_timeout(Duration::from_secs(120));
    let _ = Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status();
    let _ = child.wait();
    assert!(started.is_ok(), "the demo did not start");

    let db = format!("sqlite://{}", data.join("jisr.db").display());
    let ok = run(jisr(dir.path())
        .env("JISR_DATABASE_URL", &db)
        .args(["audit", "verify"]));
    assert!(ok.status.success(), "{}", stderr(&ok));
    assert!(stdout(&ok).contains("chain intact"));

    // A backup of the demo restored into a fresh data directory serves the same pages.
    let copy = dir.path().join("demo-backup.db");
    let b = run(jisr(dir.path())
        .env("JISR_DATABASE_URL", &db)
        .arg("backup")
        .arg(&copy));
    assert!(b.status.success(), "{}", stderr(&b));
    let fresh = dir.path().join("restored");
    let r = run(jisr(&fresh_dir(&fresh)).arg("restore").arg(&copy));
    assert!(r.status.success(), "{}", stderr(&r));
    assert!(stdout(&r).contains("chain intact"), "{}", stdout(&r));
    let v = run(jisr(&fresh).args(["audit", "verify"]));
    assert!(v.status.success(), "{}", stderr(&v));
    let page = |dir: &Path| {
        let (mut child, addr) = start_server(dir);
        let body = http_get(&addr, "/directory?lang=fr");
        let _ = child.kill();
        let _ = child.wait();
        body.split("\r\n\r\n").nth(1).unwrap_or("").to_owned()
    };
    let original = page(&data);
    assert!(original.contains("<h1>"), "{original}");
    assert_eq!(page(&fresh), original);

    // Behind the application's back: lift the guard and alter entry 5.
    let rt = tokio::runtime::Runtime::new().unwrap();
    rt.block_on(async {
        use sea_orm::ConnectionTrait;
        let conn = sea_orm::Database::connect(&db).await.unwrap();
        conn.execute_unprepared("DROP TRIGGER audit_log_no_update")
            .await
            .unwrap();
        conn.execute_unprepared("UPDATE audit_log SET actor = 'someone else' WHERE id = 5")
            .await
            .unwrap();
        conn.close().await.unwrap();
    });
    let broken = run(jisr(dir.path())
        .env("JISR_DATABASE_URL", &db)
        .args(["audit", "verify"]));
    assert_eq!(broken.status.code(), Some(2));
    assert!(
        stderr(&broken).contains("audit trail broken at entry 5"),
        "{}",
        stderr(&broken)
    );
}

/// Adds an account: a few entries in the trail.
fn add_user(dir: &Path, name: &str) {
    let o = run(jisr(dir).args(["user", "add", name, "--name", name]));
    assert!(o.status.success(), "{}", stderr(&o));
}

#[test]
fn a_restored_old_backup_and_a_cut_tail_fail_verification_by_name() {
    let dir = tempfile::tempdir().unwrap();
    add_user(dir.path(), "amina");
    let first = run(jisr(dir.path()).args(["audit", "checkpoint"]));
    assert!(first.status.success(), "{}", stderr(&first));
    assert!(stdout(&first).starts_with("jisr audit checkpoint v1\nseq: 1\n"));
    let old = dir.path().join("old.db");
    assert!(
        run(jisr(dir.path()).arg("backup").arg(&old))
            .status
            .success()
    );
    add_user(dir.path(), "youssef");
    let second = run(jisr(dir.path()).args(["audit", "checkpoint"]));
    assert!(stdout(&second).contains("seq: 2\n"), "{}", stdout(&second));
    let key = run(jisr(dir.path()).args(["audit", "key"]));
    let key = stdout(&key).trim().to_owned();
    assert_eq!(key.len(), 64);

    let ok = run(jisr(dir.path()).args(["audit", "verify", "--public-key", &key]));
    assert!(ok.status.success(), "{}", stderr(&ok));
    assert!(
        stdout(&ok).contains("it holds checkpoint #2"),
        "{}",
        stdout(&ok)
    );

    // A checkpoint kept elsewhere, edited: refused.
    let kept = dir.path().join("kept.txt");
    let text = stdout(&second).replace("seq: 2", "seq: 9");
    std::fs::write(&kept, text).unwrap();
    let forged = run(jisr(dir.path())
        .args(["audit", "verify", "--checkpoint"])
        .arg(&kept));
    assert_eq!(forged.status.code(), Some(2));
    assert!(
        stderr(&forged).contains("altered or forged"),
        "{}",
        stderr(&forged)
    );

    // The three newest entries deleted behind the application's back.
    let db = dir.path().join("jisr.db");
    let cut = dir.path().join("cut.db");
    assert!(
        run(jisr(dir.path()).arg("backup").arg(&cut))
            .status
            .success()
    );
    let rt = tokio::runtime::Runtime::new().unwrap();
    rt.block_on(async {
        use sea_orm::ConnectionTrait;
        let url = format!("sqlite://{}", cut.display());
        let conn = sea_orm::Database::connect(&url).await.unwrap();
        conn.execute_unprepared("DROP TRIGGER audit_log_no_delete")
            .await
            .unwrap();
        conn.execute_unprepared(
            "DELETE FROM audit_log WHERE id > (SELECT MAX(id) - 3 FROM audit_log)",
        )
        .await
        .unwrap();
        conn.close().await.unwrap();
    });
    let truncated = run(jisr(dir.path())
        .env("JISR_DATABASE_URL", format!("sqlite://{}", cut.display()))
        .args(["audit", "verify"]));
    assert_eq!(truncated.status.code(), Some(2));
    assert!(
        stderr(&truncated).contains("audit trail truncated")
            && stderr(&truncated).contains("the newest 3 were deleted"),
        "{}",
        stderr(&truncated)
    );

    // The old backup restored over the database: its chain verifies on its own, but it
    // does not know the newest checkpoint.
    for side in ["jisr.db-wal", "jisr.db-shm"] {
        let _ = std::fs::remove_file(dir.path().join(side));
    }
    std::fs::copy(&old, &db).unwrap();
    let rolled = run(jisr(dir.path()).args(["audit", "verify"]));
    assert_eq!(rolled.status.code(), Some(2));
    assert!(
        stderr(&rolled).contains("audit trail rolled back")
            && stderr(&rolled).contains("the newest checkpoint it knows is #1"),
        "{}",
        stderr(&rolled)
    );
}

/// `dir`, created.
fn fresh_dir(dir: &Path) -> std::path::PathBuf {
    std::fs::create_dir_all(dir).unwrap();
    dir.to_path_buf()
}

#[test]
fn restore_refuses_what_is_not_a_sound_jisr_backup() {
    let dir = tempfile::tempdir().unwrap();
    add_user(dir.path(), "amina");
    let good = dir.path().join("good.db");
    assert!(
        run(jisr(dir.path()).arg("backup").arg(&good))
            .status
            .success()
    );
    let refused = |file: &Path, why: &str| {
        let o = run(jisr(dir.path()).arg("restore").arg(file));
        assert_eq!(o.status.code(), Some(2), "{}", stdout(&o));
        assert!(
            stderr(&o).contains(why) && stderr(&o).contains("nothing restored"),
            "{}",
            stderr(&o)
        );
    };
    let text = dir.path().join("notes.db");
    std::fs::write(&text, "not a database").unwrap();
    refused(&text, "not a SQLite database");
    let half = dir.path().join("half.db");
    let bytes = std::fs::read(&good).unwrap();
    std::fs::write(&half, &bytes[..bytes.len() / 3]).unwrap();
    refused(&half, "damaged");
    let foreign = dir.path().join("foreign.db");
    let rt = tokio::runtime::Runtime::new().unwrap();
    rt.block_on(async {
        use sea_orm::ConnectionTrait;
        let url = format!("sqlite://{}?mode=rwc", foreign.display());
        let conn = sea_orm::Database::connect(&url).await.unwrap();
        conn.execute_unprepared("CREATE TABLE notes (body TEXT)")
            .await
            .unwrap();
        conn.close().await.unwrap();
    });
    refused(&foreign, "not a Jisr one");
    // Nothing was replaced: the database still holds its account and verifies.
    let v = run(jisr(dir.path()).args(["audit", "verify"]));
    assert!(v.status.success(), "{}", stderr(&v));
    assert!(!dir.path().join("jisr.db.restoring").exists());
}

/// The documented PostgreSQL path (docs/operations.md): `pg_dump` into a fresh database,
/// which then verifies against the checkpoint taken before the dump and serves.
#[test]
fn a_postgres_dump_restored_into_a_fresh_database_verifies_and_serves() {
    let Some(admin) = std::env::var("JISR_TEST_DATABASE_URL")
        .ok()
        .filter(|s| !s.is_empty())
    else {
        return;
    };
    let rt = tokio::runtime::Runtime::new().unwrap();
    let source = format!("jisr_dump_src_{}", std::process::id());
    let target = format!("jisr_dump_dst_{}", std::process::id());
    let reset = |names: &[&str]| {
        rt.block_on(async {
            use sea_orm::ConnectionTrait;
            let db = sea_orm::Database::connect(&admin).await.unwrap();
            for n in names {
                db.execute_unprepared(&format!("DROP DATABASE IF EXISTS {n} WITH (FORCE)"))
                    .await
                    .unwrap();
            }
            db.close().await.unwrap();
        })
    };
    reset(&[&source, &target]);
    rt.block_on(async {
        use sea_orm::ConnectionTrait;
        let db = sea_orm::Database::connect(&admin).await.unwrap();
        for n in [&source, &target] {
            db.execute_unprepared(&format!("CREATE DATABASE {n}"))
                .await
                .unwrap();
        }
        db.close().await.unwrap();
    });
    let src = jisr_store::testing::with_database(&admin, &source);
    let dst = jisr_store::testing::with_database(&admin, &target);
    let dir = tempfile::tempdir().unwrap();
    let on = |url: &str| {
        let mut c = jisr(dir.path());
        c.env("JISR_DATABASE_URL", url);
        c
    };
    assert!(run(on(&src).arg("migrate")).status.success());
    assert!(
        run(on(&src).args(["user", "add", "amina", "--name", "Amina"]))
            .status
            .success()
    );
    let cp = run(on(&src).args(["audit", "checkpoint"]));
    assert!(cp.status.success(), "{}", stderr(&cp));

    let dump = dir.path().join("jisr.dump");
    let d = run(Command::new("pg_dump")
        .args(["--format=custom", "--no-owner", "--file"])
        .arg(&dump)
        .arg(&src));
    assert!(d.status.success(), "{}", stderr(&d));
    let r = run(Command::new("pg_restore")
        .args(["--no-owner", "--exit-on-error", "--dbname", &dst])
        .arg(&dump));
    assert!(r.status.success(), "{}", stderr(&r));

    let v = run(on(&dst).args(["audit", "verify"]));
    assert!(v.status.success(), "{}", stderr(&v));
    assert!(
        stdout(&v).contains("it holds checkpoint #1"),
        "{}",
        stdout(&v)
    );
    let mut server = on(&dst);
    server
        .args(["serve", "--bind", "127.0.0.1:0"])
        .stdout(Stdio::null())
        .stderr(Stdio::piped());
    let mut child = server.spawn().unwrap();
    let err = child.stderr.take().unwrap();
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(err).lines().map_while(Result::ok) {
            if let Some(rest) = line.split("addr=").nth(1) {
                let _ = tx.send(rest.split_whitespace().next().unwrap_or("").to_owned());
            }
        }
    });
    let addr = rx
        .recv_timeout(Duration::from_secs(30))
        .expect("server address");
    let ready = http_get(&addr, "/readyz");
    let _ = child.kill();
    let _ = child.wait();
    assert!(ready.contains(r#""database":"postgres""#), "{ready}");
    reset(&[&source, &target]);
}
const PERSONS_HEADER: &str = "record_id,first_name_lat,last_name_lat,first_name_ar,last_name_ar,birth_date,sex,cin,commune_code";

#[test]
fn match_persons_links_a_duplicate_across_scripts() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("persons.csv");
    std::fs::write(
        &input,
        format!(
            "{PERSONS_HEADER}\n\
             a1,Youssef,Benjelloun,,,1984-05-12,M,AB123456,07.427.01.05\n\
             a2,,,يوسف,بنجلون,12/05/1984,M,,07.427.01.05\n\
             b1,Khadija,El Alaoui,,,1970,F,,01.011.01.01\n\
             c1,Karim,Tazi,كريم,التازي,1990-03-04,M,CD654321,02.021.01.01\n"
        ),
    )
    .unwrap();
    let out = dir.path().join("clusters.csv");
    let pairs = dir.path().join("pairs.csv");
    let o = run(jisr(dir.path()).args([
        "match",
        "persons",
        input.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
        "--pairs",
        pairs.to_str().unwrap(),
    ]));
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        stdout(&o).contains("4 records, 3 persons"),
        "{}",
        stdout(&o)
    );
    let clusters = std::fs::read_to_string(&out).unwrap();
    let of = |id: &str| {
        clusters
            .lines()
            .find(|l| l.starts_with(&format!("{id},")))
            .and_then(|l| l.split(',').nth(1))
            .unwrap()
            .to_owned()
    };
    assert_eq!(clusters.lines().next(), Some("record_id,cluster_id"));
    assert_eq!(of("a1"), of("a2"));
    assert_ne!(of("a1"), of("b1"));
    assert_ne!(of("a1"), of("c1"));
    let pairs = std::fs::read_to_string(&pairs).unwrap();
    let lines: Vec<&str> = pairs.lines().collect();
    assert_eq!(lines[0], "record_id_a,record_id_b,score,explanation");
    assert_eq!(lines.len(), 2, "{pairs}");
    assert!(lines[1].contains("a1") && lines[1].contains("a2"));
    assert!(lines[1].contains("name=cross-script"), "{pairs}");
}

#[test]
fn match_persons_reports_every_bad_row_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("persons.csv");
    std::fs::write(
        &input,
        format!(
            "{PERSONS_HEADER}\n\
             a1,Youssef,Benjelloun,,,1984-13-12,M,,\n\
             a1,Ali,Tazi,,,,,,\n\
             ,Omar,Idrissi,,,1990,X,,\n\
             ok,Omar,Idrissi,,,1990,M,,\n"
        ),
    )
    .unwrap();
    let out = dir.path().join("clusters.csv");
    let o = run(jisr(dir.path()).args([
        "match",
        "persons",
        input.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ]));
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert!(err.contains("persons.csv:2: birth_date:"), "{err}");
    assert!(
        err.contains("persons.csv:3: record_id: duplicate record_id `a1` (first on line 2)"),
        "{err}"
    );
    assert!(
        err.contains("persons.csv:4: record_id: missing record_id"),
        "{err}"
    );
    assert!(err.contains("persons.csv:4: sex:"), "{err}");
    assert!(
        err.contains("3 lines refused; nothing was written"),
        "{err}"
    );
    assert!(!out.exists());

    std::fs::write(&input, "id,name\n1,Ali\n").unwrap();
    let o = run(jisr(dir.path()).args([
        "match",
        "persons",
        input.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ]));
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("persons.csv:1: -: unknown column `id`"),
        "{}",
        stderr(&o)
    );
    assert!(!out.exists());
}

#[test]
fn match_persons_reads_a_workbook() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("persons.xlsx");
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    let rows = [
        PERSONS_HEADER.split(',').collect::<Vec<_>>(),
        vec!["x1", "Mohamed", "Alaoui", "", "", "1961-02-03", "M", "", ""],
        vec!["x2", "", "", "محمد", "العلوي", "1961-02-03", "M", "", ""],
    ];
    for (r, row) in rows.iter().enumerate() {
        for (c, v) in row.iter().enumerate() {
            sheet.write_string(r as u32, c as u16, *v).unwrap();
        }
    }
    book.save(&input).unwrap();
    let out = dir.path().join("clusters.csv");
    let o = run(jisr(dir.path()).args([
        "match",
        "persons",
        input.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ]));
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        stdout(&o).contains("2 records, 1 persons"),
        "{}",
        stdout(&o)
    );
}

#[test]
fn the_http_bench_loads_the_demo_and_reports_every_scenario() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("http.md");
    let o = run(jisr(dir.path()).args([
        "bench",
        "http",
        "--clients",
        "2",
        "--seconds",
        "1",
        "--out",
        out.to_str().unwrap(),
    ]));
    assert!(o.status.success(), "{}", stderr(&o));
    let report = std::fs::read_to_string(&out).unwrap();
    assert_eq!(report, stdout(&o));
    let rows: Vec<&str> = report
        .lines()
        .filter(|l| l.starts_with("| ") && !l.starts_with("| scenario"))
        .collect();
    assert_eq!(rows.len(), 5, "{report}");
    for row in &rows {
        let cells: Vec<&str> = row.split('|').map(str::trim).collect();
        let requests: u64 = cells[3].parse().unwrap();
        assert!(requests > 0, "{row}");
        assert_eq!(cells[8], "0", "errors in {row}\n{report}");
    }
    assert!(report.contains("0 \"database is locked\""), "{report}");
    // Bounds are refused, not run.
    let o = run(jisr(dir.path()).args(["bench", "http", "--clients", "0"]));
    assert!(!o.status.success());
    assert!(stderr(&o).contains("--clients"), "{}", stderr(&o));
}
