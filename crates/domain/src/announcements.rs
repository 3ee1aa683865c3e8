//! Announcements: to partners (the managers of the establishments of given territories
//! and categories) or public news. A draft is published on a day (visible from that day)
//! and hidden after its expiry; a published one can be withdrawn. The territory an
//! announcement belongs to ([`home_scope`]) is the narrowest one holding all its
//! targets: only those who publish there see and change it.

use crate::access::Scope;
use crate::geo::{ProvinceCode, RegionCode};
use chrono::NaiveDate;

/// The longest title, in characters.
pub const TITLE_MAX_CHARS: usize = 200;
/// The longest body, in characters.
pub const BODY_MAX_CHARS: usize = 8000;

/// Who an announcement is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Audience {
    /// The managers of the establishments targeted, on their dashboard and by message.
    Partners,
    /// Everyone, on the public news pages.
    Public,
}

impl Audience {
    pub const ALL: [Audience; 2] = [Audience::Partners, Audience::Public];

    pub fn as_str(self) -> &'static str {
        match self {
            Audience::Partners => "partners",
            Audience::Public => "public",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|a| a.as_str() == s)
    }
}

/// Where an announcement stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    Draft,
    Published,
    Withdrawn,
}

impl Status {
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Draft => "draft",
            Status::Published => "published",
            Status::Withdrawn => "withdrawn",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        [Status::Draft, Status::Published, Status::Withdrawn]
            .into_iter()
            .find(|a| a.as_str() == s)
    }

    /// Whether its text may still be changed (a published one is withdrawn first).
    pub fn editable(self) -> bool {
        self != Status::Published
    }
}

/// An announcement as typed.
#[derive(Debug, Clone, Default)]
pub struct AnnouncementInput {
    pub audience: String,
    pub title_ar: String,
    pub title_fr: String,
    pub body_ar: String,
    pub body_fr: String,
    /// Region (`07`) or province (`07.427`) codes; none is the whole country.
    pub territories: Vec<String>,
    /// Establishment category codes; none is every category (partners only).
    pub categories: Vec<String>,
    pub publish_on: String,
    pub expires_on: String,
}

/// An announcement checked.
#[derive(Debug, Clone, PartialEq)]
pub struct Checked {
    pub audience: Audience,
    pub title_ar: String,
    pub title_fr: String,
    pub body_ar: String,
    pub body_fr: String,
    pub territories: Vec<Scope>,
    pub categories: Vec<String>,
    pub publish_on: Option<NaiveDate>,
    pub expires_on: Option<NaiveDate>,
}

fn day(s: &str) -> Result<Option<NaiveDate>, ()> {
    let s = s.trim();
    if s.is_empty() {
        return Ok(None);
    }
    NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .map(Some)
        .map_err(|_| ())
}

/// Reads a territory code: a province (`07.427`) or a region (`07`).
pub fn territory(code: &str) -> Option<Scope> {
    let code = code.trim();
    if code.contains('.') {
        ProvinceCode::parse(code).ok().map(Scope::Province)
    } else {
        RegionCode::parse(code).ok().map(Scope::Region)
    }
}

/// Checks every field at once: errors by field with their translation key. Whether the
/// categories exist is the store's to say.
pub fn check(input: &AnnouncementInput) -> Result<Checked, Vec<(&'static str, &'static str)>> {
    let mut errors = Vec::new();
    let audience = Audience::parse(input.audience.trim());
    if audience.is_none() {
        errors.push(("audience", "ann-error-audience"));
    }
    for (field, text, max) in [
        ("title_ar", &input.title_ar, TITLE_MAX_CHARS),
        ("title_fr", &input.title_fr, TITLE_MAX_CHARS),
        ("body_ar", &input.body_ar, BODY_MAX_CHARS),
        ("body_fr", &input.body_fr, BODY_MAX_CHARS),
    ] {
        if text.trim().is_empty() {
            errors.push((field, "ann-error-required"));
        } else if text.trim().chars().count() > max {
            errors.push((field, "ann-error-too-long"));
        }
    }
    let mut territories = Vec::new();
    for t in input.territories.iter().filter(|t| !t.trim().is_empty()) {
        match territory(t) {
            Some(s) if !territories.contains(&s) => territories.push(s),
            Some(_) => {}
            None => {
                errors.push(("territories", "ann-error-territories"));
                break;
            }
        }
    }
    let publish_on = day(&input.publish_on);
    let expires_on = day(&input.expires_on);
    if publish_on.is_err() {
        errors.push(("publish_on", "ann-error-date"));
    }
    if expires_on.is_err() {
        errors.push(("expires_on", "ann-error-date"));
    }
    if let (Ok(Some(p)), Ok(Some(e))) = (publish_on, expires_on)
        && e < p
    {
        errors.push(("expires_on", "ann-error-expires-before"));
    }
    let (Some(audience), Ok(publish_on), Ok(expires_on), true) =
        (audience, publish_on, expires_on, errors.is_empty())
    else {
        return Err(errors);
    };
    let categories = if audience == Audience::Partners {
        let mut c: Vec<String> = input
            .categories
            .iter()
            .map(|c| c.trim().to_owned())
            .filter(|c| !c.is_empty())
            .collect();
        c.sort();
        c.dedup();
        c
    } else {
        Vec::new()
    };
    Ok(Checked {
        audience,
        title_ar: input.title_ar.trim().into(),
        title_fr: input.title_fr.trim().into(),
        body_ar: input.body_ar.trim().into(),
        body_fr: input.body_fr.trim().into(),
        territories,
        categories,
        publish_on,
        expires_on,
    })
}

