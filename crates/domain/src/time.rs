//! Time as people in Morocco read it. The platform stores instants in UTC (RFC 3339);
//! pages show them in Morocco's legal time, which is UTC+1 except during Ramadan, when
//! the clocks go back to UTC — the IANA zone `Africa/Casablanca` knows those dates.

use chrono::{DateTime, Utc};
use chrono_tz::Tz;

/// Morocco's legal time.
pub const ZONE: Tz = chrono_tz::Africa::Casablanca;

/// A stored instant (`2026-11-30T05:13:37.094329Z`) in Morocco's time; `None` for a
/// plain date or anything else that is not an instant.
pub fn in_morocco(stored: &str) -> Option<DateTime<Tz>> {
    let utc = DateTime::parse_from_rfc3339(stored)
        .ok()?
        .with_timezone(&Utc);
    Some(utc.with_timezone(&ZONE))
}

/// The day it is in Morocco at the instant `at`: deadlines, ages and "today" are
/// counted in Morocco's days (between 23:00 and midnight UTC it is already tomorrow
/// there for most of the year).
pub fn date_of(at: DateTime<Utc>) -> chrono::NaiveDate {
    at.with_timezone(&ZONE).date_naive()
}

/// The day it is now in Morocco.
pub fn today() -> chrono::NaiveDate {
    date_of(Utc::now())
}

/// The day of a stored date or instant as people write it: `15/01/2026`. An instant
/// is first moved to Morocco's time (late evening UTC is already the next day there).
pub fn day(stored: &str) -> String {
    if let Some(t) = in_morocco(stored) {
        return t.format("%d/%m/%Y").to_string();
    }
    match (stored.get(0..4), stored.get(5..7), stored.get(8..10)) {
        (Some(y), Some(m), Some(d)) => format!("{d}/{m}/{y}"),
        _ => stored.to_owned(),
    }
}

/// A stored instant as day and time in Morocco: `15/01/2026 14:03`.
pub fn day_and_time(stored: &str) -> String {
    match in_morocco(stored) {
        Some(t) => t.format("%d/%m/%Y %H:%M").to_string(),
        None => day(stored),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_day_is_morocco_s_day() {
        let late = DateTime::parse_from_rfc3339("2026-11-30T23:30:00Z")
            .unwrap()
            .with_timezone(&Utc);
        assert_eq!(date_of(late).to_string(), "2026-12-01");
        let early = DateTime::parse_from_rfc3339("2026-11-30T22:30:00Z")
            .unwrap()
            .with_timezone(&Utc);
        assert_eq!(date_of(early).to_string(), "2026-11-30");
    }

    #[test]
    fn instants_are_shown_in_morocco_time() {
        // Outside Ramadan: UTC+1, so 23:30 UTC is already the next day.
        assert_eq!(day_and_time("2026-11-30T23:30:00.5Z"), "01/12/2026 00:30");
        assert_eq!(day("2026-11-30T23:30:00Z"), "01/12/2026");
        // During Ramadan 2026 (mid-February to mid-March): UTC.
        assert_eq!(day_and_time("2026-03-01T10:00:00Z"), "01/03/2026 10:00");
    }

    #[test]
    fn plain_dates_and_other_text_pass_through() {
        assert_eq!(day("2026-01-15"), "15/01/2026");
        assert_eq!(day_and_time("2026-01-15"), "15/01/2026");
        assert_eq!(day("soon"), "soon");
    }
}
