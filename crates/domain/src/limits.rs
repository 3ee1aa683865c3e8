//! Limits on what one address may ask of the platform: the rate of tracking look-ups and
//! of public filings, and which proxies in front of the server are trusted to name the
//! client (`X-Forwarded-For`). Pure rules; the web layer keeps the counters.

use std::net::{IpAddr, Ipv6Addr};
use std::str::FromStr;

/// A rate: at most `count` requests per `per_seconds`, with bursts up to `count`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rate {
    pub count: u32,
    pub per_seconds: u32,
}

/// Why a rate or an address range was refused, for the configuration's error message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BadSetting(pub String);

impl std::fmt::Display for BadSetting {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for BadSetting {}

impl Rate {
    /// Reads `N/second`, `N/minute`, `N/hour` or `N/day` (`N` from 1 to 1,000,000), or
    /// `off` (no limit: `None`).
    pub fn parse(text: &str) -> Result<Option<Rate>, BadSetting> {
        let text = text.trim();
        if text.eq_ignore_ascii_case("off") {
            return Ok(None);
        }
        let bad = || {
            BadSetting(format!(
                "`{text}` is not a rate: write N/second, N/minute, N/hour or N/day (N from 1 to 1000000), or off"
            ))
        };
        let (count, unit) = text.split_once('/').ok_or_else(bad)?;
        let count: u32 = count.trim().parse().map_err(|_| bad())?;
        if !(1..=1_000_000).contains(&count) {
            return Err(bad());
        }
        let per_seconds = match unit.trim() {
            "second" | "s" => 1,
            "minute" | "min" => 60,
            "hour" | "h" => 3_600,
            "day" | "d" => 86_400,
            _ => return Err(bad()),
        };
        Ok(Some(Rate { count, per_seconds }))
    }

    fn per_milli(self) -> f64 {
        f64::from(self.count) / (f64::from(self.per_seconds) * 1000.0)
    }
}

impl std::fmt::Display for Rate {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let unit = match self.per_seconds {
            1 => "second",
            60 => "minute",
            3_600 => "hour",
            86_400 => "day",
            _ => return write!(f, "{}/{}s", self.count, self.per_seconds),
        };
        write!(f, "{}/{unit}", self.count)
    }
}

/// The requests one address has left: a token bucket, full when first seen, refilled at
/// the rate's pace, never above the rate's count.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Bucket {
    tokens: f64,
    at_ms: u64,
}

impl Bucket {
    /// A full bucket, first used at `now_ms`.
    pub fn full(rate: Rate, now_ms: u64) -> Self {
        Bucket {
            tokens: f64::from(rate.count),
            at_ms: now_ms,
        }
    }

    fn refilled(self, rate: Rate, now_ms: u64) -> f64 {
        let elapsed = now_ms.saturating_sub(self.at_ms) as f64;
        (self.tokens + elapsed * rate.per_milli()).min(f64::from(rate.count))
    }

    /// Takes one request at `now_ms`; refused with the whole seconds to wait before the
    /// next one is allowed (at least 1).
    pub fn take(&mut self, rate: Rate, now_ms: u64) -> Result<(), u64> {
        let tokens = self.refilled(rate, now_ms);
        let now_ms = now_ms.max(self.at_ms);
        if tokens >= 1.0 {
            *self = Bucket {
                tokens: tokens - 1.0,
                at_ms: now_ms,
            };
            Ok(())
        } else {
            *self = Bucket {
                tokens,
                at_ms: now_ms,
            };
            // Milliseconds per token times the tokens missing: exact for whole rates,
            // where dividing by the rate per millisecond would round up a second too many.
            let per_token_ms = f64::from(rate.per_seconds) * 1000.0 / f64::from(rate.count);
            let wait_ms = ((1.0 - tokens) * per_token_ms).ceil() as u64;
            Err(wait_ms.div_ceil(1000).max(1))
        }
    }

    /// Whether the bucket is full again at `now_ms` (it can be forgotten: a new one is
    /// the same).
    pub fn is_full(&self, rate: Rate, now_ms: u64) -> bool {
        self.refilled(rate, now_ms) >= f64::from(rate.count)
    }
}

/// A range of addresses, `10.0.0.0/8`, `fd00::/8`, or one address.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cidr {
    network: IpAddr,
    prefix: u8,
}

impl FromStr for Cidr {
    type Err = BadSetting;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let text = text.trim();
        let bad = || {
            BadSetting(format!(
                "`{text}` is not an address or a range such as 10.0.0.0/8 or fd00::/8"
            ))
        };
        let (addr, prefix) = match text.split_once('/') {
            Some((a, p)) => (a, Some(p)),
            None => (text, None),
        };
        let network = canonical(addr.parse::<IpAddr>().map_err(|_| bad())?);
        let max = if network.is_ipv4() { 32 } else { 128 };
        let prefix = match prefix {
            Some(p) => p.parse::<u8>().map_err(|_| bad())?,
            None => max,
        };
        if prefix > max {
            return Err(bad());
        }
        Ok(Cidr { network, prefix })
    }
}

