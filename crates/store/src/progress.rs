//! Progress reporting for long operations, so the binary can show a bar on a terminal
//! and plain lines elsewhere without the store knowing which.

pub trait Progress: Send + Sync {
    fn start(&self, label: &str, total: u64);
    fn inc(&self, n: u64);
    fn finish(&self);
}

/// Reports nothing.
pub struct Silent;

impl Progress for Silent {
    fn start(&self, _: &str, _: u64) {}
    fn inc(&self, _: u64) {}
    fn finish(&self) {}
}
