//! Data parallelism on scoped threads, one chunk per core: enough for the few loops that
//! need it, without a thread-pool dependency.

/// Number of worker threads: the machine's parallelism.
pub fn threads() -> usize {
    std::thread::available_parallelism().map_or(1, |n| n.get())
}

/// Maps every item, in order, splitting the slice into one chunk per thread.
pub fn map_chunks<T: Sync, U: Send>(items: &[T], f: impl Fn(&T) -> U + Sync) -> Vec<U> {
    let n = threads();
    if n <= 1 || items.len() < 1024 {
        return items.iter().map(&f).collect();
    }
    let chunk = items.len().div_ceil(n);
    let f = &f;
    std::thread::scope(|s| {
        let handles: Vec<_> = items
            .chunks(chunk)
            .map(|c| s.spawn(move || c.iter().map(f).collect::<Vec<U>>()))
            .collect();
        let mut out = Vec::with_capacity(items.len());
        for h in handles {
            out.extend(h.join().expect("worker thread"));
        }
        out
    })
}

#[cfg(test)]
mod tests {
    #[test]
    fn order_is_kept() {
        let v: Vec<u32> = (0..10_000).collect();
        let out = super::map_chunks(&v, |x| x * 2);
        assert!(out.iter().enumerate().all(|(i, &x)| x == 2 * i as u32));
    }
}