impl Cidr {
    /// Whether `addr` lies in the range.
    pub fn contains(&self, addr: IpAddr) -> bool {
        match (self.network, canonical(addr)) {
            (IpAddr::V4(n), IpAddr::V4(a)) => {
                let mask = u32::MAX
                    .checked_shl(32 - u32::from(self.prefix))
                    .unwrap_or(0);
                u32::from(n) & mask == u32::from(a) & mask
            }
            (IpAddr::V6(n), IpAddr::V6(a)) => {
                let mask = u128::MAX
                    .checked_shl(128 - u32::from(self.prefix))
                    .unwrap_or(0);
                u128::from(n) & mask == u128::from(a) & mask
            }
            _ => false,
        }
    }
}

/// An IPv4 address written as IPv6 (`::ffff:10.0.0.1`) is the IPv4 address.
fn canonical(addr: IpAddr) -> IpAddr {
    match addr {
        IpAddr::V6(v6) => v6
            .to_ipv4_mapped()
            .map(IpAddr::V4)
            .unwrap_or(IpAddr::V6(v6)),
        v4 => v4,
    }
}

/// The client a request comes from. The socket's peer, unless it is a trusted proxy:
/// then the `X-Forwarded-For` list (all its headers, in order) is read from the right,
/// skipping trusted proxies, and the first other address is the client. A list that
/// names only trusted proxies gives its leftmost; a malformed entry stops the walk at the
/// last trusted hop (what lies beyond it cannot be believed).
pub fn client_address(peer: IpAddr, forwarded_for: &[&str], trusted: &[Cidr]) -> IpAddr {
    let is_trusted = |a: IpAddr| trusted.iter().any(|c| c.contains(a));
    let peer = canonical(peer);
    if !is_trusted(peer) {
        return peer;
    }
    let hops: Vec<&str> = forwarded_for
        .iter()
        .flat_map(|h| h.split(','))
        .map(str::trim)
        .filter(|h| !h.is_empty())
        .collect();
    let mut last = peer;
    for hop in hops.iter().rev() {
        match parse_hop(hop) {
            Some(addr) if is_trusted(addr) => last = addr,
            Some(addr) => return addr,
            None => return last,
        }
    }
    last
}

