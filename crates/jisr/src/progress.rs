//! Progress for long commands: a bar on a terminal, plain lines in CI or a log.

use indicatif::{ProgressBar, ProgressStyle};
use jisr_store::progress::Progress;
use std::io::IsTerminal;
use std::sync::Mutex;

pub enum Reporter {
    Bar(ProgressBar),
    /// Label, position, total.
    Lines(Mutex<(String, u64, u64)>),
}

impl Reporter {
    pub fn new() -> Self {
        let ci = std::env::var_os("CI").is_some_and(|v| !v.is_empty() && v != "false");
        if std::io::stderr().is_terminal() && !ci {
            let bar = ProgressBar::hidden();
            if let Ok(style) = ProgressStyle::with_template("{msg} [{bar:40}] {pos}/{len}") {
                bar.set_style(style.progress_chars("=> "));
            }
            Reporter::Bar(bar)
        } else {
            Reporter::Lines(Mutex::new((String::new(), 0, 0)))
        }
    }
}

impl Progress for Reporter {
    fn start(&self, label: &str, total: u64) {
        match self {
            Reporter::Bar(bar) => {
                bar.set_draw_target(indicatif::ProgressDrawTarget::stderr());
                // A total of 0 is a count not known in advance (a streamed file).
                let template = if total == 0 {
                    "{msg} {pos}"
                } else {
                    "{msg} [{bar:40}] {pos}/{len}"
                };
                if let Ok(style) = ProgressStyle::with_template(template) {
                    bar.set_style(style.progress_chars("=> "));
                }
                bar.set_length(total);
                bar.set_position(0);
                bar.set_message(label.to_owned());
            }
            Reporter::Lines(state) => {
                if total == 0 {
                    eprintln!("{label}");
                } else {
                    eprintln!("{label}: 0/{total}");
                }
                if let Ok(mut s) = state.lock() {
                    *s = (label.to_owned(), 0, total);
                }
            }
        }
    }

    fn inc(&self, n: u64) {
        match self {
            Reporter::Bar(bar) => bar.inc(n),
            Reporter::Lines(state) => {
                if let Ok(mut s) = state.lock() {
                    let before = s.1;
                    s.1 += n;
                    // A line at every quarter, so logs show movement without flooding.
                    // Without a total, a line every 100,000.
                    let step = if s.2 == 0 { 100_000 } else { (s.2 / 4).max(1) };
                    if s.1 / step != before / step && (s.1 < s.2 || s.2 == 0) {
                        eprintln!("{}: {}/{}", s.0, s.1, s.2);
                    }
                }
            }
        }
    }

    fn finish(&self) {
        match self {
            Reporter::Bar(bar) => bar.finish_and_clear(),
            Reporter::Lines(state) => {
                if let Ok(s) = state.lock() {
                    if s.2 == 0 {
                        eprintln!("{}: done", s.0);
                    } else {
                        eprintln!("{}: {}/{} done", s.0, s.1, s.2);
                    }
                }
            }
        }
    }
}