/// The narrowest territory holding every target: a province, a region, or the whole
/// country (no target, or targets in several regions).
pub fn home_scope(territories: &[Scope]) -> Scope {
    let Some(first) = territories.first() else {
        return Scope::National;
    };
    if territories.iter().all(|t| t == first) {
        return first.clone();
    }
    let region = |s: &Scope| match s {
        Scope::Region(r) => Some(r.clone()),
        Scope::Province(p) => Some(p.region()),
        _ => None,
    };
    match region(first) {
        Some(r) if territories.iter().all(|t| region(t).as_ref() == Some(&r)) => Scope::Region(r),
        _ => Scope::National,
    }
}

/// Whether a published announcement shows on `today`: from its publication day, up to
/// and including its expiry day.
pub fn visible(
    status: Status,
    publish_on: Option<NaiveDate>,
    expires_on: Option<NaiveDate>,
    today: NaiveDate,
) -> bool {
    status == Status::Published
        && publish_on.is_some_and(|p| p <= today)
        && expires_on.is_none_or(|e| today <= e)
}

/// Whether an announcement to `territories` and `categories` reaches an establishment
/// of `category` in `province` (no territory: the country; no category: all of them).
pub fn reaches(
    territories: &[Scope],
    categories: &[String],
    province: &ProvinceCode,
    category: &str,
) -> bool {
    (territories.is_empty() || territories.iter().any(|t| t.covers_province(province)))
        && (categories.is_empty() || categories.iter().any(|c| c == category))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn input() -> AnnouncementInput {
        AnnouncementInput {
            audience: "partners".into(),
            title_ar: "إعلان".into(),
            title_fr: "Annonce".into(),
            body_ar: "نص".into(),
            body_fr: "Texte".into(),
            territories: vec!["07.427".into()],
            categories: vec!["elderly".into()],
            publish_on: "2026-12-01".into(),
            expires_on: "2026-12-31".into(),
        }
    }

    #[test]
    fn every_error_is_given_at_once() {
        let errors = check(&AnnouncementInput {
            territories: vec!["xx".into()],
            publish_on: "2026-13-01".into(),
            ..Default::default()
        })
        .unwrap_err();
        let fields: Vec<&str> = errors.iter().map(|(f, _)| *f).collect();
        assert_eq!(
            fields,
            [
                "audience",
                "title_ar",
                "title_fr",
                "body_ar",
                "body_fr",
                "territories",
                "publish_on"
            ]
        );
        let mut i = input();
        i.expires_on = "2026-11-30".into();
        assert_eq!(
            check(&i).unwrap_err(),
            [("expires_on", "ann-error-expires-before")]
        );
        let ok = check(&input()).unwrap();
        assert_eq!(ok.publish_on, Some(d("2026-12-01")));
        let mut public = input();
        public.audience = "public".into();
        assert!(
            check(&public).unwrap().categories.is_empty(),
            "news has no category"
        );
    }

    #[test]
    fn the_home_territory_is_the_narrowest_holding_every_target() {
        let t = |c: &str| territory(c).unwrap();
        assert_eq!(home_scope(&[]), Scope::National);
        assert_eq!(home_scope(&[t("07.427")]), t("07.427"));
        assert_eq!(home_scope(&[t("07.427"), t("07.431")]), t("07"));
        assert_eq!(home_scope(&[t("07"), t("07.431")]), t("07"));
        assert_eq!(home_scope(&[t("07.427"), t("06.141")]), Scope::National);
    }

    #[test]
    fn shown_from_its_day_to_its_expiry_and_only_published() {
        let (p, e) = (Some(d("2026-12-01")), Some(d("2026-12-31")));
        assert!(!visible(Status::Published, p, e, d("2026-11-30")));
        assert!(visible(Status::Published, p, e, d("2026-12-01")));
        assert!(visible(Status::Published, p, e, d("2026-12-31")));
        assert!(!visible(Status::Published, p, e, d("2027-01-01")));
        assert!(!visible(Status::Draft, p, e, d("2026-12-10")));
        assert!(!visible(Status::Withdrawn, p, e, d("2026-12-10")));
        assert!(visible(Status::Published, p, None, d("2030-01-01")));
    }

    #[test]
    fn reaches_its_territories_and_categories() {
        let rehamna = ProvinceCode::parse("07.427").unwrap();
        let casa = ProvinceCode::parse("06.141").unwrap();
        let region = vec![territory("07").unwrap()];
        let cats = vec!["elderly".to_owned()];
        assert!(reaches(&region, &cats, &rehamna, "elderly"));
        assert!(!reaches(&region, &cats, &rehamna, "disability"));
        assert!(!reaches(&region, &cats, &casa, "elderly"));
        assert!(reaches(&[], &[], &casa, "disability"));
    }

    proptest! {
        #[test]
        fn visible_exactly_between_the_days(a in 0u64..60, b in 0u64..60, t in 0u64..60) {
            let base = d("2026-01-01");
            let (p, e, today) = (base + chrono::Days::new(a), base + chrono::Days::new(a + b), base + chrono::Days::new(t));
            prop_assert_eq!(visible(Status::Published, Some(p), Some(e), today), p <= today && today <= e);
        }
    }
}