/// One `X-Forwarded-For` entry: an address, possibly with a port (`1.2.3.4:5678`,
/// `[2001:db8::1]:443`).
fn parse_hop(hop: &str) -> Option<IpAddr> {
    if let Ok(a) = hop.parse::<IpAddr>() {
        return Some(canonical(a));
    }
    if let Some(rest) = hop.strip_prefix('[') {
        let (addr, _) = rest.split_once(']')?;
        return addr.parse::<Ipv6Addr>().ok().map(|a| canonical(a.into()));
    }
    let (addr, port) = hop.rsplit_once(':')?;
    port.parse::<u16>().ok()?;
    addr.parse::<std::net::Ipv4Addr>().ok().map(IpAddr::V4)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn ip(s: &str) -> IpAddr {
        s.parse().unwrap()
    }

    #[test]
    fn rates_are_read_with_their_unit() {
        assert_eq!(
            Rate::parse("20/hour").unwrap(),
            Some(Rate {
                count: 20,
                per_seconds: 3600
            })
        );
        assert_eq!(
            Rate::parse(" 5 / minute ").unwrap().unwrap().per_seconds,
            60
        );
        assert_eq!(Rate::parse("OFF").unwrap(), None);
        for bad in [
            "",
            "20",
            "0/hour",
            "20/week",
            "x/hour",
            "2000000/day",
            "-1/s",
        ] {
            assert!(Rate::parse(bad).is_err(), "{bad}");
        }
        assert_eq!(
            Rate::parse("60/minute").unwrap().unwrap().to_string(),
            "60/minute"
        );
    }

    #[test]
    fn a_bucket_allows_its_count_then_says_how_long_to_wait() {
        let rate = Rate {
            count: 3,
            per_seconds: 60,
        };
        let mut b = Bucket::full(rate, 0);
        assert!(b.take(rate, 0).is_ok());
        assert!(b.take(rate, 1).is_ok());
        assert!(b.take(rate, 2).is_ok());
        // One request comes back every 20 s.
        assert_eq!(b.take(rate, 3), Err(20));
        assert_eq!(b.take(rate, 10_003), Err(10));
        assert!(b.take(rate, 20_003).is_ok());
        assert!(!b.is_full(rate, 20_004));
        assert!(b.is_full(rate, 80_004));
        // Two an hour: the third waits exactly half an hour, not a second more.
        let hourly = Rate {
            count: 2,
            per_seconds: 3600,
        };
        let mut b = Bucket::full(hourly, 0);
        assert!(b.take(hourly, 0).is_ok());
        assert!(b.take(hourly, 0).is_ok());
        assert_eq!(b.take(hourly, 0), Err(1800));
    }

    #[test]
    fn a_clock_that_goes_back_gives_nothing_more() {
        let rate = Rate {
            count: 1,
            per_seconds: 60,
        };
        let mut b = Bucket::full(rate, 100_000);
        assert!(b.take(rate, 100_000).is_ok());
        assert!(b.take(rate, 0).is_err());
        assert!(b.take(rate, 100_001).is_err());
    }

    #[test]
    fn ranges_contain_their_addresses() {
        let c: Cidr = "10.0.0.0/8".parse().unwrap();
        assert!(c.contains(ip("10.200.1.1")));
        assert!(c.contains(ip("::ffff:10.1.2.3")));
        assert!(!c.contains(ip("11.0.0.1")));
        assert!(!c.contains(ip("fd00::1")));
        let one: Cidr = "192.168.1.5".parse().unwrap();
        assert!(one.contains(ip("192.168.1.5")));
        assert!(!one.contains(ip("192.168.1.6")));
        let v6: Cidr = "fd00::/8".parse().unwrap();
        assert!(v6.contains(ip("fd12:3456::1")));
        let all: Cidr = "0.0.0.0/0".parse().unwrap();
        assert!(all.contains(ip("8.8.8.8")));
        for bad in [
            "10.0.0.0/33",
            "fd00::/129",
            "10.0.0",
            "proxy",
            "10.0.0.0/x",
            "",
        ] {
            assert!(bad.parse::<Cidr>().is_err(), "{bad}");
        }
    }

    #[test]
    fn the_client_is_the_peer_unless_the_peer_is_a_trusted_proxy() {
        let trusted: Vec<Cidr> = vec!["10.0.0.0/8".parse().unwrap()];
        // Not behind a trusted proxy: a header sent by the client itself is ignored.
        assert_eq!(
            client_address(ip("203.0.113.9"), &["1.1.1.1"], &trusted),
            ip("203.0.113.9")
        );
        // Behind one: the rightmost address the proxy did not add itself.
        assert_eq!(
            client_address(ip("10.0.0.2"), &["6.6.6.6, 203.0.113.9"], &trusted),
            ip("203.0.113.9")
        );
        // Two proxies, two headers.
        assert_eq!(
            client_address(
                ip("10.0.0.2"),
                &["6.6.6.6", "203.0.113.9, 10.0.0.3"],
                &trusted
            ),
            ip("203.0.113.9")
        );
        // With ports.
        assert_eq!(
            client_address(ip("10.0.0.2"), &["203.0.113.9:5555"], &trusted),
            ip("203.0.113.9")
        );
        assert_eq!(
            client_address(ip("10.0.0.2"), &["[2001:db8::1]:443"], &trusted),
            ip("2001:db8::1")
        );
        // Garbage beyond the trusted hop: the trusted hop.
        assert_eq!(
            client_address(ip("10.0.0.2"), &["203.0.113.9, junk, 10.0.0.7"], &trusted),
            ip("10.0.0.7")
        );
        // No header: the proxy itself.
        assert_eq!(
            client_address(ip("10.0.0.2"), &[], &trusted),
            ip("10.0.0.2")
        );
        // Nothing trusted: always the peer.
        assert_eq!(
            client_address(ip("10.0.0.2"), &["203.0.113.9"], &[]),
            ip("10.0.0.2")
        );
    }

    proptest! {
        /// However requests are spread in time, a bucket never admits more than its
        /// count plus what the elapsed time refills.
        #[test]
        fn a_bucket_never_admits_more_than_its_rate(
            count in 1u32..50,
            per in prop::sample::select(vec![1u32, 60, 3600]),
            gaps in prop::collection::vec(0u64..5_000, 1..300),
        ) {
            let rate = Rate { count, per_seconds: per };
            let mut b = Bucket::full(rate, 0);
            let mut now = 0u64;
            let mut admitted = 0u64;
            for gap in gaps {
                now += gap;
                if b.take(rate, now).is_ok() {
                    admitted += 1;
                }
            }
            let refill = (now as f64) * f64::from(count) / (f64::from(per) * 1000.0);
            prop_assert!(admitted as f64 <= f64::from(count) + refill + 1e-9);
        }

        /// A refused request is told a wait after which it is admitted.
        #[test]
        fn the_wait_given_is_enough(count in 1u32..20, per in 1u32..4000, n in 1usize..60) {
            let rate = Rate { count, per_seconds: per };
            let mut b = Bucket::full(rate, 0);
            let mut now = 0;
            for _ in 0..n {
                if let Err(wait) = b.take(rate, now) {
                    now += wait * 1000;
                    prop_assert!(b.take(rate, now).is_ok());
                }
                now += 1;
            }
        }

        /// A client behind no trusted proxy can never choose its own address.
        #[test]
        fn an_untrusted_peer_cannot_pick_its_address(a in any::<[u8; 4]>(), header in ".{0,60}") {
            let peer = IpAddr::from(a);
            let trusted: Vec<Cidr> = vec!["10.0.0.0/8".parse().unwrap()];
            prop_assume!(!trusted[0].contains(peer));
            prop_assert_eq!(client_address(peer, &[header.as_str()], &trusted), peer);
        }
    }
}
